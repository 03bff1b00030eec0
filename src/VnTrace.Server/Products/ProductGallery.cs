using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using VnTrace.Server.Identity;
using VnTrace.Server.Platform.Audit;
using VnTrace.Server.Platform.Data;
using VnTrace.Server.Platform.Files;
using VnTrace.Server.Platform.Web;

namespace VnTrace.Server.Products;

/// <summary>A product's images, in the order the consumer page shows them; every change audited in the same save.</summary>
public sealed class ProductGallery(VnTraceDbContext db, CurrentBusiness business, AuditTrail audit, FileStore files,
    IStringLocalizer<ProductText> t, IStringLocalizer<SharedText> shared)
{
    public const int MaxImages = 5;

    /// <summary>Adds images after the existing ones, up to <see cref="MaxImages"/>; refused files are named in <paramref name="errors"/>.</summary>
    public async Task<ProductChange> AddImagesAsync(Guid id, IReadOnlyList<IFormFile> images, List<string> errors, CancellationToken ct)
    {
        if (!await db.Products.AnyAsync(p => p.Id == id && p.OrganizationId == business.Id, ct))
            return ProductChange.NotFound;
        var existing = await db.ProductImages.Where(i => i.ProductId == id).Select(i => i.Position).ToListAsync(ct);
        if (existing.Count + images.Count > MaxImages)
            return ProductChange.TooManyImages;
        var fieldErrors = new List<ProductError>();
        var stored = await StoreImagesAsync(images, fieldErrors, ct);
        if (fieldErrors.Count > 0)
        {
            db.ChangeTracker.Clear();
            errors.AddRange(fieldErrors.Select(e => e.Message));
            return ProductChange.Done;
        }
        var next = existing.Count == 0 ? 0 : existing.Max() + 1;
        foreach (var file in stored)
            db.ProductImages.Add(new ProductImage { ProductId = id, FileId = file.Id, Position = next++ });
        audit.Record("product.image.add", nameof(Product), id, new { Files = stored.Select(s => s.Id) });
        await db.SaveChangesAsync(ct);
        return ProductChange.Done;
    }

    /// <summary>Moves an image one place earlier (<paramref name="offset"/> −1) or later (+1).</summary>
    public async Task<ProductChange> MoveImageAsync(Guid id, Guid fileId, int offset, CancellationToken ct)
    {
        if (!await db.Products.AnyAsync(p => p.Id == id && p.OrganizationId == business.Id, ct))
            return ProductChange.NotFound;
        var images = await db.ProductImages.AsTracking().Where(i => i.ProductId == id).OrderBy(i => i.Position).ToListAsync(ct);
        var at = images.FindIndex(i => i.FileId == fileId);
        if (at < 0)
            return ProductChange.NotFound;
        var to = Math.Clamp(at + Math.Sign(offset), 0, images.Count - 1);
        if (to == at)
            return ProductChange.Done;
        (images[at], images[to]) = (images[to], images[at]);
        for (var i = 0; i < images.Count; i++)
            images[i].Position = i;
        audit.Record("product.image.move", nameof(Product), id, new { File = fileId, From = at, To = to });
        await db.SaveChangesAsync(ct);
        return ProductChange.Done;
    }

    /// <summary>Removes an image from the product and deletes the stored file.</summary>
    public async Task<ProductChange> RemoveImageAsync(Guid id, Guid fileId, CancellationToken ct)
    {
        if (!await db.Products.AnyAsync(p => p.Id == id && p.OrganizationId == business.Id, ct))
            return ProductChange.NotFound;
        var images = await db.ProductImages.AsTracking().Where(i => i.ProductId == id).OrderBy(i => i.Position).ToListAsync(ct);
        var image = images.Find(i => i.FileId == fileId);
        if (image is null)
            return ProductChange.NotFound;
        db.ProductImages.Remove(image);
        images.Remove(image);
        for (var i = 0; i < images.Count; i++)
            images[i].Position = i;
        if (await db.Files.AsTracking().FirstOrDefaultAsync(f => f.Id == fileId && f.OrganizationId == business.Id, ct) is { } file)
            db.Files.Remove(file);
        audit.Record("product.image.remove", nameof(Product), id, new { File = fileId });
        await db.SaveChangesAsync(ct);
        return ProductChange.Done;
    }

    /// <summary>
    /// The images a new product's form carries, held until the form is saved: the ones an earlier post of the same
    /// form already stored (<paramref name="keptIds"/>, from its hidden fields) and the files chosen now, stored at
    /// once as private files of the business, so that a form shown again with an error keeps them. A kept id must name
    /// an image of this business that no product or certificate uses yet; any other id (another business's file, one
    /// already attached) is dropped and reported. Refused uploads and images beyond <see cref="MaxImages"/> are
    /// named in <paramref name="errors"/>.
    /// </summary>
    public async Task<IReadOnlyList<Guid>> HoldAsync(IReadOnlyList<Guid> keptIds, IReadOnlyList<IFormFile> uploads,
        List<ProductError> errors, CancellationToken ct)
    {
        var wanted = keptIds.Distinct().Take(MaxImages).ToList();
        var found = wanted.Count == 0 ? [] : await db.Files
            .Where(f => wanted.Contains(f.Id) && f.OrganizationId == business.Id && !f.Public && f.ContentType.StartsWith("image/")
                && !db.ProductImages.Any(i => i.FileId == f.Id) && !db.Certificates.Any(c => c.FileId == f.Id))
            .Select(f => f.Id).ToListAsync(ct);
        var held = wanted.Where(found.Contains).ToList();
        if (held.Count < keptIds.Distinct().Count())
            errors.Add(new("Images", t["Product.ImageGone"]));
        var room = MaxImages - held.Count;
        if (uploads.Count > room)
            errors.Add(new("Images", t["Product.TooManyImages", MaxImages]));
        var stored = new List<StoredFile>();
        foreach (var upload in uploads.Take(Math.Max(0, room)))
        {
            var result = await files.AddAsync(business.Id, upload, FilePurpose.Image, isPublic: false, ct);
            if (result.File is { } file)
                stored.Add(file);
            else
                errors.Add(new("Images", t["Product.ImageRefused", upload.FileName, shared[result.ErrorKey!]]));
        }
        if (stored.Count > 0)
        {
            audit.Record("product.image.hold", nameof(StoredFile), null, new { Files = stored.Select(f => f.Id) });
            await db.SaveChangesAsync(ct);
        }
        return [.. held, .. stored.Select(f => f.Id)];
    }

    /// <summary>Stores uploaded images as public files of the business; a refused file is named in <paramref name="errors"/>.</summary>
    private async Task<List<StoredFile>> StoreImagesAsync(IReadOnlyList<IFormFile> images, List<ProductError> errors, CancellationToken ct)
    {
        var stored = new List<StoredFile>();
        foreach (var image in images)
        {
            var upload = await files.AddAsync(business.Id, image, FilePurpose.Image, isPublic: true, ct);
            if (upload.File is { } file)
                stored.Add(file);
            else
                errors.Add(new("Images", t["Product.ImageRefused", image.FileName, shared[upload.ErrorKey!]]));
        }
        return stored;
    }
}
