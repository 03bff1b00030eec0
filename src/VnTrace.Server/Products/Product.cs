using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using VnTrace.Server.Organizations;

namespace VnTrace.Server.Products;

/// <summary>Risk level of goods under Law 78/2025/QH15 (R = k × C × P).</summary>
public enum RiskLevel
{
    Unknown = 0,
    Low = 1,
    Medium = 2,
    High = 3,
}

/// <summary>A trade item a business declares (product master data, Decree 37/2026 Art. 23.5).</summary>
public sealed class Product
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganizationId { get; set; }
    /// <summary>GTIN-14 (a GTIN-13 with a leading zero), check digit validated; unique across the system.</summary>
    public required string Gtin { get; set; }
    public required string NameVi { get; set; }
    public string? NameEn { get; set; }
    public string? Category { get; set; }
    /// <summary>Unit of sale (kg, hộp, chai…) and the UN/ECE Rec 20 code used in EPCIS quantities.</summary>
    public required string Unit { get; set; }
    public decimal? NetContent { get; set; }
    public string? NetContentUnit { get; set; }
    public int? ShelfLifeDays { get; set; }
    /// <summary>OCOP rating, 3 to 5 stars.</summary>
    public int? OcopStars { get; set; }
    public string? DescriptionVi { get; set; }
    public string? DescriptionEn { get; set; }
    /// <summary>Xuất xứ (origin), part of the minimum data set since Decree 37/2026.</summary>
    public string? Origin { get; set; }
    public string? Brand { get; set; }
    /// <summary>Standards and technical regulations applied (TCVN, QCVN…).</summary>
    public string? Standards { get; set; }
    public string? TargetMarket { get; set; }
    public RiskLevel RiskLevel { get; set; }
    public bool OnPriorityList { get; set; }
    /// <summary>For imported goods: the importer (Circular 31/2026/TT-BCT).</summary>
    public string? ImporterName { get; set; }
    public string? ImporterAddress { get; set; }
    public string? ImporterTaxCode { get; set; }
    public bool Archived { get; set; }
    public DateTime CreatedAt { get; set; } = DateTime.UtcNow;
    public DateTime UpdatedAt { get; set; } = DateTime.UtcNow;
}

/// <summary>An image of a product, in display order.</summary>
public sealed class ProductImage
{
    public Guid ProductId { get; set; }
    public Guid FileId { get; set; }
    public int Position { get; set; }
}

internal sealed class ProductConfiguration : IEntityTypeConfiguration<Product>
{
    public void Configure(EntityTypeBuilder<Product> b)
    {
        b.ToTable("products");
        b.Property(p => p.Gtin).HasMaxLength(14);
        b.HasIndex(p => p.Gtin).IsUnique();
        b.HasIndex(p => new { p.OrganizationId, p.NameVi });
        b.Property(p => p.NameVi).HasMaxLength(300);
        b.Property(p => p.NameEn).HasMaxLength(300);
        b.Property(p => p.Category).HasMaxLength(100);
        b.Property(p => p.Unit).HasMaxLength(30);
        b.Property(p => p.NetContent).HasPrecision(18, 4);
        b.Property(p => p.NetContentUnit).HasMaxLength(30);
        b.Property(p => p.DescriptionVi).HasMaxLength(4000);
        b.Property(p => p.DescriptionEn).HasMaxLength(4000);
        b.Property(p => p.Origin).HasMaxLength(300);
        b.Property(p => p.Brand).HasMaxLength(200);
        b.Property(p => p.Standards).HasMaxLength(1000);
        b.Property(p => p.TargetMarket).HasMaxLength(200);
        b.Property(p => p.ImporterName).HasMaxLength(300);
        b.Property(p => p.ImporterAddress).HasMaxLength(300);
        b.Property(p => p.ImporterTaxCode).HasMaxLength(20);
        b.HasOne<Organization>().WithMany().HasForeignKey(p => p.OrganizationId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ProductImageConfiguration : IEntityTypeConfiguration<ProductImage>
{
    public void Configure(EntityTypeBuilder<ProductImage> b)
    {
        b.ToTable("product_images");
        b.HasKey(i => new { i.ProductId, i.FileId });
        b.HasOne<Product>().WithMany().HasForeignKey(i => i.ProductId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<VnTrace.Server.Platform.Files.StoredFile>().WithMany().HasForeignKey(i => i.FileId).OnDelete(DeleteBehavior.Restrict);
    }
}
