using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using VnTrace.Server.Organizations;

namespace VnTrace.Server.Certificates;

public enum CertificateKind
{
    VietGap = 0,
    GlobalGap = 1,
    Organic = 2,
    Haccp = 3,
    Iso22000 = 4,
    Ocop = 5,
    Other = 6,
}

/// <summary>A certificate a business holds, for some of its products and locations.</summary>
public sealed class Certificate
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganizationId { get; set; }
    public CertificateKind Kind { get; set; }
    /// <summary>The scheme's name when <see cref="Kind"/> is Other.</summary>
    public string? OtherKindName { get; set; }
    public required string Number { get; set; }
    public required string Issuer { get; set; }
    public DateOnly ValidFrom { get; set; }
    /// <summary>Null for a certificate without an end date.</summary>
    public DateOnly? ValidTo { get; set; }
    public string? ScopeNote { get; set; }
    /// <summary>The OCOP rating the certificate awards (3 to 5 stars); null for other kinds.</summary>
    public int? OcopStars { get; set; }
    /// <summary>The scan or PDF of the certificate.</summary>
    public Guid? FileId { get; set; }
    /// <summary>
    /// Withdrawn from use (entered by mistake, replaced, revoked). Kept rather than deleted: labels and pages may have
    /// shown it, and its history stays in the audit log.
    /// </summary>
    public bool Archived { get; set; }
    public DateTime CreatedAt { get; set; } = DateTime.UtcNow;
    public DateTime UpdatedAt { get; set; } = DateTime.UtcNow;
}

/// <summary>A product a certificate covers.</summary>
public sealed class CertificateProduct
{
    public Guid CertificateId { get; set; }
    public Guid ProductId { get; set; }
}

/// <summary>A location a certificate covers.</summary>
public sealed class CertificateLocation
{
    public Guid CertificateId { get; set; }
    public Guid LocationId { get; set; }
}

internal sealed class CertificateConfiguration : IEntityTypeConfiguration<Certificate>
{
    public void Configure(EntityTypeBuilder<Certificate> b)
    {
        b.ToTable("certificates");
        b.Property(c => c.OtherKindName).HasMaxLength(100);
        b.Property(c => c.Number).HasMaxLength(100);
        b.Property(c => c.Issuer).HasMaxLength(300);
        b.Property(c => c.ScopeNote).HasMaxLength(1000);
        b.HasIndex(c => new { c.OrganizationId, c.ValidTo });
        b.HasOne<Organization>().WithMany().HasForeignKey(c => c.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<VnTrace.Server.Platform.Files.StoredFile>().WithMany().HasForeignKey(c => c.FileId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CertificateProductConfiguration : IEntityTypeConfiguration<CertificateProduct>
{
    public void Configure(EntityTypeBuilder<CertificateProduct> b)
    {
        b.ToTable("certificate_products");
        b.HasKey(c => new { c.CertificateId, c.ProductId });
        b.HasIndex(c => c.ProductId);
        b.HasOne<Certificate>().WithMany().HasForeignKey(c => c.CertificateId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Products.Product>().WithMany().HasForeignKey(c => c.ProductId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CertificateLocationConfiguration : IEntityTypeConfiguration<CertificateLocation>
{
    public void Configure(EntityTypeBuilder<CertificateLocation> b)
    {
        b.ToTable("certificate_locations");
        b.HasKey(c => new { c.CertificateId, c.LocationId });
        b.HasIndex(c => c.LocationId);
        b.HasOne<Certificate>().WithMany().HasForeignKey(c => c.CertificateId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Locations.Location>().WithMany().HasForeignKey(c => c.LocationId).OnDelete(DeleteBehavior.Cascade);
    }
}
