using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using VnTrace.Server.Identity;
using VnTrace.Server.Platform.Data;
using VnTrace.Server.Products;

namespace VnTrace.Server.Workspace.Products;

/// <summary>Declares a product: typed or allocated GTIN, all its fields, up to five images.</summary>
public sealed class NewModel(ProductService products, VnTraceDbContext db, CurrentBusiness business, IStringLocalizer<ProductText> t) : PageModel
{
    [BindProperty]
    public ProductFields Form { get; set; } = new();

    [BindProperty]
    public List<IFormFile> Images { get; set; } = [];

    public string? CompanyPrefix { get; private set; }
    public IReadOnlyList<string> Categories { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        Form.AllocateGtin = CompanyPrefix is not null;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (!ModelState.IsValid)
            return Page();
        var saved = await products.CreateAsync(Form, Images, ct);
        if (!saved.Saved)
        {
            foreach (var e in saved.Errors)
                ModelState.AddModelError(e.Field == "Images" ? "Images" : "Form." + e.Field, e.Message);
            return Page();
        }
        TempData["Message"] = t["Products.Created", saved.Product!.NameVi, saved.Product.Gtin].Value;
        if (saved.Warning is not null)
            TempData["Warning"] = saved.Warning;
        return Redirect($"/workspace/products/{saved.Product.Id}");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        CompanyPrefix = (await business.GetAsync(ct)).CompanyPrefixInUse;
        Categories = await db.Products.Where(p => p.OrganizationId == business.Id && p.Category != null)
            .Select(p => p.Category!).Distinct().OrderBy(c => c).ToListAsync(ct);
    }
}
