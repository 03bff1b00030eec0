using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using VnTrace.Server.Organizations;

namespace VnTrace.Server.Recall;

public enum RecallStatus
{
    Open = 0,
    Closed = 1,
}

/// <summary>
/// A recall (thu hồi sản phẩm): the lots recalled and why, and a notice to every business the goods reached.
/// Opened by the authority, or by a business for its own lots or the lots shipped to it (<see cref="Trace.LotTrust"/>).
/// </summary>
public sealed class RecallCampaign
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid InitiatorId { get; set; }
    public required string Reason { get; set; }
    public RecallStatus Status { get; set; } = RecallStatus.Open;
    public DateTime OpenedAt { get; set; }
    public DateTime? ClosedAt { get; set; }
    public string? ClosingNote { get; set; }
    /// <summary>True when the affected set was cut at the trace node limit: it may be incomplete.</summary>
    public bool AffectedTruncated { get; set; }
    public List<RecallLot> Lots { get; set; } = [];
    public List<RecallNotice> Notices { get; set; } = [];
}

/// <summary>A recalled lot, unit or container, and every identifier downstream of it, in canonical form.</summary>
public sealed class RecallLot
{
    public Guid CampaignId { get; set; }
    public required string Identifier { get; set; }
    /// <summary>True for the lots the initiator named; false for what the trace found downstream.</summary>
    public bool Named { get; set; }
}

/// <summary>The in-app notice to one affected business, its acknowledgement and what it recovered.</summary>
public sealed class RecallNotice
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid CampaignId { get; set; }
    public Guid OrganizationId { get; set; }
    /// <summary>Quantity the trace says reached this business, with its unit (null when events gave none).</summary>
    public decimal? QuantityReceived { get; set; }
    public string? Uom { get; set; }
    public DateTime NotifiedAt { get; set; }
    public DateTime? AcknowledgedAt { get; set; }
    public decimal? QuantityRecovered { get; set; }
    public string? Note { get; set; }
}

internal sealed class RecallCampaignConfiguration : IEntityTypeConfiguration<RecallCampaign>
{
    public void Configure(EntityTypeBuilder<RecallCampaign> b)
    {
        b.ToTable("recall_campaigns");
        b.Property(c => c.Id).ValueGeneratedNever();
        b.Property(c => c.Reason).HasMaxLength(2000);
        b.Property(c => c.ClosingNote).HasMaxLength(2000);
        b.HasOne<Organization>().WithMany().HasForeignKey(c => c.InitiatorId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(c => c.Lots).WithOne().HasForeignKey(l => l.CampaignId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(c => c.Notices).WithOne().HasForeignKey(n => n.CampaignId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(c => new { c.InitiatorId, c.OpenedAt });
    }
}

internal sealed class RecallLotConfiguration : IEntityTypeConfiguration<RecallLot>
{
    public void Configure(EntityTypeBuilder<RecallLot> b)
    {
        b.ToTable("recall_lots");
        b.HasKey(l => new { l.CampaignId, l.Identifier });
        b.Property(l => l.Identifier).HasMaxLength(512);
        // The consumer page asks "is this lot recalled?" by identifier.
        b.HasIndex(l => l.Identifier);
    }
}

internal sealed class RecallNoticeConfiguration : IEntityTypeConfiguration<RecallNotice>
{
    public void Configure(EntityTypeBuilder<RecallNotice> b)
    {
        b.ToTable("recall_notices");
        b.Property(n => n.Id).ValueGeneratedNever();
        b.Property(n => n.Uom).HasMaxLength(10);
        b.Property(n => n.Note).HasMaxLength(2000);
        b.HasOne<Organization>().WithMany().HasForeignKey(n => n.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(n => new { n.CampaignId, n.OrganizationId }).IsUnique();
        b.HasIndex(n => n.OrganizationId);
    }
}
