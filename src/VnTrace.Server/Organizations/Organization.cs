using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace VnTrace.Server.Organizations;

/// <summary>What an organization is to the system.</summary>
public enum OrganizationKind
{
    /// <summary>A company, cooperative or household producer: sees its own data and what partners shared with it.</summary>
    Business = 0,
    /// <summary>The provincial authority (Sở KH&amp;CN and its standards office): reads everyone's data.</summary>
    Authority = 1,
}

/// <summary>Where a business stands with the authority. Only approved businesses record events and issue codes.</summary>
public enum OrganizationStatus
{
    Approved = 0,
    /// <summary>Signed up, waiting for an Authority user to approve it.</summary>
    Pending = 1,
    Rejected = 2,
    Suspended = 3,
}

/// <summary>The legal form of a business (loại hình).</summary>
public enum BusinessForm
{
    Company = 0,
    Cooperative = 1,
    Household = 2,
    Other = 3,
}

/// <summary>A business, cooperative, household producer or authority taking part in the system (a GS1 party).</summary>
public sealed class Organization
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string Name { get; set; }
    public OrganizationKind Kind { get; set; } = OrganizationKind.Business;
    public OrganizationStatus Status { get; set; } = OrganizationStatus.Approved;
    public BusinessForm Form { get; set; } = BusinessForm.Company;
    /// <summary>Vietnamese tax code (mã số thuế), when the organization has one.</summary>
    public string? TaxCode { get; set; }
    /// <summary>The party GLN (location trace code of the organization itself).</summary>
    public string? Gln { get; set; }
    public string? ProvinceCode { get; set; }
    public string? CommuneCode { get; set; }
    /// <summary>Street, village (thôn, buôn) and house number, below the commune.</summary>
    public string? AddressLine { get; set; }
    public string? ContactName { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }
    public string? Website { get; set; }
    /// <summary>Sector code (agriculture, aquaculture, food processing…), see <c>Sectors</c>.</summary>
    public string? Sector { get; set; }
    /// <summary>Takes part in the One Commune One Product programme.</summary>
    public bool OcopParticipant { get; set; }
    /// <summary>The GS1 company prefix GS1 Vietnam licensed to the business, when it has one.</summary>
    public string? Gs1CompanyPrefix { get; set; }
    /// <summary>A company prefix allocated from the province's range for a business without its own.</summary>
    public string? AllocatedCompanyPrefix { get; set; }
    /// <summary>Next item reference to allocate a GTIN from the company prefix in use.</summary>
    public int NextGtinReference { get; set; }
    /// <summary>Next location reference to allocate a GLN from the company prefix in use.</summary>
    public int NextGlnReference { get; set; }
    public DateTime CreatedAt { get; set; } = DateTime.UtcNow;
    public DateTime? DecidedAt { get; set; }
    public Guid? DecidedBy { get; set; }
    /// <summary>Why the authority rejected or suspended the organization, shown to its owner.</summary>
    public string? DecisionNote { get; set; }

    /// <summary>The company prefix codes are made from: the business's own, else the allocated one.</summary>
    public string? CompanyPrefixInUse => Gs1CompanyPrefix ?? AllocatedCompanyPrefix;
}

internal sealed class OrganizationConfiguration : IEntityTypeConfiguration<Organization>
{
    public void Configure(EntityTypeBuilder<Organization> b)
    {
        b.ToTable("organizations");
        b.Property(o => o.Name).HasMaxLength(300);
        b.Property(o => o.TaxCode).HasMaxLength(20);
        b.Property(o => o.Gln).HasMaxLength(13);
        b.HasIndex(o => o.Gln).IsUnique();
        b.HasIndex(o => o.TaxCode);
        b.HasIndex(o => o.Status);
        b.Property(o => o.ProvinceCode).HasMaxLength(10);
        b.Property(o => o.CommuneCode).HasMaxLength(10);
        b.Property(o => o.AddressLine).HasMaxLength(300);
        b.Property(o => o.ContactName).HasMaxLength(200);
        b.Property(o => o.Phone).HasMaxLength(30);
        b.Property(o => o.Email).HasMaxLength(200);
        b.Property(o => o.Website).HasMaxLength(300);
        b.Property(o => o.Sector).HasMaxLength(50);
        b.Property(o => o.Gs1CompanyPrefix).HasMaxLength(12);
        b.Property(o => o.AllocatedCompanyPrefix).HasMaxLength(12);
        b.HasIndex(o => o.AllocatedCompanyPrefix).IsUnique();
        b.Property(o => o.DecisionNote).HasMaxLength(1000);
        b.Ignore(o => o.CompanyPrefixInUse);
    }
}
