using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using VnTrace.Server.Identity;
using VnTrace.Server.Platform.Data;
using VnTrace.Server.Platform.Web;
using VnTrace.Server.Labels;
using Lot = VnTrace.Server.Lots.Lot;

namespace VnTrace.Server.Workspace.Labels;

/// <summary>
/// The business's label batches (search, filter by kind or lot, page) with what it has printed and issued, and the
/// form that issues a new batch for one of its lots (?lotId= preselects it, so a lot's page can link here).
/// </summary>
public sealed class IndexModel(VnTraceDbContext db, CurrentBusiness business, CodeIssuer issuer, IStringLocalizer<LabelsText> t) : PageModel
{
    public const int PageSize = 25;

    /// <summary>Lots offered in the form: the most recently changed, plus the one asked for.</summary>
    private const int LotChoices = 200;

    /// <summary>Lot number, GTIN or product name.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public LabelBatchKind? Kind { get; set; }

    /// <summary>Shows this lot's batches only, and preselects it in the form.</summary>
    [BindProperty(SupportsGet = true)]
    public Guid? LotId { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    [BindProperty]
    public LabelsForm Form { get; set; } = new();

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public int Total { get; private set; }
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
    public long LabelsPrinted { get; private set; }
    public long SerialsIssued { get; private set; }
    public IReadOnlyList<LotChoice> Lots { get; private set; } = [];

    /// <summary>The lot the list is narrowed to, when <see cref="LotId"/> is one of the business's.</summary>
    public LotChoice? FilterLot { get; private set; }

    public sealed record Row(Guid Id, string LotNumber, string Gtin, string? ProductName, LabelBatchKind Kind, int Count, string? Layout,
        DateTime CreatedAt, string? CreatedBy);

    public sealed record LotChoice(Guid Id, string LotNumber, string Gtin, string? ProductName);

    public async Task OnGetAsync(CancellationToken ct)
    {
        Form.LotId = LotId;
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var (form, errors) = Form.Check(t);
        ModelState.AddFieldErrors(errors);
        if (form is null || !ModelState.IsValid)
        {
            await LoadAsync(ct);
            return Page();
        }
        var outcome = await issuer.IssueAsync(business.Id, business.UserId, form.Request, ct);
        if (outcome.Problem is { } problem)
        {
            if (problem == IssueProblem.LotNotFound)
                return NotFound();
            var field = problem switch
            {
                IssueProblem.CountOutOfRange => nameof(LabelsForm.Count),
                IssueProblem.LayoutUnknown => nameof(LabelsForm.Layout),
                IssueProblem.SerialsNeedOwnGtin => nameof(LabelsForm.Kind),
                _ => nameof(LabelsForm.LotId),
            };
            ModelState.AddModelError(LabelsForm.Field(field), problem == IssueProblem.CountOutOfRange
                ? t["Labels.Error.CountRange", CodeIssuer.MaxBatch.ToString("N0", CultureInfo.CurrentCulture)]
                : t["Labels.Error." + problem]);
            await LoadAsync(ct);
            return Page();
        }
        var batch = outcome.Batch!;
        TempData["Message"] = t[batch.Kind == LabelBatchKind.Serial ? "Labels.IssuedSerials" : "Labels.IssuedLot",
            batch.Count.ToString("N0", CultureInfo.CurrentCulture)].Value;
        return Redirect($"/workspace/labels/{batch.Id}?start={form.StartPosition}&name={(Form.IncludeProductName ? "true" : "false")}");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var org = business.Id;
        var batches = db.LabelBatches.Where(b => b.OrganizationId == org);
        LabelsPrinted = await batches.SumAsync(b => (long)b.Count, ct);
        SerialsIssued = await batches.Where(b => b.Kind == LabelBatchKind.Serial).SumAsync(b => (long)b.Count, ct);

        var lots = db.Lots.Where(l => l.OrganizationId == org);
        var choices = await lots.OrderByDescending(l => l.UpdatedAt).Take(LotChoices).Select(ToChoice(db)).ToListAsync(ct);
        var wanted = Form.LotId ?? LotId;
        if (wanted is { } id && choices.All(c => c.Id != id) && await lots.Where(l => l.Id == id).Select(ToChoice(db)).FirstOrDefaultAsync(ct) is { } extra)
            choices.Insert(0, extra);
        Lots = choices;
        if (LotId is { } lotId)
            FilterLot = choices.FirstOrDefault(c => c.Id == lotId);

        var query = from b in batches
                    join l in lots on b.LotId equals l.Id
                    select new { Batch = b, Lot = l, Product = db.ProductNames.Where(p => p.Gtin == l.Gtin).Select(p => p.NameVi).FirstOrDefault() };
        if (FilterLot is not null)
            query = query.Where(x => x.Lot.Id == FilterLot.Id);
        if (Kind is { } kind)
            query = query.Where(x => x.Batch.Kind == kind);
        if (!string.IsNullOrWhiteSpace(Q))
        {
            var q = Q.Trim();
            query = query.Where(x => x.Lot.LotNumber.Contains(q) || x.Lot.Gtin.Contains(q) || (x.Product != null && x.Product.Contains(q)));
        }
        Total = await query.CountAsync(ct);
        PageNumber = Math.Clamp(PageNumber, 1, Pages);
        Rows = await query.OrderByDescending(x => x.Batch.CreatedAt).ThenByDescending(x => x.Batch.Id)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize)
            .Select(x => new Row(x.Batch.Id, x.Lot.LotNumber, x.Lot.Gtin, x.Product, x.Batch.Kind, x.Batch.Count, x.Batch.Layout, x.Batch.CreatedAt,
                db.Users.Where(u => u.Id == x.Batch.CreatedBy).Select(u => u.FullName).FirstOrDefault()))
            .ToListAsync(ct);
    }

    private static System.Linq.Expressions.Expression<Func<Lot, LotChoice>> ToChoice(VnTraceDbContext db) =>
        l => new LotChoice(l.Id, l.LotNumber, l.Gtin, db.ProductNames.Where(p => p.Gtin == l.Gtin).Select(p => p.NameVi).FirstOrDefault());

    /// <summary>This list with one query value changed.</summary>
    public string Link(int page) =>
        $"/workspace/labels?q={Uri.EscapeDataString(Q ?? "")}&kind={Kind}&lotId={FilterLot?.Id}&p={page}";
}
