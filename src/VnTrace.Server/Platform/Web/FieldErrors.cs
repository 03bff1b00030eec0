using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace VnTrace.Server.Platform.Web;

/// <summary>A refusal beside the form property it concerns; "" for the form as a whole.</summary>
public sealed record FieldError(string Field, string Message);

/// <summary>
/// The refusals a form service collects, in the order they were found. Services fill it and hand back its
/// <see cref="List"/> in their result record; only the page decides which binding prefix the fields live under.
/// </summary>
public sealed class FieldErrors
{
    private readonly List<FieldError> errors = [];

    public bool Any => errors.Count > 0;

    public int Count => errors.Count;

    public IReadOnlyList<FieldError> List => errors;

    public void Add(string field, string message) => errors.Add(new FieldError(field, message));

    public bool Has(string field) => errors.Exists(e => e.Field == field);
}

/// <summary>How a page copies a service's refusals into its ModelState.</summary>
public static class FieldErrorsModelState
{
    /// <summary>
    /// Adds each error under "<paramref name="prefix"/>.{field}" (the page's bound property), or at the top of the
    /// form when its field is "".
    /// </summary>
    public static void AddFieldErrors(this ModelStateDictionary modelState, IEnumerable<FieldError> errors, string prefix = "Form")
    {
        foreach (var e in errors)
            modelState.AddModelError(e.Field.Length == 0 || prefix.Length == 0 ? e.Field : prefix + "." + e.Field, e.Message);
    }
}
