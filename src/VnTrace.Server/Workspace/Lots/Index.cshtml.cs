using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using VnTrace.Server.Identity;
using VnTrace.Server.Lots;
using VnTrace.Server.Platform.Data;

namespace VnTrace.Server.Workspace.Lots;

/// <summary>The business's lots: search by lot number, GTIN or product, filter by status and product, newest first.</summary>
public sealed class IndexModel(VnTraceDbContext db, CurrentBusiness business) : PageModel
{
    public const int PageSize = 25;

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public LotStatus? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? Product { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public int Total { get; private set; }
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
    public List<SelectListItem> Products { get; private set; } = [];

    public sealed record Row(Guid Id, string LotNumber, string Gtin, string? ProductName, LotStatus Status, LotOrigin Origin,
        string? LocationName, decimal? Quantity, string? Unit, DateTime UpdatedAt);

    public async Task OnGetAsync(CancellationToken ct)
    {
        var org = business.Id;
        Products = await LotForms.ProductsAsync(db, org, ct);
        var query = db.Lots.Where(l => l.OrganizationId == org);
        if (Status is { } s)
            query = query.Where(l => l.Status == s);
        if (Product is { } productId)
            query = query.Where(l => l.ProductId == productId);
        if (!string.IsNullOrWhiteSpace(Q))
        {
            var q = Q.Trim().ToLower();
            // A received lot carries the partner's GTIN: its product's name is found by GTIN, whoever declared it.
            query = query.Where(l => l.LotNumber.ToLower().Contains(q) || l.Gtin == q
                || db.ProductNames.Any(p => p.Gtin == l.Gtin && p.NameVi.ToLower().Contains(q)));
        }
        Total = await query.CountAsync(ct);
        PageNumber = Math.Clamp(PageNumber, 1, Pages);
        Rows = await query.OrderByDescending(l => l.UpdatedAt).ThenBy(l => l.Id)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize)
            .Select(l => new Row(l.Id, l.LotNumber, l.Gtin,
                db.ProductNames.Where(p => p.Gtin == l.Gtin).Select(p => p.NameVi).FirstOrDefault(),
                l.Status, l.Origin,
                db.Locations.Where(x => x.Id == l.LocationId).Select(x => x.Name).FirstOrDefault(),
                l.Quantity, l.Unit, l.UpdatedAt))
            .ToListAsync(ct);
    }

    /// <summary>The list's own address with one page number, keeping the search and filters.</summary>
    public string PageLink(int page) =>
        $"?q={Uri.EscapeDataString(Q ?? "")}&status={Status}&product={Product}&p={page}";
}
