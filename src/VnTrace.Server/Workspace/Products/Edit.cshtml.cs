using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using VnTrace.Server.Identity;
using VnTrace.Server.Platform.Data;
using VnTrace.Server.Products;

namespace VnTrace.Server.Workspace.Products;

/// <summary>Changes a product and its images. Another business's product id answers 404, on GET and POST alike.</summary>
public sealed class EditModel(ProductService products, ProductGallery gallery, VnTraceDbContext db, CurrentBusiness business, IStringLocalizer<ProductText> t) : PageModel
{
    [BindProperty]
    public ProductFields Form { get; set; } = new();

    public Product Product { get; private set; } = null!;
    public bool HasLots { get; private set; }
    public string? CompanyPrefix { get; private set; }
    public IReadOnlyList<string> Categories { get; private set; } = [];
    public IReadOnlyList<Guid> ImageIds { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
            return NotFound();
        Form = ProductFields.From(Product);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
            return NotFound();
        if (HasLots)
            Form.Gtin = Product.Gtin;
        if (!ModelState.IsValid)
            return Page();
        var saved = await products.UpdateAsync(id, Form, ct);
        if (saved is null)
            return NotFound();
        if (!saved.Saved)
        {
            foreach (var e in saved.Errors)
                ModelState.AddModelError("Form." + e.Field, e.Message);
            return Page();
        }
        TempData["Message"] = t["Products.Saved", saved.Product!.NameVi].Value;
        if (saved.Warning is not null)
            TempData["Warning"] = saved.Warning;
        return Redirect($"/workspace/products/{id}");
    }

    public async Task<IActionResult> OnPostAddImagesAsync(Guid id, List<IFormFile> images, CancellationToken ct)
    {
        var errors = new List<string>();
        if (images.Count == 0)
            errors.Add(t["Images.NoneChosen"]);
        else
        {
            switch (await gallery.AddImagesAsync(id, images, errors, ct))
            {
                case ProductChange.NotFound:
                    return NotFound();
                case ProductChange.TooManyImages:
                    errors.Add(t["Product.TooManyImages", ProductGallery.MaxImages]);
                    break;
            }
        }
        if (errors.Count > 0)
            TempData["Error"] = string.Join(" ", errors);
        else
            TempData["Message"] = t["Images.Added", images.Count].Value;
        return Redirect($"/workspace/products/{id}/edit#images");
    }

    public async Task<IActionResult> OnPostMoveImageAsync(Guid id, Guid fileId, int offset, CancellationToken ct) =>
        await gallery.MoveImageAsync(id, fileId, offset, ct) == ProductChange.NotFound
            ? NotFound()
            : Redirect($"/workspace/products/{id}/edit#images");

    public async Task<IActionResult> OnPostRemoveImageAsync(Guid id, Guid fileId, CancellationToken ct)
    {
        if (await gallery.RemoveImageAsync(id, fileId, ct) == ProductChange.NotFound)
            return NotFound();
        TempData["Message"] = t["Images.Removed"].Value;
        return Redirect($"/workspace/products/{id}/edit#images");
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var product = await db.Products.FirstOrDefaultAsync(p => p.Id == id && p.OrganizationId == business.Id, ct);
        if (product is null)
            return false;
        Product = product;
        HasLots = await db.Lots.AnyAsync(l => l.ProductId == id, ct);
        CompanyPrefix = (await business.GetAsync(ct)).CompanyPrefixInUse;
        Categories = await db.Products.Where(p => p.OrganizationId == business.Id && p.Category != null)
            .Select(p => p.Category!).Distinct().OrderBy(c => c).ToListAsync(ct);
        ImageIds = await db.ProductImages.Where(i => i.ProductId == id).OrderBy(i => i.Position).Select(i => i.FileId).ToListAsync(ct);
        return true;
    }
}
