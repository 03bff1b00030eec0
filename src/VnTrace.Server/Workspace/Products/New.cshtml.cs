using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using VnTrace.Server.Identity;
using VnTrace.Server.Platform.Data;
using VnTrace.Server.Products;

namespace VnTrace.Server.Workspace.Products;

/// <summary>Declares a product: typed or allocated GTIN, all its fields, up to five images.</summary>
public sealed class NewModel(ProductService products, ProductGallery gallery, VnTraceDbContext db, CurrentBusiness business, IStringLocalizer<ProductText> t) : PageModel
{
    [BindProperty]
    public ProductFields Form { get; set; } = new();

    [BindProperty]
    public List<IFormFile> Images { get; set; } = [];

    /// <summary>Images an earlier post of this form stored (see <see cref="ProductGallery.HoldAsync"/>), carried in hidden fields.</summary>
    [BindProperty]
    public List<Guid> KeptImages { get; set; } = [];

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
        // The chosen images are stored before anything else is checked, so that the form shown again keeps them.
        var imageErrors = new List<ProductError>();
        KeptImages = [.. await gallery.HoldAsync(KeptImages, Images, imageErrors, ct)];
        ModelState.Remove(nameof(KeptImages));
        foreach (var e in imageErrors)
            ModelState.AddModelError("Images", e.Message);
        if (!ModelState.IsValid)
            return Page();
        var saved = await products.CreateAsync(Form, KeptImages, ct);
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
