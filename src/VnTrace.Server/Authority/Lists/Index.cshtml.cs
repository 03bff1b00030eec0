using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using VnTrace.Server.Exports;
using VnTrace.Server.Organizations.Reference;
using VnTrace.Server.Platform.Data;
using VnTrace.Server.Programme;
using VnTrace.Server.Programme.Agencies;
using VnTrace.Server.Programme.Lists;

namespace VnTrace.Server.Authority.Lists;

/// <summary>
/// A year's product lists: filtered by list, status, sector and agency, exported as filtered; officers propose
/// within their scope; the DoST approves or rejects entries, freezes the edition and starts the next year as its copy.
/// A refusal of the service is shown on the page, whoever tried.
/// </summary>
public sealed class IndexModel(ProductListService lists, AgencyService agencies, CurrentOfficer officer, VnTraceDbContext db,
    IStringLocalizer<ListsText> t, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty(SupportsGet = true)] public string? List { get; set; }
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    [BindProperty(SupportsGet = true)] public string? Sector { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? Agency { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? History { get; set; }
    [BindProperty] public ProposeForm Form { get; set; } = new();
    [TempData] public string? Message { get; set; }

    /// <summary>The service's refusals of the last post, shown as an alert.</summary>
    public IReadOnlyList<string> Problems { get; private set; } = [];
    public int ShownYear { get; private set; }
    public ListEdition? Edition { get; private set; }
    public IReadOnlyList<ProductListEntry> Entries { get; private set; } = [];
    public IReadOnlyList<ProductListEntry> HistoryChain { get; private set; } = [];
    public IReadOnlyList<Agency> Agencies { get; private set; } = [];
    public IReadOnlyDictionary<Guid, string> AgencyNames { get; private set; } = new Dictionary<Guid, string>();
    public IReadOnlyDictionary<Guid, string> ProductNames { get; private set; } = new Dictionary<Guid, string>();
    public IReadOnlyDictionary<string, string> Actors { get; private set; } = new Dictionary<string, string>();
    public IReadOnlyList<string> ProposableSectors { get; private set; } = [];
    public bool NextExists { get; private set; }
    public IReadOnlyList<int> Years { get; private set; } = [];
    public OfficerScope Scope { get; private set; } = null!;

    public sealed class ProposeForm
    {
        public string? List { get; set; }
        public string? ProductGroup { get; set; }
        public string? GtinPrefix { get; set; }
        public string? Sector { get; set; }
        public string? Reason { get; set; }
        public string? LegalBasis { get; set; }
        public DateOnly? RoadmapDate { get; set; }
        public Guid? ResponsibleAgencyId { get; set; }
    }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct)
    {
        var year = YearShown();
        if (await lists.EditionAsync(year, ct) is not { } edition)
            return NotFound();
        var filtered = Filter().Apply(edition);
        var (agencyNames, products) = await ProductListsApi.NamesAsync(db, filtered, ct);
        var sheet = ProductListExport.Build(filtered, agencyNames, products, clock.GetUtcNow());
        return File(XlsxExportWriter.Write(sheet), XlsxExportWriter.ContentType, $"product-lists-{year}.xlsx");
    }

    public async Task<IActionResult> OnPostProposeAsync(CancellationToken ct)
    {
        var (entry, refusals) = await lists.ProposeAsync(await officer.GetAsync(ct), YearShown(), new ListEntryInput(Form.List, Form.ProductGroup,
            Form.Sector, Form.Reason, Form.GtinPrefix, null, Form.LegalBasis, Form.RoadmapDate, Form.ResponsibleAgencyId), ct);
        return await AfterAsync(entry is null ? refusals : [], t["Lists.ProposedOk"], ct);
    }

    public async Task<IActionResult> OnPostApproveAsync(Guid id, string? reason, CancellationToken ct)
    {
        var (_, refusals) = await lists.ApproveAsync(await officer.GetAsync(ct), id, reason, ct);
        return await AfterAsync(refusals, t["Lists.Approved"], ct);
    }

    public async Task<IActionResult> OnPostRejectAsync(Guid id, string? reason, CancellationToken ct)
    {
        var (_, refusals) = await lists.RejectAsync(await officer.GetAsync(ct), id, reason, ct);
        return await AfterAsync(refusals, t["Lists.Rejected"], ct);
    }

    public async Task<IActionResult> OnPostFreezeAsync(string? decision, CancellationToken ct)
    {
        var (_, refusals) = await lists.ApproveEditionAsync(await officer.GetAsync(ct), YearShown(), decision, ct);
        return await AfterAsync(refusals, t["Lists.FrozenOk", YearShown()], ct);
    }

    public async Task<IActionResult> OnPostStartNextAsync(CancellationToken ct)
    {
        var year = YearShown();
        var (_, refusals) = await lists.StartNextEditionAsync(await officer.GetAsync(ct), year, ct);
        if (refusals.Count == 0)
            Year = year + 1;
        return await AfterAsync(refusals, t["Lists.StartedNext", year + 1], ct);
    }

    private async Task<IActionResult> AfterAsync(IReadOnlyList<Refusal> refusals, LocalizedString done, CancellationToken ct)
    {
        if (refusals.Count == 0)
        {
            Message = done.Value;
            return RedirectToPage(new { Year = YearShown(), List, Status, Sector, Agency });
        }
        Problems = [.. refusals.Select(r => r.Row is { } row ? $"{r.Message} (row {row})" : r.Message)];
        await LoadAsync(ct);
        return Page();
    }

    private int YearShown() => Year is { } y && ProductListService.IsYear(y) ? y : Platform.Text.VietnamTime.Today(clock).Year;

    private ListFilter Filter() => new(
        List is not null && ProductListService.ListWords.TryGetValue(List, out var kind) ? kind : null,
        Enum.TryParse<ListEntryStatus>(Status, ignoreCase: true, out var status) && Enum.IsDefined(status) ? status : null,
        Sectors.IsKnown(Sector) ? Sector : null,
        Agency);

    private async Task LoadAsync(CancellationToken ct)
    {
        Scope = await officer.GetAsync(ct);
        ShownYear = YearShown();
        Agencies = await agencies.ListAsync(ct);
        ProposableSectors = Scope.Kind == AgencyKind.Department ? Scope.Sectors : Sectors.Codes;
        Years = [.. (await lists.EditionsAsync(ct)).Select(e => e.Year).Append(ShownYear).Distinct().OrderDescending()];
        Edition = await lists.EditionAsync(ShownYear, ct);
        NextExists = Edition is not null && await lists.EditionAsync(ShownYear + 1, ct) is not null;
        if (Edition is null)
            return;
        Entries = Filter().Apply(Edition).Entries;
        if (History is { } id)
            HistoryChain = await lists.HistoryAsync(id, ct);
        (AgencyNames, ProductNames) = await ProductListsApi.NamesAsync(db, Edition, ct);
        Actors = await OfficerActors.NamesAsync(db, Entries.Concat(HistoryChain).SelectMany(e => new[] { e.ProposedBy, e.DecidedBy }), ct);
    }
}
