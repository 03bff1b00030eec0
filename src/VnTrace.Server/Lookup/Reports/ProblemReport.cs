using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using VnTrace.Server.Organizations;

namespace VnTrace.Server.Lookup.Reports;

public enum ProblemCategory
{
    Quality = 0,
    Label = 1,
    Counterfeit = 2,
    Expired = 3,
    Safety = 4,
    Other = 5,
}

public enum ProblemReportStatus
{
    New = 0,
    Seen = 1,
    Closed = 2,
}

/// <summary>
/// A consumer's report about a product, from the "report a problem" form of the consumer page; the business the code
/// belongs to and the authority see it. The contact is optional and only what the person chose to give.
/// </summary>
public sealed class ProblemReport
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public DateTime CreatedAt { get; set; }
    /// <summary>The code reported, as a canonical Digital Link.</summary>
    public required string Identifier { get; set; }
    public string? Gtin { get; set; }
    public string? LotNumber { get; set; }
    public string? Serial { get; set; }
    /// <summary>The business the code belongs to, when known.</summary>
    public Guid? OrganizationId { get; set; }
    public ProblemCategory Category { get; set; }
    public required string Message { get; set; }
    public string? Contact { get; set; }
    public ProblemReportStatus Status { get; set; }
}

internal sealed class ProblemReportConfiguration : IEntityTypeConfiguration<ProblemReport>
{
    public void Configure(EntityTypeBuilder<ProblemReport> b)
    {
        b.ToTable("problem_reports");
        b.Property(r => r.Identifier).HasMaxLength(512);
        b.Property(r => r.Gtin).HasMaxLength(14);
        b.Property(r => r.LotNumber).HasMaxLength(20);
        b.Property(r => r.Serial).HasMaxLength(20);
        b.Property(r => r.Message).HasMaxLength(2000);
        b.Property(r => r.Contact).HasMaxLength(200);
        b.HasIndex(r => new { r.OrganizationId, r.CreatedAt });
        b.HasIndex(r => r.CreatedAt);
        b.HasOne<Organization>().WithMany().HasForeignKey(r => r.OrganizationId).OnDelete(DeleteBehavior.Restrict);
    }
}
