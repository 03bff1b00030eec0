using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using VnTrace.Server.Certificates;
using VnTrace.Server.Identity;
using VnTrace.Server.Lots;
using VnTrace.Server.Platform.Data;
using VnTrace.Server.Platform.Text;
using VnTrace.Server.Products;

namespace VnTrace.Server.Workspace.Products;

/// <summary>One product: its fields, images, lots and the certificates that cover it; archive, restore or delete.</summary>
public sealed class DetailsModel(VnTraceDbContext db, CurrentBusiness business, ProductService products, IStringLocalizer<ProductText> t, TimeProvider clock,
    Programme.Risk.RiskService risk, Programme.Lists.ProductListService lists) : PageModel
{
    public Product Product { get; private set; } = null!;
    public IReadOnlyList<Guid> ImageIds { get; private set; } = [];
    public IReadOnlyList<LotRow> Lots { get; private set; } = [];
    public int LotCount { get; private set; }
    public IReadOnlyList<CertificateRow> Certificates { get; private set; } = [];
    public string? CompanyPrefix { get; private set; }
    public DateOnly Today { get; private set; }
    /// <summary>The level the authority's classification gives the product today (its own assessment, its group's, or what was declared).</summary>
    public Programme.Risk.ProductRisk EffectiveRisk { get; private set; } = null!;
    /// <summary>The approved entries of this year's lists the product falls in (read-only here: the authority keeps the lists).</summary>
    public IReadOnlyList<Programme.Lists.ProductListEntry> ListEntries { get; private set; } = [];

    /// <summary>The most recent lots shown; the lots page lists them all.</summary>
    public const int LotsShown = 20;

    public sealed record LotRow(Guid Id, string LotNumber, LotStatus Status, DateOnly? ProductionDate, DateOnly? ExpiryDate, decimal? Quantity, string? Unit);

    public sealed record CertificateRow(Guid Id, CertificateKind Kind, string? OtherKindName, string Number, string Issuer, DateOnly? ValidTo);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var product = await db.Products.FirstOrDefaultAsync(p => p.Id == id && p.OrganizationId == business.Id, ct);
        if (product is null)
            return NotFound();
        Product = product;
        CompanyPrefix = (await business.GetAsync(ct)).CompanyPrefixInUse;
        Today = VietnamTime.Today(clock);
        EffectiveRisk = await risk.ProductAsync(product, ct);
        ListEntries = await lists.EntriesCoveringAsync(product.Id, product.Category, product.Gtin, Today.Year, ct);
        ImageIds = await db.ProductImages.Where(i => i.ProductId == id).OrderBy(i => i.Position).Select(i => i.FileId).ToListAsync(ct);
        var lots = db.Lots.Where(l => l.ProductId == id && l.OrganizationId == business.Id);
        LotCount = await lots.CountAsync(ct);
        Lots = await lots.OrderByDescending(l => l.CreatedAt).Take(LotsShown)
            .Select(l => new LotRow(l.Id, l.LotNumber, l.Status, l.ProductionDate, l.ExpiryDate, l.Quantity, l.Unit))
            .ToListAsync(ct);
        Certificates = await (
                from link in db.CertificateProducts
                join c in db.Certificates on link.CertificateId equals c.Id
                where link.ProductId == id && c.OrganizationId == business.Id
                orderby c.ValidTo descending
                select new CertificateRow(c.Id, c.Kind, c.OtherKindName, c.Number, c.Issuer, c.ValidTo))
            .ToListAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostArchiveAsync(Guid id, CancellationToken ct) => await SetArchivedAsync(id, true, ct);

    public async Task<IActionResult> OnPostRestoreAsync(Guid id, CancellationToken ct) => await SetArchivedAsync(id, false, ct);

    private async Task<IActionResult> SetArchivedAsync(Guid id, bool archived, CancellationToken ct)
    {
        if (await products.SetArchivedAsync(id, archived, ct) == ProductChange.NotFound)
            return NotFound();
        TempData["Message"] = t[archived ? "Products.Archived" : "Products.Restored"].Value;
        return Redirect($"/workspace/products/{id}");
    }

    public async Task<IActionResult> OnPostDeleteAsync(Guid id, CancellationToken ct)
    {
        switch (await products.DeleteAsync(id, ct))
        {
            case ProductChange.NotFound:
                return NotFound();
            case ProductChange.HasLots:
                TempData["Error"] = t["Products.CannotDelete"].Value;
                return Redirect($"/workspace/products/{id}");
            default:
                TempData["Message"] = t["Products.Deleted"].Value;
                return Redirect("/workspace/products");
        }
    }
}
