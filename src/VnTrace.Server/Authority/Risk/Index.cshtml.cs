using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using VnTrace.Server.Platform.Data;
using VnTrace.Server.Products;
using VnTrace.Server.Programme;
using VnTrace.Server.Programme.Agencies;
using VnTrace.Server.Programme.Lists;
using VnTrace.Server.Programme.Risk;

namespace VnTrace.Server.Authority.Risk;

/// <summary>
/// Risk classification (R = k × C × P): compute or store an assessment of a group or of one product, the groups'
/// levels today, the history with who and when, and the DoST's import of a ministry's high-risk list with its errors by row.
/// </summary>
public sealed class IndexModel(RiskService risk, CurrentOfficer officer, VnTraceDbContext db, IStringLocalizer<ListsText> t, TimeProvider clock) : PageModel
{
    /// <summary>How many history rows the page shows.</summary>
    public const int HistoryShown = 200;

    [BindProperty] public AssessForm Form { get; set; } = new();
    [BindProperty(SupportsGet = true)] public string? Group { get; set; }
    [TempData] public string? Message { get; set; }

    public IReadOnlyList<string> Problems { get; private set; } = [];
    public IReadOnlyList<Refusal> ImportErrors { get; private set; } = [];
    public (decimal R, RiskLevel Level)? Result { get; private set; }
    public IReadOnlyList<GroupRisk> Groups { get; private set; } = [];
    public IReadOnlyList<RiskAssessment> History { get; private set; } = [];
    public IReadOnlyDictionary<string, string> Actors { get; private set; } = new Dictionary<string, string>();
    public IReadOnlyDictionary<Guid, string> Agencies { get; private set; } = new Dictionary<Guid, string>();
    public IReadOnlyDictionary<Guid, string> Products { get; private set; } = new Dictionary<Guid, string>();
    public OfficerScope Scope { get; private set; } = null!;

    public sealed class AssessForm
    {
        /// <summary>Text, so "1,5" and "1.5" both mean one and a half whatever the page's language.</summary>
        public string? K { get; set; }
        public int? C { get; set; }
        public int? P { get; set; }
        public string? ProductGroup { get; set; }
        public string? Gtin { get; set; }
        public DateOnly? EffectiveFrom { get; set; }
        public string? Basis { get; set; }
    }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public Task<IActionResult> OnPostComputeAsync(CancellationToken ct) => AssessAsync(store: false, ct);

    public Task<IActionResult> OnPostStoreAsync(CancellationToken ct) => AssessAsync(store: true, ct);

    private async Task<IActionResult> AssessAsync(bool store, CancellationToken ct)
    {
        var scope = await officer.GetAsync(ct);
        Guid? productId = null;
        string? group = null;
        if (store)
        {
            if (Form.Gtin?.Trim() is { Length: > 0 } gtin)
            {
                if (await risk.ProductByGtinAsync(gtin, ct) is not { } product)
                    return await RefusedAsync([t["Risk.NoProduct", gtin].Value], ct);
                productId = product.Id;
            }
            group = Form.ProductGroup?.Trim() is { Length: > 0 } g ? g : null;
            if (group is null && productId is null)
                return await RefusedAsync([t["Risk.NeedGroup"].Value], ct);
        }
        var (stored, r, level, refusals) = await risk.AssessAsync(scope, new RiskInput(K(), Form.C, Form.P, group, productId, Form.EffectiveFrom, Form.Basis), ct);
        if (refusals.Count > 0)
            return await RefusedAsync([.. refusals.Select(x => x.Message)], ct);
        if (stored is not null)
        {
            Message = t["Risk.Stored"].Value + " " + t["Risk.Result", r.ToString("0.##", CultureInfo.CurrentCulture), t["Level." + RiskRule.Word(level)]].Value;
            return RedirectToPage(new { Group });
        }
        Result = (r, level);
        await LoadAsync(ct);
        return Page();
    }

    private decimal? K()
    {
        var text = Form.K?.Trim().Replace(',', '.');
        return decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var k) ? k : null;
    }

    public async Task<IActionResult> OnPostImportAsync(IFormFile? file, string? basis, CancellationToken ct)
    {
        var scope = await officer.GetAsync(ct);
        if (file is null || file.Length == 0)
            return await RefusedAsync([t["Risk.NoFile"].Value], ct);
        await using var stream = file.OpenReadStream();
        var (imported, refusals) = await risk.ImportHighRiskListAsync(scope, stream, file.FileName, basis, ct);
        if (refusals.Count > 0)
        {
            ImportErrors = refusals;
            await LoadAsync(ct);
            return Page();
        }
        Message = t["Risk.Imported", imported].Value;
        return RedirectToPage(new { Group });
    }

    private async Task<IActionResult> RefusedAsync(IReadOnlyList<string> problems, CancellationToken ct)
    {
        Problems = problems;
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Scope = await officer.GetAsync(ct);
        Groups = await risk.GroupsAsync(Platform.Text.VietnamTime.Today(clock), ct);
        History = await risk.HistoryAsync(Group, null, HistoryShown, ct);
        Actors = await OfficerActors.NamesAsync(db, History.Select(h => h.AssessedBy), ct);
        Agencies = await db.Agencies.AsNoTracking().ToDictionaryAsync(a => a.Id, a => a.Name, ct);
        var ids = History.Where(h => h.ProductId != null).Select(h => h.ProductId!.Value).Distinct().ToList();
        Products = await db.Products.IgnoreTenantFilter("the risk history names any business's assessed product")
            .Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => $"{p.NameVi} ({p.Gtin})", ct);
    }
}
