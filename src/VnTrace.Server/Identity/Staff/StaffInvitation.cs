using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using VnTrace.Server.Organizations;

namespace VnTrace.Server.Identity.Staff;

/// <summary>
/// An invitation a business owner hands to a colleague (link or code, no e-mail needed). Only the SHA-256 of its
/// token is stored; it works once and until it expires.
/// </summary>
public sealed class StaffInvitation
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganizationId { get; set; }
    public required string InviteeName { get; set; }
    /// <summary><see cref="Roles.BusinessOwner"/> or <see cref="Roles.BusinessStaff"/>.</summary>
    public required string Role { get; set; }
    /// <summary>For an officer's invitation (the DoST invites into an agency): the agency the officer joins.</summary>
    public Guid? AgencyId { get; set; }
    public required string TokenHash { get; set; }
    public Guid CreatedBy { get; set; }
    public DateTime CreatedAt { get; set; } = DateTime.UtcNow;
    public DateTime ExpiresAt { get; set; }
    public DateTime? AcceptedAt { get; set; }
    public Guid? AcceptedBy { get; set; }
    public DateTime? RevokedAt { get; set; }
}

internal sealed class StaffInvitationConfiguration : IEntityTypeConfiguration<StaffInvitation>
{
    public void Configure(EntityTypeBuilder<StaffInvitation> b)
    {
        b.ToTable("staff_invitations");
        b.Property(i => i.InviteeName).HasMaxLength(200);
        b.Property(i => i.Role).HasMaxLength(50);
        b.Property(i => i.TokenHash).HasMaxLength(64);
        b.HasIndex(i => i.TokenHash).IsUnique();
        b.HasIndex(i => i.OrganizationId);
        b.HasOne<Organization>().WithMany().HasForeignKey(i => i.OrganizationId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<VnTrace.Server.Programme.Agencies.Agency>().WithMany().HasForeignKey(i => i.AgencyId).OnDelete(DeleteBehavior.Cascade);
    }
}
