using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using VnTrace.Server.Organizations;

namespace VnTrace.Server.Lots;

public enum LotStatus
{
    InProgress = 0,
    Closed = 1,
}

/// <summary>How a business came to hold a lot.</summary>
public enum LotOrigin
{
    /// <summary>Grown, made or packed by the business itself.</summary>
    Produced = 0,
    /// <summary>Received from a partner: the GTIN is the partner's.</summary>
    Received = 1,
}

/// <summary>
/// A lot (lô hàng) a business holds: GTIN + lot number (AI 10). Its diary is the EPCIS events naming the lot's
/// class identifier; this row keeps what the events do not (status, dates for the label, where it started).
/// </summary>
public sealed class Lot
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganizationId { get; set; }
    public required string Gtin { get; set; }
    /// <summary>AI 10 batch/lot number: up to 20 characters of GS1 AI encodable character set 82.</summary>
    public required string LotNumber { get; set; }
    /// <summary>The business's own product, null for a lot received under a partner's GTIN it has not declared.</summary>
    public Guid? ProductId { get; set; }
    public Guid? LocationId { get; set; }
    public LotStatus Status { get; set; }
    public LotOrigin Origin { get; set; }
    public Guid? ReceivedFromOrganizationId { get; set; }
    public decimal? Quantity { get; set; }
    public string? Unit { get; set; }
    public DateOnly? ProductionDate { get; set; }
    public DateOnly? ExpiryDate { get; set; }
    public string? Note { get; set; }
    public DateTime CreatedAt { get; set; } = DateTime.UtcNow;
    public DateTime UpdatedAt { get; set; } = DateTime.UtcNow;
}

internal sealed class LotConfiguration : IEntityTypeConfiguration<Lot>
{
    public void Configure(EntityTypeBuilder<Lot> b)
    {
        b.ToTable("lots");
        b.Property(l => l.Gtin).HasMaxLength(14);
        b.Property(l => l.LotNumber).HasMaxLength(20);
        b.HasIndex(l => new { l.OrganizationId, l.Gtin, l.LotNumber }).IsUnique();
        b.HasIndex(l => new { l.OrganizationId, l.Status, l.UpdatedAt });
        b.HasIndex(l => new { l.Gtin, l.LotNumber });
        b.Property(l => l.Quantity).HasPrecision(18, 4);
        b.Property(l => l.Unit).HasMaxLength(30);
        b.Property(l => l.Note).HasMaxLength(1000);
        b.HasOne<Organization>().WithMany().HasForeignKey(l => l.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Products.Product>().WithMany().HasForeignKey(l => l.ProductId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Locations.Location>().WithMany().HasForeignKey(l => l.LocationId).OnDelete(DeleteBehavior.Restrict);
    }
}
