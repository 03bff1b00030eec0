using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using VnTrace.Server.Organizations;

namespace VnTrace.Server.Capture;

/// <summary>
/// The record of one capture request (EPCIS 2.0 REST binding, /capture/{captureID}). Capture here is atomic
/// ("rollback" behaviour): a job either stored all its events or none.
/// </summary>
public sealed class CaptureJob
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OwnerId { get; set; }
    public DateTime CreatedAt { get; set; } = DateTime.UtcNow;
    public DateTime? FinishedAt { get; set; }
    public bool Running { get; set; } = true;
    public bool Success { get; set; }
    /// <summary>Events in the document, and how many were new (the rest were repeats of stored events).</summary>
    public int EventCount { get; set; }
    public int StoredCount { get; set; }
    /// <summary>The errors as a JSON array of {path, message}, when the job failed.</summary>
    public string? ErrorsJson { get; set; }
}

internal sealed class CaptureJobConfiguration : IEntityTypeConfiguration<CaptureJob>
{
    public void Configure(EntityTypeBuilder<CaptureJob> b)
    {
        b.ToTable("capture_jobs");
        b.Property(j => j.Id).ValueGeneratedNever();
        b.HasOne<Organization>().WithMany().HasForeignKey(j => j.OwnerId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(j => new { j.OwnerId, j.CreatedAt });
    }
}
