using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using VnTrace.Server.Platform.Audit;
using VnTrace.Server.Platform.Data;
using VnTrace.Server.Identity;
using VnTrace.Server.Lookup.Publication;

namespace VnTrace.Server.Lookup;

/// <summary>
/// /workspace/publication: what consumers see of this business beyond the legal minimum — which optional fields,
/// which kinds of events, and whether events at internal places show. Staff can read it; the owner decides. A
/// change evicts the business's cached consumer pages and is audited.
/// </summary>
[Authorize(Policy = Policies.Workspace)]
[TypeFilter(typeof(WorkspaceStatusFilter))]
public sealed partial class PublicationModel(VnTraceDbContext db, CurrentBusiness business, AuditTrail audit, LookupCacheEviction eviction,
    TimeProvider clock, IStringLocalizer<LookupText> l) : PageModel
{
    /// <summary>The optional fields, in the order the form lists them.</summary>
    public static readonly PublicField[] OptionalFields =
    [
        PublicField.Description, PublicField.AddressLine, PublicField.ContactName, PublicField.Phone, PublicField.Email, PublicField.Website,
        PublicField.OcopStars, PublicField.Standards, PublicField.NetContent, PublicField.ProductionDate, PublicField.Certificates,
        PublicField.Journey, PublicField.Map, PublicField.InputLots,
    ];

    /// <summary>Business steps a producer's diary commonly holds, offered even before the business has used them.</summary>
    public static readonly string[] CommonBizSteps =
        ["commissioning", "harvesting", "inspecting", "packing", "storing", "loading", "shipping", "transporting", "arriving", "receiving", "unloading", "retail_selling"];

    [BindProperty]
    public List<PublicField> Fields { get; set; } = [];

    [BindProperty]
    public List<string> HiddenBizSteps { get; set; } = [];

    [BindProperty]
    public bool ShowInternalLocations { get; set; }

    public List<string> BizSteps { get; private set; } = [];
    public bool CanEdit => business.IsOwner;
    public string? PreviewPath { get; private set; }
    public int InternalLocations { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var choice = (await PublicationPolicy.ForAsync(db, [business.Id], ct))[business.Id];
        Fields = [.. OptionalFields.Where(choice.Shows)];
        HiddenBizSteps = [.. choice.HiddenBizSteps];
        ShowInternalLocations = choice.ShowInternalLocations;
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!business.IsOwner)
            return Forbid();
        var steps = HiddenBizSteps.Select(s => s.Trim()).Where(s => s.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        if (steps.Any(s => !BizStepWord().IsMatch(s)) || Fields.Any(f => !OptionalFields.Contains(f)))
        {
            ModelState.AddModelError(string.Empty, l["Publication.Invalid"]);
            await LoadAsync(ct);
            return Page();
        }
        var fields = Fields.Aggregate(PublicField.None, (all, f) => all | f);
        var row = await db.PublicationSettings.AsTracking().FirstOrDefaultAsync(p => p.OrganizationId == business.Id, ct);
        if (row is null)
        {
            row = new PublicationSettings { OrganizationId = business.Id };
            db.PublicationSettings.Add(row);
        }
        row.Fields = fields;
        row.HiddenBizSteps = steps;
        row.ShowInternalLocations = ShowInternalLocations;
        row.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        row.UpdatedBy = business.UserId;
        audit.Record("publication.update", nameof(PublicationSettings), business.Id,
            new { Fields = fields.ToString(), HiddenBizSteps = steps, ShowInternalLocations });
        await db.SaveChangesAsync(ct);
        await eviction.OrganizationChangedAsync(business.Id, ct);
        TempData["Message"] = l["Publication.Saved"].Value;
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var id = business.Id;
        var used = await db.Events.Where(e => e.OwnerId == id && e.BizStep != null).Select(e => e.BizStep!).Distinct().Take(100).ToListAsync(ct);
        BizSteps = [.. CommonBizSteps.Concat(used.Select(PublicationPolicy.BizStepWord)).Concat(HiddenBizSteps).Where(s => BizStepWord().IsMatch(s)).Distinct(StringComparer.Ordinal)];
        var lot = await db.Lots.Where(x => x.OrganizationId == id).OrderByDescending(x => x.UpdatedAt).Select(x => new { x.Gtin, x.LotNumber }).FirstOrDefaultAsync(ct);
        PreviewPath = lot is null ? null : new Gs1.Identifiers.DigitalLink { PrimaryKey = new("01", lot.Gtin), Qualifiers = [new("10", lot.LotNumber)] }.ToUri("", includeQuery: false);
        InternalLocations = await db.Locations.CountAsync(x => x.OrganizationId == id && x.Internal && !x.Archived, ct);
    }

    [GeneratedRegex("^[a-z][a-z_]{0,49}$")]
    private static partial Regex BizStepWord();
}
