using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using VnTrace.Server.Organizations;

namespace VnTrace.Server.Platform.Files;

/// <summary>
/// An uploaded file (product image, certificate scan) kept in the database itself, so one backup of the database
/// holds everything and several servers behind a load balancer see the same files.
/// </summary>
public sealed class StoredFile
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganizationId { get; set; }
    public required string FileName { get; set; }
    public required string ContentType { get; set; }
    public long Length { get; set; }
    /// <summary>Lower-case hex SHA-256 of the content, for integrity checks and ETags.</summary>
    public required string Sha256 { get; set; }
    public required byte[] Content { get; set; }
    /// <summary>Served to anyone (product images on the consumer page); otherwise only to the owner and the authority.</summary>
    public bool Public { get; set; }
    public DateTime CreatedAt { get; set; } = DateTime.UtcNow;
}

internal sealed class StoredFileConfiguration : IEntityTypeConfiguration<StoredFile>
{
    public void Configure(EntityTypeBuilder<StoredFile> b)
    {
        b.ToTable("files");
        b.Property(f => f.FileName).HasMaxLength(260);
        b.Property(f => f.ContentType).HasMaxLength(100);
        b.Property(f => f.Sha256).HasMaxLength(64);
        b.HasIndex(f => f.OrganizationId);
        b.HasOne<Organization>().WithMany().HasForeignKey(f => f.OrganizationId).OnDelete(DeleteBehavior.Restrict);
    }
}
