using System.ComponentModel.DataAnnotations;

namespace VnTrace.Server.Products;

/// <summary>
/// What a person types for a product, on the form or in an import row. Numbers stay text until
/// <see cref="ProductService.Check"/> reads them, so "0,5" and "0.5" both mean one half whatever the page's culture.
/// </summary>
public sealed class ProductFields
{
    [MaxLength(20, ErrorMessage = "Validation.MaxLength"), Display(Name = "Product.Gtin")]
    public string? Gtin { get; set; }

    [Display(Name = "Product.AllocateGtin")]
    public bool AllocateGtin { get; set; }

    [Required(ErrorMessage = "Validation.Required"), MaxLength(300, ErrorMessage = "Validation.MaxLength"), Display(Name = "Product.NameVi")]
    public string NameVi { get; set; } = "";

    [MaxLength(300, ErrorMessage = "Validation.MaxLength"), Display(Name = "Product.NameEn")]
    public string? NameEn { get; set; }

    [MaxLength(100, ErrorMessage = "Validation.MaxLength"), Display(Name = "Product.Category")]
    public string? Category { get; set; }

    [Required(ErrorMessage = "Validation.Required"), Display(Name = "Product.Unit")]
    public string Unit { get; set; } = "kg";

    [MaxLength(30, ErrorMessage = "Validation.MaxLength"), Display(Name = "Product.NetContent")]
    public string? NetContent { get; set; }

    [Display(Name = "Product.NetContentUnit")]
    public string? NetContentUnit { get; set; }

    [Range(1, 36500, ErrorMessage = "Validation.Range"), Display(Name = "Product.ShelfLifeDays")]
    public int? ShelfLifeDays { get; set; }

    [Range(3, 5, ErrorMessage = "Validation.Range"), Display(Name = "Product.OcopStars")]
    public int? OcopStars { get; set; }

    [MaxLength(4000, ErrorMessage = "Validation.MaxLength"), Display(Name = "Product.DescriptionVi")]
    public string? DescriptionVi { get; set; }

    [MaxLength(4000, ErrorMessage = "Validation.MaxLength"), Display(Name = "Product.DescriptionEn")]
    public string? DescriptionEn { get; set; }

    [MaxLength(300, ErrorMessage = "Validation.MaxLength"), Display(Name = "Product.Origin")]
    public string? Origin { get; set; }

    [MaxLength(200, ErrorMessage = "Validation.MaxLength"), Display(Name = "Product.Brand")]
    public string? Brand { get; set; }

    [MaxLength(1000, ErrorMessage = "Validation.MaxLength"), Display(Name = "Product.Standards")]
    public string? Standards { get; set; }

    [MaxLength(200, ErrorMessage = "Validation.MaxLength"), Display(Name = "Product.TargetMarket")]
    public string? TargetMarket { get; set; }

    [Display(Name = "Product.RiskLevel")]
    public RiskLevel RiskLevel { get; set; }

    [Display(Name = "Product.OnPriorityList")]
    public bool OnPriorityList { get; set; }

    [Display(Name = "Product.Imported")]
    public bool Imported { get; set; }

    [MaxLength(300, ErrorMessage = "Validation.MaxLength"), Display(Name = "Product.ImporterName")]
    public string? ImporterName { get; set; }

    [MaxLength(300, ErrorMessage = "Validation.MaxLength"), Display(Name = "Product.ImporterAddress")]
    public string? ImporterAddress { get; set; }

    [MaxLength(20, ErrorMessage = "Validation.MaxLength"), Display(Name = "Product.ImporterTaxCode")]
    public string? ImporterTaxCode { get; set; }

    /// <summary>The fields of a stored product, for the edit form.</summary>
    public static ProductFields From(Product p) => new()
    {
        Gtin = p.Gtin,
        NameVi = p.NameVi,
        NameEn = p.NameEn,
        Category = p.Category,
        Unit = p.Unit,
        NetContent = p.NetContent?.ToString("0.####", System.Globalization.CultureInfo.CurrentCulture),
        NetContentUnit = p.NetContentUnit,
        ShelfLifeDays = p.ShelfLifeDays,
        OcopStars = p.OcopStars,
        DescriptionVi = p.DescriptionVi,
        DescriptionEn = p.DescriptionEn,
        Origin = p.Origin,
        Brand = p.Brand,
        Standards = p.Standards,
        TargetMarket = p.TargetMarket,
        RiskLevel = p.RiskLevel,
        OnPriorityList = p.OnPriorityList,
        Imported = p.ImporterName is not null || p.ImporterTaxCode is not null || p.ImporterAddress is not null,
        ImporterName = p.ImporterName,
        ImporterAddress = p.ImporterAddress,
        ImporterTaxCode = p.ImporterTaxCode,
    };
}
