using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using VnTrace.Server.Organizations;

namespace VnTrace.Server.Locations;

/// <summary>What a location is (CBV 2.0 §7.4 site types, narrowed to what a Vietnamese producer declares).</summary>
public enum LocationKind
{
    Farm = 0,
    /// <summary>Vùng trồng: a growing area with a planting-area code and a boundary polygon.</summary>
    PlantingArea = 1,
    Factory = 2,
    /// <summary>Cơ sở đóng gói: has a packing-house code for export.</summary>
    PackingHouse = 3,
    Warehouse = 4,
    Shop = 5,
    Other = 6,
}

/// <summary>A place of a business. Its GLN is the location trace code of Decree 37/2026 Art. 24.</summary>
public sealed class Location
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganizationId { get; set; }
    public LocationKind Kind { get; set; }
    public required string Name { get; set; }
    /// <summary>The location's GLN (13 digits).</summary>
    public required string Gln { get; set; }
    /// <summary>The farm a planting area lies in, or the site a warehouse belongs to.</summary>
    public Guid? ParentId { get; set; }
    /// <summary>Mã số vùng trồng issued by the plant protection authority.</summary>
    public string? PlantingAreaCode { get; set; }
    /// <summary>Mã số cơ sở đóng gói.</summary>
    public string? PackingHouseCode { get; set; }
    public string? Crop { get; set; }
    public decimal? AreaHectares { get; set; }
    /// <summary>RFC 7946 GeoJSON polygon, validated and normalised before it is stored.</summary>
    public string? BoundaryGeoJson { get; set; }
    public double? Latitude { get; set; }
    public double? Longitude { get; set; }
    public string? CommuneCode { get; set; }
    public string? AddressLine { get; set; }
    /// <summary>Internal places a business may hide from consumers.</summary>
    public bool Internal { get; set; }
    public bool Archived { get; set; }
    public DateTime CreatedAt { get; set; } = DateTime.UtcNow;
}

internal sealed class LocationConfiguration : IEntityTypeConfiguration<Location>
{
    public void Configure(EntityTypeBuilder<Location> b)
    {
        b.ToTable("locations");
        b.Property(l => l.Name).HasMaxLength(200);
        b.Property(l => l.Gln).HasMaxLength(13);
        b.HasIndex(l => l.Gln).IsUnique();
        b.HasIndex(l => new { l.OrganizationId, l.Kind });
        b.Property(l => l.PlantingAreaCode).HasMaxLength(50);
        b.Property(l => l.PackingHouseCode).HasMaxLength(50);
        b.Property(l => l.Crop).HasMaxLength(100);
        b.Property(l => l.AreaHectares).HasPrecision(12, 4);
        b.Property(l => l.CommuneCode).HasMaxLength(10);
        b.Property(l => l.AddressLine).HasMaxLength(300);
        b.HasOne<Organization>().WithMany().HasForeignKey(l => l.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Location>().WithMany().HasForeignKey(l => l.ParentId).OnDelete(DeleteBehavior.Restrict);
    }
}
