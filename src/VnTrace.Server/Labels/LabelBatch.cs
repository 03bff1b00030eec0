using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using VnTrace.Server.Organizations;

namespace VnTrace.Server.Labels;

public enum LabelBatchKind
{
    /// <summary>One Digital Link for the whole lot (01 + 10), printed as many times as asked.</summary>
    Lot = 0,
    /// <summary>One Digital Link per unit (01 + 10 + 21), each serial issued once.</summary>
    Serial = 1,
}

/// <summary>A run of trace codes issued for a lot, and how it was printed.</summary>
public sealed class LabelBatch
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganizationId { get; set; }
    public Guid LotId { get; set; }
    public LabelBatchKind Kind { get; set; }
    /// <summary>Labels in the batch: serials issued, or copies of the lot code.</summary>
    public int Count { get; set; }
    /// <summary>The sheet layout id it was printed on (or "custom:WxH").</summary>
    public string? Layout { get; set; }
    public Guid? CreatedBy { get; set; }
    public DateTime CreatedAt { get; set; } = DateTime.UtcNow;
}

/// <summary>
/// A serial issued for a GTIN (AI 21). Kept so that a scan of a serial never issued can be called suspicious,
/// and unique per GTIN as GS1 requires.
/// </summary>
public sealed class IssuedSerial
{
    public long Id { get; set; }
    public Guid BatchId { get; set; }
    public required string Gtin { get; set; }
    public required string LotNumber { get; set; }
    public required string Serial { get; set; }
}

internal sealed class LabelBatchConfiguration : IEntityTypeConfiguration<LabelBatch>
{
    public void Configure(EntityTypeBuilder<LabelBatch> b)
    {
        b.ToTable("label_batches");
        b.Property(l => l.Layout).HasMaxLength(50);
        b.HasIndex(l => new { l.OrganizationId, l.CreatedAt });
        b.HasIndex(l => l.LotId);
        b.HasOne<Organization>().WithMany().HasForeignKey(l => l.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<VnTrace.Server.Lots.Lot>().WithMany().HasForeignKey(l => l.LotId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class IssuedSerialConfiguration : IEntityTypeConfiguration<IssuedSerial>
{
    public void Configure(EntityTypeBuilder<IssuedSerial> b)
    {
        b.ToTable("issued_serials");
        b.Property(s => s.Gtin).HasMaxLength(14);
        b.Property(s => s.LotNumber).HasMaxLength(20);
        b.Property(s => s.Serial).HasMaxLength(20);
        b.HasIndex(s => new { s.Gtin, s.Serial }).IsUnique();
        b.HasIndex(s => s.BatchId);
        b.HasOne<LabelBatch>().WithMany().HasForeignKey(s => s.BatchId).OnDelete(DeleteBehavior.Cascade);
    }
}
