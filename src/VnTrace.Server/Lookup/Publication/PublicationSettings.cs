using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using VnTrace.Server.Organizations;

namespace VnTrace.Server.Lookup.Publication;

/// <summary>
/// What a business may choose to show consumers beyond the minimum of Decree 37/2026 Art. 23.7, which is always
/// shown: product name and image, business name and commune, origin, brand, lot or serial, expiry date. Customers,
/// prices, quantities and business transactions are never shown, whatever is chosen.
/// </summary>
[Flags]
public enum PublicField
{
    None = 0,
    Description = 1 << 0,
    /// <summary>Street and village below the commune: a household's is a private address, hidden unless chosen.</summary>
    AddressLine = 1 << 1,
    ContactName = 1 << 2,
    Phone = 1 << 3,
    Email = 1 << 4,
    Website = 1 << 5,
    OcopStars = 1 << 6,
    Standards = 1 << 7,
    NetContent = 1 << 8,
    ProductionDate = 1 << 9,
    Certificates = 1 << 10,
    /// <summary>The timeline of the business's own events (filtered further by business step and internal places).</summary>
    Journey = 1 << 11,
    Map = 1 << 12,
    /// <summary>The lots a processed product was made from (one step back).</summary>
    InputLots = 1 << 13,

    All = Description | AddressLine | ContactName | Phone | Email | Website | OcopStars | Standards | NetContent
        | ProductionDate | Certificates | Journey | Map | InputLots,
}

/// <summary>
/// A business's choice of what consumers see on the lookup page and in the resolver's linksets. A business without a
/// row gets <see cref="PublicationPolicy.Defaults"/>.
/// </summary>
public sealed class PublicationSettings
{
    public Guid OrganizationId { get; set; }
    public PublicField Fields { get; set; }
    /// <summary>CBV business steps (short names, e.g. "storing") whose events consumers do not see.</summary>
    public List<string> HiddenBizSteps { get; set; } = [];
    /// <summary>Show events at locations marked internal (hidden by default).</summary>
    public bool ShowInternalLocations { get; set; }
    public DateTime UpdatedAt { get; set; } = DateTime.UtcNow;
    public Guid? UpdatedBy { get; set; }
}

internal sealed class PublicationSettingsConfiguration : IEntityTypeConfiguration<PublicationSettings>
{
    public void Configure(EntityTypeBuilder<PublicationSettings> b)
    {
        b.ToTable("publication_settings");
        b.HasKey(p => p.OrganizationId);
        b.HasOne<Organization>().WithOne().HasForeignKey<PublicationSettings>(p => p.OrganizationId).OnDelete(DeleteBehavior.Cascade);
    }
}
