using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace VnTrace.Server.Identity;

/// <summary>What an organization is to the system.</summary>
public enum OrganizationKind
{
    /// <summary>A company, cooperative or household producer: sees its own data and what partners shared with it.</summary>
    Business = 0,
    /// <summary>The provincial authority (Sở KH&amp;CN and its standards office): reads everyone's data.</summary>
    Authority = 1,
}

/// <summary>A business, cooperative, household producer or authority taking part in the system (a GS1 party).</summary>
public sealed class Organization
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string Name { get; set; }
    public OrganizationKind Kind { get; set; } = OrganizationKind.Business;
    /// <summary>Vietnamese tax code (mã số thuế), when the organization has one.</summary>
    public string? TaxCode { get; set; }
    /// <summary>The party GLN (location trace code of the organization itself).</summary>
    public string? Gln { get; set; }
    public DateTime CreatedAt { get; set; } = DateTime.UtcNow;
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
    }
}
