using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Npgsql;
using VnTrace.Gs1.Identifiers;
using VnTrace.Server.Organizations;
using VnTrace.Server.Platform.Audit;
using VnTrace.Server.Platform.Data;
using VnTrace.Server.Platform.Files;
using VnTrace.Server.Platform.Web;
using VnTrace.Server.Identity;

namespace VnTrace.Server.Products;

/// <summary>A refused field (a <see cref="ProductFields"/> property name) and why, in the reader's language.</summary>
public sealed record ProductError(string Field, string Message);

/// <summary>The values of <see cref="ProductFields"/> once read: a GTIN (null when one is to be allocated), numbers, known units.</summary>
public sealed record ProductValues(Gtin? Gtin, Unit Unit, decimal? NetContent, Unit? NetContentUnit, string? ImporterTaxCode);

/// <summary>The outcome of a save: the product, or the fields refused; a warning worth showing after a save.</summary>
public sealed record ProductSave(Product? Product, IReadOnlyList<ProductError> Errors, string? Warning = null)
{
    public bool Saved => Product is not null && Errors.Count == 0;
}

public enum ProductChange
{
    Done,
    NotFound,
    /// <summary>The product has lots: it can be archived, not deleted.</summary>
    HasLots,
    TooManyImages,
}

/// <summary>
/// Declares and changes the current business's products: one set of rules for the form and the import, the GTIN
/// unique across the system (the unique index has the last word), every change audited in the same save.
/// </summary>
public sealed class ProductService(VnTraceDbContext db, CurrentBusiness business, GtinAllocator allocator, AuditTrail audit,
    TimeProvider clock, IStringLocalizer<ProductText> t)
{
    /// <summary>
    /// Reads a typed GTIN-8, -12, -13 or -14 (spaces and hyphens ignored). On failure, a sentence that points at
    /// the character: a non-digit and where it is, the digit count, or the wrong check digit and the right one.
    /// </summary>
    public string? ParseGtin(string? text, out Gtin gtin)
    {
        gtin = default;
        var s = new string((text ?? "").Where(c => !char.IsWhiteSpace(c) && c != '-').ToArray());
        if (s.Length == 0)
            return t["Gtin.Empty"];
        for (var i = 0; i < s.Length; i++)
        {
            if (!char.IsAsciiDigit(s[i]))
                return t["Gtin.NotDigit", s[i], i + 1];
        }
        if (s.Length is not (8 or 12 or 13 or 14))
            return t["Gtin.Length", s.Length];
        var expected = Gs1CheckDigit.ComputeChar(s.AsSpan(0, s.Length - 1));
        if (s[^1] != expected)
            return t["Gtin.CheckDigit", s[^1], expected, s.Length, s[..^1] + expected];
        gtin = Gtin.Parse(s);
        return null;
    }

    /// <summary>Checks what <see cref="ProductFields"/> cannot say in attributes, and reads the values.</summary>
    public List<ProductError> Check(ProductFields f, out ProductValues values)
    {
        var errors = new List<ProductError>();
        Gtin? gtin = null;
        if (!f.AllocateGtin)
        {
            if (ParseGtin(f.Gtin, out var g) is { } message)
                errors.Add(new(nameof(f.Gtin), message));
            else
                gtin = g;
        }
        if (string.IsNullOrWhiteSpace(f.NameVi))
            errors.Add(new(nameof(f.NameVi), t["Product.NameRequired"]));
        var unit = Units.Find(f.Unit);
        if (unit is null)
            errors.Add(new(nameof(f.Unit), t["Product.UnitUnknown", f.Unit ?? "", UnitList()]));
        decimal? netContent = null;
        if (!string.IsNullOrWhiteSpace(f.NetContent))
        {
            if (ParseAmount(f.NetContent) is { } amount && amount > 0 && amount < 1_000_000_000)
                netContent = amount;
            else
                errors.Add(new(nameof(f.NetContent), t["Product.NetContentInvalid", f.NetContent.Trim()]));
        }
        Unit? netUnit = null;
        if (!string.IsNullOrWhiteSpace(f.NetContentUnit))
        {
            netUnit = Units.Find(f.NetContentUnit);
            if (netUnit is null)
                errors.Add(new(nameof(f.NetContentUnit), t["Product.UnitUnknown", f.NetContentUnit, UnitList()]));
        }
        if (netContent is not null && netUnit is null && string.IsNullOrWhiteSpace(f.NetContentUnit))
            errors.Add(new(nameof(f.NetContentUnit), t["Product.NetContentUnitRequired"]));
        if (f.ShelfLifeDays is { } days && days is < 1 or > 36500)
            errors.Add(new(nameof(f.ShelfLifeDays), t["Product.ShelfLifeInvalid"]));
        if (f.OcopStars is { } stars && stars is < 3 or > 5)
            errors.Add(new(nameof(f.OcopStars), t["Product.OcopInvalid"]));
        if (!Enum.IsDefined(f.RiskLevel))
            errors.Add(new(nameof(f.RiskLevel), t["Product.RiskInvalid"]));
        string? importerTaxCode = null;
        if (f.Imported)
        {
            if (string.IsNullOrWhiteSpace(f.ImporterName))
                errors.Add(new(nameof(f.ImporterName), t["Product.ImporterNameRequired"]));
            if (!string.IsNullOrWhiteSpace(f.ImporterTaxCode))
            {
                if (TaxCode.TryParse(f.ImporterTaxCode.Trim(), out var code, out _))
                    importerTaxCode = code.ToString();
                else
                    errors.Add(new(nameof(f.ImporterTaxCode), t["Product.ImporterTaxCodeInvalid"]));
            }
        }
        values = new ProductValues(gtin, unit ?? Units.All[0], netContent, netUnit, importerTaxCode);
        return errors;
    }

    /// <summary>
    /// A positive amount typed on a form: one "," or "." is the decimal separator ("0,5", "0.5"); with both, the
    /// later one is ("1.250,5").
    /// </summary>
    internal static decimal? ParseAmount(string text)
    {
        var s = text.Trim().Replace(" ", "", StringComparison.Ordinal);
        var dot = s.LastIndexOf('.');
        var comma = s.LastIndexOf(',');
        if (dot >= 0 && comma >= 0)
            s = dot > comma ? s.Replace(",", "", StringComparison.Ordinal) : s.Replace(".", "", StringComparison.Ordinal).Replace(',', '.');
        else if (s.Count(c => c is '.' or ',') == 1)
            s = s.Replace(',', '.');
        else if (s.Count(c => c is '.' or ',') > 1)
            return null;
        return decimal.TryParse(s, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) ? value : null;
    }

    private static string UnitList() => string.Join(", ", Units.All.Select(u => u.Symbol));

    /// <summary>Copies checked fields onto a product; a blank text becomes null.</summary>
    public static void Apply(Product p, ProductFields f, ProductValues v)
    {
        if (v.Gtin is { } gtin)
            p.Gtin = gtin.ToString();
        p.NameVi = f.NameVi.Trim();
        p.NameEn = Blank(f.NameEn);
        p.Category = Blank(f.Category);
        p.Unit = v.Unit.Symbol;
        p.NetContent = v.NetContent;
        p.NetContentUnit = v.NetContent is null ? null : v.NetContentUnit?.Symbol;
        p.ShelfLifeDays = f.ShelfLifeDays;
        p.OcopStars = f.OcopStars;
        p.DescriptionVi = Blank(f.DescriptionVi);
        p.DescriptionEn = Blank(f.DescriptionEn);
        p.Origin = Blank(f.Origin);
        p.Brand = Blank(f.Brand);
        p.Standards = Blank(f.Standards);
        p.TargetMarket = Blank(f.TargetMarket);
        p.RiskLevel = f.RiskLevel;
        p.OnPriorityList = f.OnPriorityList;
        p.ImporterName = f.Imported ? Blank(f.ImporterName) : null;
        p.ImporterAddress = f.Imported ? Blank(f.ImporterAddress) : null;
        p.ImporterTaxCode = f.Imported ? v.ImporterTaxCode : null;
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    /// <summary>The message for a GTIN some product already holds; it never says whose.</summary>
    public string GtinTakenMessage(string gtin) => t["Gtin.Taken", gtin];

    public string ClaimErrorMessage(GtinClaimError error, string? prefix) => error switch
    {
        GtinClaimError.NoCompanyPrefix => t["Gtin.NoCompanyPrefix"],
        _ => t["Gtin.RangeExhausted", prefix ?? ""],
    };

    /// <summary>A warning when a typed GTIN is not under the business's company prefix (it may be licensed from elsewhere).</summary>
    public string? PrefixWarning(string gtin, string? companyPrefix) =>
        companyPrefix is null || GtinAllocator.IsUnderPrefix(Gtin.Parse(gtin), companyPrefix) ? null : t["Gtin.OutsidePrefix", gtin, companyPrefix].Value;

    /// <summary>Declares a product with its first images; allocates its GTIN when asked.</summary>
    /// <param name="images">Images held by <see cref="ProductGallery.HoldAsync"/>, in order; they become the product's public images.</param>
    public async Task<ProductSave> CreateAsync(ProductFields f, IReadOnlyList<Guid> images, CancellationToken ct)
    {
        var organization = await business.GetAsync(ct);
        var errors = Check(f, out var values);
        if (f.AllocateGtin && organization.CompanyPrefixInUse is null)
            errors.Add(new(nameof(f.Gtin), t["Gtin.NoCompanyPrefix"]));
        if (values.Gtin is { } typed && await db.Products.IgnoreTenantFilter("a GTIN is unique across all organizations").AnyAsync(p => p.Gtin == typed.ToString(), ct))
            errors.Add(new(nameof(f.Gtin), GtinTakenMessage(typed.ToString())));
        if (images.Count > ProductGallery.MaxImages)
            errors.Add(new("Images", t["Product.TooManyImages", ProductGallery.MaxImages]));
        if (errors.Count > 0)
            return new ProductSave(null, errors);

        var now = clock.GetUtcNow().UtcDateTime;
        var product = new Product { OrganizationId = organization.Id, Gtin = "", NameVi = "", Unit = "", CreatedAt = now, UpdatedAt = now };
        Apply(product, f, values);
        var held = await db.Files.AsTracking().Where(x => images.Contains(x.Id) && x.OrganizationId == organization.Id).ToListAsync(ct);
        var stored = images.Select(id => held.Find(x => x.Id == id)).OfType<StoredFile>().ToList();
        foreach (var file in stored)
            file.Public = true;

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (f.AllocateGtin)
        {
            var claim = await allocator.ClaimAsync(organization.Id, 1, ct: ct);
            if (claim.Error is { } claimError)
            {
                await transaction.RollbackAsync(ct);
                db.ChangeTracker.Clear();
                return new ProductSave(null, [new(nameof(f.Gtin), ClaimErrorMessage(claimError, claim.CompanyPrefix))]);
            }
            product.Gtin = claim.Gtins[0].ToString();
        }
        db.Products.Add(product);
        for (var i = 0; i < stored.Count; i++)
            db.ProductImages.Add(new ProductImage { ProductId = product.Id, FileId = stored[i].Id, Position = i });
        audit.Record("product.create", nameof(Product), product.Id, new { product.Gtin, product.NameVi, Allocated = f.AllocateGtin, Images = stored.Count });
        if (!await TrySaveAsync(ct))
        {
            await transaction.RollbackAsync(CancellationToken.None);
            db.ChangeTracker.Clear();
            return new ProductSave(null, [new(nameof(f.Gtin), GtinTakenMessage(product.Gtin))]);
        }
        await transaction.CommitAsync(ct);
        return new ProductSave(product, [], f.AllocateGtin ? null : PrefixWarning(product.Gtin, organization.CompanyPrefixInUse));
    }

    /// <summary>Changes a product of the current business; null when it has none with that id.</summary>
    public async Task<ProductSave?> UpdateAsync(Guid id, ProductFields f, CancellationToken ct)
    {
        var product = await db.Products.AsTracking().FirstOrDefaultAsync(p => p.Id == id && p.OrganizationId == business.Id, ct);
        if (product is null)
            return null;
        f.AllocateGtin = false;
        var errors = Check(f, out var values);
        if (values.Gtin is { } gtin && gtin.ToString() != product.Gtin)
        {
            if (await db.Lots.AnyAsync(l => l.ProductId == id, ct))
                errors.Add(new(nameof(f.Gtin), t["Gtin.LockedByLots"]));
            else if (await db.Products.IgnoreTenantFilter("a GTIN is unique across all organizations").AnyAsync(p => p.Gtin == gtin.ToString(), ct))
                errors.Add(new(nameof(f.Gtin), GtinTakenMessage(gtin.ToString())));
        }
        if (errors.Count > 0)
        {
            db.ChangeTracker.Clear();
            return new ProductSave(null, errors);
        }
        var before = Snapshot(product);
        Apply(product, f, values);
        var after = Snapshot(product);
        var changes = before.Keys.Where(k => !Equals(before[k], after[k]))
            .ToDictionary(k => k, k => new { Before = before[k], After = after[k] });
        if (changes.Count == 0)
            return new ProductSave(product, []);
        product.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        audit.Record("product.update", nameof(Product), product.Id, new { Changes = changes });
        if (!await TrySaveAsync(ct))
        {
            db.ChangeTracker.Clear();
            return new ProductSave(null, [new(nameof(f.Gtin), GtinTakenMessage(product.Gtin))]);
        }
        var organization = await business.GetAsync(ct);
        return new ProductSave(product, [], changes.ContainsKey(nameof(Product.Gtin)) ? PrefixWarning(product.Gtin, organization.CompanyPrefixInUse) : null);
    }

    /// <summary>The audited fields of a product, to record what an edit changed.</summary>
    private static Dictionary<string, object?> Snapshot(Product p) => new()
    {
        [nameof(p.Gtin)] = p.Gtin,
        [nameof(p.NameVi)] = p.NameVi,
        [nameof(p.NameEn)] = p.NameEn,
        [nameof(p.Category)] = p.Category,
        [nameof(p.Unit)] = p.Unit,
        [nameof(p.NetContent)] = p.NetContent,
        [nameof(p.NetContentUnit)] = p.NetContentUnit,
        [nameof(p.ShelfLifeDays)] = p.ShelfLifeDays,
        [nameof(p.OcopStars)] = p.OcopStars,
        [nameof(p.DescriptionVi)] = p.DescriptionVi,
        [nameof(p.DescriptionEn)] = p.DescriptionEn,
        [nameof(p.Origin)] = p.Origin,
        [nameof(p.Brand)] = p.Brand,
        [nameof(p.Standards)] = p.Standards,
        [nameof(p.TargetMarket)] = p.TargetMarket,
        [nameof(p.RiskLevel)] = p.RiskLevel.ToString(),
        [nameof(p.OnPriorityList)] = p.OnPriorityList,
        [nameof(p.ImporterName)] = p.ImporterName,
        [nameof(p.ImporterAddress)] = p.ImporterAddress,
        [nameof(p.ImporterTaxCode)] = p.ImporterTaxCode,
    };

    /// <summary>Archives or restores a product (an archived one stays traceable but leaves the lists).</summary>
    public async Task<ProductChange> SetArchivedAsync(Guid id, bool archived, CancellationToken ct)
    {
        var product = await db.Products.AsTracking().FirstOrDefaultAsync(p => p.Id == id && p.OrganizationId == business.Id, ct);
        if (product is null)
            return ProductChange.NotFound;
        if (product.Archived == archived)
            return ProductChange.Done;
        product.Archived = archived;
        product.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        audit.Record(archived ? "product.archive" : "product.restore", nameof(Product), id, new { product.Gtin });
        await db.SaveChangesAsync(ct);
        return ProductChange.Done;
    }

    /// <summary>Deletes a product that has no lots, with its images; one with lots is refused (archive it instead).</summary>
    public async Task<ProductChange> DeleteAsync(Guid id, CancellationToken ct)
    {
        var product = await db.Products.AsTracking().FirstOrDefaultAsync(p => p.Id == id && p.OrganizationId == business.Id, ct);
        if (product is null)
            return ProductChange.NotFound;
        if (await db.Lots.AnyAsync(l => l.ProductId == id, ct))
            return ProductChange.HasLots;
        var images = await db.ProductImages.AsTracking().Where(i => i.ProductId == id).ToListAsync(ct);
        var fileIds = images.Select(i => i.FileId).ToList();
        var stored = await db.Files.AsTracking().Where(f => fileIds.Contains(f.Id) && f.OrganizationId == business.Id).ToListAsync(ct);
        db.ProductImages.RemoveRange(images);
        db.Files.RemoveRange(stored);
        db.Products.Remove(product);
        audit.Record("product.delete", nameof(Product), id, new { product.Gtin, product.NameVi });
        await db.SaveChangesAsync(ct);
        return ProductChange.Done;
    }

    /// <summary>Saves; false when a unique index refused the change (the GTIN was taken meanwhile).</summary>
    private async Task<bool> TrySaveAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException e) when (IsUniqueViolation(e))
        {
            return false;
        }
    }

    /// <summary>A unique index refused the row: SQLite's SQLITE_CONSTRAINT_UNIQUE or PRIMARYKEY, PostgreSQL's 23505.</summary>
    public static bool IsUniqueViolation(DbUpdateException e) =>
        e.InnerException is Microsoft.Data.Sqlite.SqliteException { SqliteExtendedErrorCode: 2067 or 1555 }
        || e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation };
}
