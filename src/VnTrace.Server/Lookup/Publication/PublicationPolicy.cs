using Microsoft.EntityFrameworkCore;
using VnTrace.Gs1.Epcis.Cbv;
using VnTrace.Server.Organizations;
using VnTrace.Server.Platform.Data;

namespace VnTrace.Server.Lookup.Publication;

/// <summary>One business's choice, or its defaults when it has not chosen.</summary>
public sealed record PublicationChoice(PublicField Fields, IReadOnlySet<string> HiddenBizSteps, bool ShowInternalLocations)
{
    public bool Shows(PublicField field) => (Fields & field) == field;

    /// <summary>Whether an event with this business step may be shown (its bare CBV word is compared).</summary>
    public bool ShowsBizStep(string? bizStep) =>
        bizStep is null || !HiddenBizSteps.Contains(PublicationPolicy.BizStepWord(bizStep));
}

/// <summary>Reads what businesses chose to publish.</summary>
public static class PublicationPolicy
{
    /// <summary>
    /// Everything optional is shown, but a household's street address, phone and e-mail are its private ones
    /// (Decree 37/2026 Art. 23.7: never private addresses), so they stay hidden until the household chooses otherwise.
    /// Events at internal locations are hidden.
    /// </summary>
    public static PublicationChoice Defaults(BusinessForm form) => new(
        form == BusinessForm.Household ? PublicField.All & ~(PublicField.AddressLine | PublicField.Phone | PublicField.Email) : PublicField.All,
        new HashSet<string>(StringComparer.Ordinal), false);

    /// <summary>
    /// The bare word of a business step in any of its CBV forms ("harvesting" for
    /// urn:epcglobal:cbv:bizstep:harvesting), also for words the CBV list does not hold; other values unchanged.
    /// </summary>
    public static string BizStepWord(string bizStep)
    {
        if (Cbv.TryGetWord(CbvVocabulary.BizStep, bizStep, out var word))
            return word;
        foreach (var prefix in (ReadOnlySpan<string>)[Cbv.UrnPrefix(CbvVocabulary.BizStep), Cbv.WebUriPrefix(CbvVocabulary.BizStep)])
            if (bizStep.StartsWith(prefix, StringComparison.Ordinal))
                return bizStep[prefix.Length..];
        return bizStep;
    }

    public static PublicationChoice From(PublicationSettings settings) =>
        new(settings.Fields, settings.HiddenBizSteps.ToHashSet(StringComparer.Ordinal), settings.ShowInternalLocations);

    public static async Task<Dictionary<Guid, PublicationChoice>> ForAsync(VnTraceDbContext db, IReadOnlyCollection<Guid> organizationIds, CancellationToken ct)
    {
        if (organizationIds.Count == 0)
            return [];
        var ids = organizationIds.Distinct().ToList();
        var rows = await db.PublicationSettings.IgnoreTenantFilter("the public page of any business follows that business's choices").Where(p => ids.Contains(p.OrganizationId)).ToListAsync(ct);
        var forms = await db.Organizations.Where(o => ids.Contains(o.Id)).Select(o => new { o.Id, o.Form }).ToDictionaryAsync(o => o.Id, o => o.Form, ct);
        var result = new Dictionary<Guid, PublicationChoice>();
        foreach (var id in ids)
        {
            var row = rows.FirstOrDefault(r => r.OrganizationId == id);
            result[id] = row is not null ? From(row) : Defaults(forms.GetValueOrDefault(id));
        }
        return result;
    }
}
