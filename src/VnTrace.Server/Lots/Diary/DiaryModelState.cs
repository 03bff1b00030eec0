using Microsoft.AspNetCore.Mvc.ModelBinding;
using VnTrace.Server.Platform.Web;

namespace VnTrace.Server.Lots.Diary;

/// <summary>How the diary pages show a <see cref="DiaryResult"/>'s refusals.</summary>
public static class DiaryModelState
{
    /// <summary>
    /// Puts a diary refusal next to its field: the entry's property <paramref name="fieldMap"/> names, under
    /// "Form."; anything else (the entry as a whole, or a row the page does not show as a field) at the top of the form.
    /// </summary>
    public static void AddDiaryErrors(this ModelStateDictionary modelState, IEnumerable<DiaryError> errors, Func<string, string?>? fieldMap = null) =>
        modelState.AddFieldErrors(errors.Select(e => (fieldMap?.Invoke(e.Field) ?? e.Field) switch
        {
            "" or "LotId" or "EventRowId" or "ShipmentId" => new FieldError("", e.Message),
            var field => new FieldError(field, e.Message),
        }));
}
