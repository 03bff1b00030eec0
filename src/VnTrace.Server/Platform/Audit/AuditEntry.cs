using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace VnTrace.Server.Platform.Audit;

/// <summary>
/// One change made through the web interface (who, when, what). Events are audited by the event log itself;
/// this records changes to master data, users, keys and decisions (mission: "every change is audited").
/// </summary>
public sealed class AuditEntry
{
    public long Id { get; set; }
    public DateTime At { get; set; }
    public Guid? UserId { get; set; }
    public Guid? OrganizationId { get; set; }
    /// <summary>Dotted action name, e.g. "product.create", "organization.approve".</summary>
    public required string Action { get; set; }
    public string? EntityType { get; set; }
    public string? EntityId { get; set; }
    /// <summary>What changed, as compact JSON.</summary>
    public string? Detail { get; set; }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.ToTable("audit_log");
        b.Property(a => a.Action).HasMaxLength(100);
        b.Property(a => a.EntityType).HasMaxLength(100);
        b.Property(a => a.EntityId).HasMaxLength(100);
        b.HasIndex(a => new { a.OrganizationId, a.At });
        b.HasIndex(a => new { a.EntityType, a.EntityId });
    }
}
