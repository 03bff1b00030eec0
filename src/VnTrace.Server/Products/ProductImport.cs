using Microsoft.Extensions.Localization;
using VnTrace.Gs1.Identifiers;
using VnTrace.Server.Imports;
using VnTrace.Server.Platform.Data;
using VnTrace.Server.Identity;

namespace VnTrace.Server.Products;

/// <summary>
/// Products from a spreadsheet: one row, one product, checked by the same rules as the form. An empty GTIN cell
/// asks for a GTIN allocated from the business's company prefix.
/// </summary>
public sealed class ProductImport(VnTraceDbContext db, CurrentBusiness business, ProductService products, GtinAllocator allocator,
    TimeProvider clock, IStringLocalizer<ProductText> t) : IImportKind
{
    public const string GtinKey = "gtin";
    public const string NameViKey = "nameVi";
    public const string NameEnKey = "nameEn";
    public const string CategoryKey = "category";
    public const string UnitKey = "unit";
    public const string NetContentKey = "netContent";
    public const string NetContentUnitKey = "netContentUnit";
    public const string ShelfLifeKey = "shelfLifeDays";
    public const string OcopKey = "ocopStars";
    public const string OriginKey = "origin";
    public const string BrandKey = "brand";
    public const string StandardsKey = "standards";
    public const string DescriptionKey = "description";

    public string Key => "products";

    public string Title => t["Import.Title"];

    public string Description => t["Import.Description"];

    public string TemplateName => "mau-nhap-san-pham";

    public IReadOnlyList<ImportColumn> Columns => columns ??=
    [
        new(GtinKey, "Mã GTIN", "GTIN", false, GtinCell, "8930000000019") { Aliases = ["Mã vạch", "Barcode", "EAN"] },
        new(NameViKey, "Tên sản phẩm", "Product name", true, Text(300), "Cà phê Robusta rang xay") { Aliases = ["Tên tiếng Việt", "Name (Vietnamese)"] },
        new(NameEnKey, "Tên tiếng Anh", "English name", false, Text(300), "Roasted ground Robusta coffee") { Aliases = ["Name (English)"] },
        new(CategoryKey, "Nhóm sản phẩm", "Category", false, Text(100), "Cà phê") { Aliases = ["Danh mục", "Loại"] },
        new(UnitKey, "Đơn vị tính", "Unit", true, UnitCell, "gói") { Aliases = ["ĐVT", "Đơn vị"] },
        new(NetContentKey, "Khối lượng tịnh", "Net content", false, Amount, "500") { Aliases = ["Thể tích thực", "Định lượng"] },
        new(NetContentUnitKey, "Đơn vị khối lượng tịnh", "Net content unit", false, UnitCell, "g"),
        new(ShelfLifeKey, "Hạn sử dụng (ngày)", "Shelf life (days)", false, WholeNumber(1, 36500), "365") { Aliases = ["Hạn dùng (ngày)", "Shelf life"] },
        new(OcopKey, "Sao OCOP", "OCOP stars", false, WholeNumber(3, 5), "4") { Aliases = ["OCOP"] },
        new(OriginKey, "Xuất xứ", "Origin", false, Text(300), "Việt Nam"),
        new(BrandKey, "Thương hiệu", "Brand", false, Text(200), "Buôn Ma Thuột"),
        new(StandardsKey, "Tiêu chuẩn áp dụng", "Standards", false, Text(1000), "TCVN 4193:2014") { Aliases = ["Tiêu chuẩn, quy chuẩn"] },
        new(DescriptionKey, "Mô tả", "Description", false, Text(4000), "Cà phê rang mộc, xay vừa") { Aliases = ["Mô tả sản phẩm"] },
    ];

    private IReadOnlyList<ImportColumn>? columns;

    private CellResult GtinCell(ImportCell cell) =>
        products.ParseGtin(cell.Text, out var gtin) is { } error ? CellResult.Fail(error) : CellResult.Ok(gtin);

    private CellResult UnitCell(ImportCell cell) =>
        Units.Find(cell.Text) is { } unit
            ? CellResult.Ok(unit)
            : CellResult.Fail(t["Product.UnitUnknown", cell.Text.Trim(), string.Join(", ", Units.All.Select(u => u.Symbol))]);

    private CellParser Text(int max) => cell =>
    {
        var value = cell.Text.Trim();
        return value.Length <= max ? CellResult.Ok(value) : CellResult.Fail(t["Import.TooLong", value.Length, max]);
    };

    private CellResult Amount(ImportCell cell)
    {
        var result = CellParsers.Decimal(cell);
        if (result.Error is not null)
            return CellResult.Fail(t["Import.NotAmount", cell.Text.Trim()]);
        return result.Value is decimal d && d > 0 && d < 1_000_000_000 ? result : CellResult.Fail(t["Product.NetContentInvalid", cell.Text.Trim()]);
    }

    private CellParser WholeNumber(int min, int max) => cell =>
    {
        var result = CellParsers.Int(cell);
        if (result.Value is int n && n >= min && n <= max)
            return result;
        return CellResult.Fail(t["Import.WholeNumber", cell.Text.Trim(), min, max]);
    };

    /// <summary>The fields of a row whose cells were read, as the form would have them.</summary>
    internal static ProductFields Fields(ImportRow row)
    {
        T? Get<T>(string key) => row.Values.TryGetValue(key, out var v) && v is T typed ? typed : default;
        return new ProductFields
        {
            Gtin = row.Values.TryGetValue(GtinKey, out var g) && g is Gtin gtin ? gtin.ToString() : null,
            AllocateGtin = !row.Values.ContainsKey(GtinKey),
            NameVi = Get<string>(NameViKey) ?? "",
            NameEn = Get<string>(NameEnKey),
            Category = Get<string>(CategoryKey),
            Unit = Get<Unit>(UnitKey)?.Symbol ?? "",
            NetContent = row.Values.TryGetValue(NetContentKey, out var n) && n is decimal d
                ? d.ToString(System.Globalization.CultureInfo.InvariantCulture) : null,
            NetContentUnit = Get<Unit>(NetContentUnitKey)?.Symbol,
            ShelfLifeDays = row.Values.TryGetValue(ShelfLifeKey, out var s) && s is int days ? days : null,
            OcopStars = row.Values.TryGetValue(OcopKey, out var o) && o is int stars ? stars : null,
            Origin = Get<string>(OriginKey),
            Brand = Get<string>(BrandKey),
            Standards = Get<string>(StandardsKey),
            DescriptionVi = Get<string>(DescriptionKey),
        };
    }

    public async Task<IReadOnlyList<CellError>> CheckAsync(ImportSheet sheet, CancellationToken ct)
    {
        var errors = new List<CellError>();
        string Header(string key) => sheet.HeadersByKey.TryGetValue(key, out var h) ? h : Columns.First(c => c.Key == key).HeaderVi;
        var keyOf = new Dictionary<string, string>
        {
            [nameof(ProductFields.Gtin)] = GtinKey,
            [nameof(ProductFields.NameVi)] = NameViKey,
            [nameof(ProductFields.Unit)] = UnitKey,
            [nameof(ProductFields.NetContent)] = NetContentKey,
            [nameof(ProductFields.NetContentUnit)] = NetContentUnitKey,
            [nameof(ProductFields.ShelfLifeDays)] = ShelfLifeKey,
            [nameof(ProductFields.OcopStars)] = OcopKey,
        };
        var valid = sheet.Rows.Where(r => r.IsValid).ToList();
        var prefix = (await business.GetAsync(ct)).CompanyPrefixInUse;
        var firstRowOf = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in valid)
        {
            var fields = Fields(row);
            foreach (var e in products.Check(fields, out _))
                errors.Add(new CellError(row.RowNumber, Header(keyOf.GetValueOrDefault(e.Field, NameViKey)), e.Message));
            if (fields.AllocateGtin)
            {
                if (prefix is null)
                    errors.Add(new CellError(row.RowNumber, Header(GtinKey), t["Import.NoPrefixToAllocate"]));
            }
            else if (firstRowOf.TryGetValue(fields.Gtin!, out var first))
            {
                errors.Add(new CellError(row.RowNumber, Header(GtinKey), t["Import.GtinTwice", fields.Gtin!, first]));
            }
            else
            {
                firstRowOf[fields.Gtin!] = row.RowNumber;
            }
        }
        var taken = await allocator.TakenAsync(firstRowOf.Keys, ct);
        foreach (var (gtin, row) in firstRowOf)
        {
            if (taken.Contains(gtin))
                errors.Add(new CellError(row, Header(GtinKey), products.GtinTakenMessage(gtin)));
        }
        return errors;
    }

    public string Describe(ImportRow row)
    {
        var fields = Fields(row);
        return fields.AllocateGtin ? $"{fields.NameVi} — {t["Import.GtinToAllocate"]}" : $"{fields.NameVi} — {fields.Gtin}";
    }

    public async Task<ImportApplied> ApplyAsync(IReadOnlyList<ImportRow> rows, CancellationToken ct)
    {
        var all = rows.Select(r => (Row: r, Fields: Fields(r))).ToList();
        var typed = all.Where(x => !x.Fields.AllocateGtin).Select(x => x.Fields.Gtin!).ToHashSet(StringComparer.Ordinal);
        var toAllocate = all.Count(x => x.Fields.AllocateGtin);
        var allocated = new Queue<Gtin>();
        if (toAllocate > 0)
        {
            var claim = await allocator.ClaimAsync(business.Id, toAllocate, typed, ct);
            if (claim.Error is { } error)
                return new ImportApplied(0, [], products.ClaimErrorMessage(error, claim.CompanyPrefix));
            foreach (var gtin in claim.Gtins)
                allocated.Enqueue(gtin);
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var rowErrors = new List<CellError>();
        foreach (var (row, fields) in all)
        {
            var problems = products.Check(fields, out var values);
            if (problems.Count > 0)
            {
                rowErrors.AddRange(problems.Select(p => new CellError(row.RowNumber, p.Field, p.Message)));
                continue;
            }
            var product = new Product
            {
                OrganizationId = business.Id,
                Gtin = fields.AllocateGtin ? allocated.Dequeue().ToString() : "",
                NameVi = "",
                Unit = "",
                CreatedAt = now,
                UpdatedAt = now,
            };
            ProductService.Apply(product, fields, values);
            db.Products.Add(product);
        }
        return new ImportApplied(rowErrors.Count == 0 ? all.Count : 0, rowErrors);
    }
}
