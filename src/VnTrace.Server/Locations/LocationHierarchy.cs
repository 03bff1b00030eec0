using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using VnTrace.Server.Organizations;

namespace VnTrace.Server.Locations;

/// <summary>
/// A location that master data (EPCIS 2.0 §6.5, vocabulary element children of BusinessLocation and ReadPoint)
/// places inside another, as its owner captured it; WD_bizLocation / WD_readPoint follow it.
/// </summary>
public sealed class LocationHierarchy
{
    public Guid OwnerId { get; set; }
    /// <summary>The containing location, canonical form.</summary>
    public required string ParentId { get; set; }
    /// <summary>A location directly inside it, canonical form.</summary>
    public required string ChildId { get; set; }
}

internal sealed class LocationHierarchyConfiguration : IEntityTypeConfiguration<LocationHierarchy>
{
    public void Configure(EntityTypeBuilder<LocationHierarchy> b)
    {
        b.ToTable("location_hierarchy");
        b.HasKey(h => new { h.OwnerId, h.ParentId, h.ChildId });
        b.Property(h => h.ParentId).HasMaxLength(512);
        b.Property(h => h.ChildId).HasMaxLength(512);
        b.HasOne<Organization>().WithMany().HasForeignKey(h => h.OwnerId).OnDelete(DeleteBehavior.Cascade);
    }
}
