using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using VnTrace.Server.Organizations;

namespace VnTrace.Server.Capture;

/// <summary>How a capture reached the repository: the plan's "interoperable systems" indicator counts the API.</summary>
public enum CaptureChannel
{
    /// <summary>Recorded before channels were kept, or by code that does not say.</summary>
    Unknown = 0,
    /// <summary>The EPCIS 2.0 capture interface (POST /capture, /events): a business's own system or another EPCIS repository.</summary>
    Api = 1,
    /// <summary>The workspace's diary forms and their spreadsheet import.</summary>
    Diary = 2,
    /// <summary>The seeded demo province.</summary>
    Demo = 3,
}

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
    public CaptureChannel Channel { get; set; }
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
