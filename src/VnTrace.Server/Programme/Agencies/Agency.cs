using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace VnTrace.Server.Programme.Agencies;

/// <summary>What part of the province an agency answers for.</summary>
public enum AgencyKind
{
    /// <summary>The Department of Science and Technology (Sở KH&amp;CN): the whole province; it approves.</summary>
    Dost = 0,
    /// <summary>A specialised department (Sở Công Thương, Sở Nông nghiệp và Môi trường, Sở Y tế…): its sectors.</summary>
    Department = 1,
    /// <summary>A commune's people's committee (UBND xã/phường): its commune.</summary>
    Commune = 2,
}

/// <summary>
/// A public body taking part in the provincial programme. Officers belong to one agency; what they read and
/// record is bounded by it (<see cref="OfficerScope"/>). Agencies are data the DoST manages, not configuration.
/// </summary>
public sealed class Agency
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string Name { get; set; }
    public AgencyKind Kind { get; set; }
    /// <summary>For a department: the sector codes (<c>Organizations.Reference.Sectors</c>) it answers for.</summary>
    public List<string> Sectors { get; set; } = [];
    /// <summary>For a commune agency: the commune's GSO code.</summary>
    public string? CommuneCode { get; set; }
    public DateTime CreatedAt { get; set; } = DateTime.UtcNow;
    public DateTime UpdatedAt { get; set; } = DateTime.UtcNow;
}

internal sealed class AgencyConfiguration : IEntityTypeConfiguration<Agency>
{
    public void Configure(EntityTypeBuilder<Agency> b)
    {
        b.ToTable("agencies");
        b.Property(a => a.Name).HasMaxLength(300);
        b.Property(a => a.CommuneCode).HasMaxLength(10);
        b.HasIndex(a => a.Name).IsUnique();
    }
}
