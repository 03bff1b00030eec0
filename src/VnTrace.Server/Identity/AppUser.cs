using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using VnTrace.Server.Organizations;

namespace VnTrace.Server.Identity;

/// <summary>A person who signs in to the web interface. Business users belong to one organization.</summary>
public sealed class AppUser : IdentityUser<Guid>
{
    public AppUser() => Id = Guid.CreateVersion7();

    public required string FullName { get; set; }
    /// <summary>The organization the user works for; the authority's officers belong to the authority organization.</summary>
    public Guid? OrganizationId { get; set; }
    public DateTime CreatedAt { get; set; } = DateTime.UtcNow;
}

/// <summary>The roles of the web interface (issue: Identity and roles).</summary>
public static class Roles
{
    public const string SystemAdmin = "SystemAdmin";
    /// <summary>Provincial officer: approves businesses, runs recalls, sees everyone's data.</summary>
    public const string Authority = "Authority";
    /// <summary>Read-only authority user (inspectors, other departments).</summary>
    public const string Inspector = "Inspector";
    /// <summary>Manages the business: profile, staff, API keys, everything staff can do.</summary>
    public const string BusinessOwner = "BusinessOwner";
    /// <summary>Records the business's products, locations, lots and diary.</summary>
    public const string BusinessStaff = "BusinessStaff";

    public static readonly string[] All = [SystemAdmin, Authority, Inspector, BusinessOwner, BusinessStaff];
}

internal sealed class AppUserConfiguration : IEntityTypeConfiguration<AppUser>
{
    public void Configure(EntityTypeBuilder<AppUser> b)
    {
        b.Property(u => u.FullName).HasMaxLength(200);
        b.HasIndex(u => u.OrganizationId);
        b.HasOne<Organization>().WithMany().HasForeignKey(u => u.OrganizationId).OnDelete(DeleteBehavior.Restrict);
    }
}
