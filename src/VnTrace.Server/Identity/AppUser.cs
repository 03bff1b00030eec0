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
    /// <summary>For an authority user: the agency (DoST, department, commune) whose scope bounds what the user sees.</summary>
    public Guid? AgencyId { get; set; }
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
    /// <summary>Officer of a specialised department: reads and records within the agency's sectors; proposes, never approves.</summary>
    public const string DepartmentOfficer = "DepartmentOfficer";
    /// <summary>Officer of a commune: reads and records within the agency's commune; proposes, never approves.</summary>
    public const string CommuneOfficer = "CommuneOfficer";
    /// <summary>Manages the business: profile, staff, API keys, everything staff can do.</summary>
    public const string BusinessOwner = "BusinessOwner";
    /// <summary>Records the business's products, locations, lots and diary.</summary>
    public const string BusinessStaff = "BusinessStaff";

    public static readonly string[] All = [SystemAdmin, Authority, Inspector, DepartmentOfficer, CommuneOfficer, BusinessOwner, BusinessStaff];

    /// <summary>The roles of the authority side, in the order an officer's role is read from a principal.</summary>
    public static readonly string[] Officers = [SystemAdmin, Authority, Inspector, DepartmentOfficer, CommuneOfficer];
}

internal sealed class AppUserConfiguration : IEntityTypeConfiguration<AppUser>
{
    public void Configure(EntityTypeBuilder<AppUser> b)
    {
        b.Property(u => u.FullName).HasMaxLength(200);
        b.HasIndex(u => u.OrganizationId);
        b.HasOne<Organization>().WithMany().HasForeignKey(u => u.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<VnTrace.Server.Programme.Agencies.Agency>().WithMany().HasForeignKey(u => u.AgencyId).OnDelete(DeleteBehavior.Restrict);
    }
}
