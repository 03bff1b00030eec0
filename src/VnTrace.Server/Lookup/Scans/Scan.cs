using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using VnTrace.Server.Organizations;

namespace VnTrace.Server.Lookup.Scans;

/// <summary>
/// One view of a consumer page: when, which code, and nothing about the person — no IP address, no cookie, only a
/// short hash of the browser's user agent (to tell a reload from another phone), the address keyed with the day's
/// secret (<see cref="ScanAddresses"/>: one address is one viewer a day) and, when the browser's permission gives
/// it, a position rounded to about a kilometre. The authenticity verdict is computed from these rows.
/// </summary>
public sealed class Scan
{
    public long Id { get; set; }
    public DateTime ScannedAt { get; set; }
    /// <summary>The code as a canonical Digital Link (key and qualifiers, no query string).</summary>
    public required string Identifier { get; set; }
    public string? Gtin { get; set; }
    public string? LotNumber { get; set; }
    public string? Serial { get; set; }
    /// <summary>The business the code belongs to (product owner), when the code is known.</summary>
    public Guid? OrganizationId { get; set; }
    /// <summary>First 16 hex digits of SHA-256 of the User-Agent header.</summary>
    public required string UserAgentHash { get; set; }
    /// <summary>16 hex digits of HMAC-SHA256 of the client address under the day's key (<see cref="ScanAddresses"/>); null for scans from before it was kept, or without a known address.</summary>
    public string? AddressHash { get; set; }
    /// <summary>Rounded to 0.01° (≈ 1.1 km), only when the browser shared a position.</summary>
    public double? Latitude { get; set; }
    public double? Longitude { get; set; }
}

internal sealed class ScanConfiguration : IEntityTypeConfiguration<Scan>
{
    public void Configure(EntityTypeBuilder<Scan> b)
    {
        b.ToTable("scans");
        b.Property(s => s.Identifier).HasMaxLength(512);
        b.Property(s => s.Gtin).HasMaxLength(14);
        b.Property(s => s.LotNumber).HasMaxLength(20);
        b.Property(s => s.Serial).HasMaxLength(20);
        b.Property(s => s.UserAgentHash).HasMaxLength(16);
        b.Property(s => s.AddressHash).HasMaxLength(16);
        // The verdict: earlier scans of one code; the statistics: a business's scans over time.
        b.HasIndex(s => new { s.Identifier, s.ScannedAt });
        b.HasIndex(s => new { s.OrganizationId, s.ScannedAt });
        b.HasIndex(s => s.ScannedAt);
        b.HasOne<Organization>().WithMany().HasForeignKey(s => s.OrganizationId).OnDelete(DeleteBehavior.Restrict);
    }
}
