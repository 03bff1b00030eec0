using Microsoft.Extensions.Localization;

namespace VnTrace.Server.Lots.Diary;

/// <summary>
/// Collects the refusals of one entry. Callers pass the localized message with a literal key, so the resource
/// test (Shared/UiResourcesTests) sees every key the diary can answer with.
/// </summary>
internal sealed class DiaryErrors
{
    private readonly List<DiaryError> errors = [];

    public bool Any => errors.Count > 0;

    public IReadOnlyList<DiaryError> List => errors;

    public void Add(string field, LocalizedString message) => errors.Add(new DiaryError(field, message.Value));

    public bool Has(string field) => errors.Any(e => e.Field == field);
}
