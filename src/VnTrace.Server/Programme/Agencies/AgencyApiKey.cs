using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using VnTrace.Server.Identity;

namespace VnTrace.Server.Programme.Agencies;

/// <summary>
/// A machine credential of an agency for the programme API (another department's system, a report script). It
/// carries the role and agency of the officer who created it; it stops working when revoked or when that officer
/// is removed. Only the SHA-256 of the key is stored, as for organization keys (<see cref="ApiKey"/>).
/// </summary>
public sealed class AgencyApiKey
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid AgencyId { get; set; }
    public Guid CreatedBy { get; set; }
    /// <summary>The creator's officer role when the key was made (<see cref="Roles.Officers"/>).</summary>
    public required string Role { get; set; }
    public required string Name { get; set; }
    public required string DisplayPrefix { get; set; }
    public required string KeyHash { get; set; }
    public DateTime CreatedAt { get; set; } = DateTime.UtcNow;
    public DateTime? RevokedAt { get; set; }
}

internal sealed class AgencyApiKeyConfiguration : IEntityTypeConfiguration<AgencyApiKey>
{
    public void Configure(EntityTypeBuilder<AgencyApiKey> b)
    {
        b.ToTable("agency_api_keys");
        b.Property(k => k.Role).HasMaxLength(50);
        b.Property(k => k.Name).HasMaxLength(200);
        b.Property(k => k.DisplayPrefix).HasMaxLength(16);
        b.Property(k => k.KeyHash).HasMaxLength(64);
        b.HasIndex(k => k.KeyHash).IsUnique();
        b.HasIndex(k => k.AgencyId);
        b.HasOne<Agency>().WithMany().HasForeignKey(k => k.AgencyId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<AppUser>().WithMany().HasForeignKey(k => k.CreatedBy).OnDelete(DeleteBehavior.Restrict);
    }
}
