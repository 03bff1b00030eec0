using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using VnTrace.Server.Organizations;
using VnTrace.Server.Programme.Agencies;

namespace VnTrace.Server.Programme.Activities;

/// <summary>The four kinds of outreach the provincial plans count (Gia Lai 2026–2030: articles, conferences, classes, trainings).</summary>
public enum ActivityKind
{
    TrainingCourse = 0,
    AwarenessClass = 1,
    Conference = 2,
    Article = 3,
}

/// <summary>The API's names of <see cref="ActivityKind"/> (snake_case, as the contract spells them).</summary>
public static class ActivityKinds
{
    public static readonly (ActivityKind Kind, string Name)[] All =
    [
        (ActivityKind.TrainingCourse, "training_course"),
        (ActivityKind.AwarenessClass, "awareness_class"),
        (ActivityKind.Conference, "conference"),
        (ActivityKind.Article, "article"),
    ];

    public static string Name(ActivityKind kind) => All.First(k => k.Kind == kind).Name;

    public static ActivityKind? Parse(string? name) =>
        All.Where(k => string.Equals(k.Name, name?.Trim(), StringComparison.Ordinal)).Select(k => (ActivityKind?)k.Kind).FirstOrDefault();

    /// <summary>Courses, classes and conferences have a register; articles do not.</summary>
    public static bool HasAttendees(ActivityKind kind) => kind != ActivityKind.Article;
}

/// <summary>
/// A training course, awareness class, conference or seminar, or a published article, recorded by the agency that
/// organised it. The plan's indicators count these rows at query time (<see cref="ActivityIndicators"/>).
/// </summary>
public sealed class ProgrammeActivity
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public ActivityKind Kind { get; set; }
    public required string Title { get; set; }
    /// <summary>The day it took place (a publication date for an article), a Vietnam calendar date.</summary>
    public DateOnly Date { get; set; }
    /// <summary>The organiser (for an article, the agency that placed it).</summary>
    public Guid AgencyId { get; set; }
    public string? Venue { get; set; }
    public bool Online { get; set; }
    /// <summary>Who it was for ("OCOP producers of the province", "commune officers").</summary>
    public string? Audience { get; set; }
    /// <summary>An article's newspaper, radio, portal or page.</summary>
    public string? Outlet { get; set; }
    public string? Link { get; set; }
    /// <summary><see cref="OfficerScope.Actor"/> of whoever recorded it.</summary>
    public required string RecordedBy { get; set; }
    public DateTime CreatedAt { get; set; } = DateTime.UtcNow;
    public List<ActivityAttendee> Attendees { get; set; } = [];
    public List<ActivityMaterial> Materials { get; set; } = [];
}

/// <summary>One line of the attendee register: a person, the registered business they came from if any.</summary>
public sealed class ActivityAttendee
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ActivityId { get; set; }
    /// <summary>The register's order (1, 2…).</summary>
    public int Position { get; set; }
    public required string Name { get; set; }
    /// <summary>
    /// Where the attendee came from, not who owns the row: the register belongs to the activity and its officers
    /// (hence no tenant filter, see TenantIsolationTests).
    /// </summary>
    public Guid? OrganizationId { get; set; }
    /// <summary>An organization that is not a registered business (a commune office, a school), as written.</summary>
    public string? OrganizationName { get; set; }
    public bool CivilServant { get; set; }
}

/// <summary>A file handed out or shown at the activity (slides, a leaflet), kept in the file store.</summary>
public sealed class ActivityMaterial
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ActivityId { get; set; }
    public Guid FileId { get; set; }
    public required string FileName { get; set; }
}

internal sealed class ProgrammeActivityConfiguration : IEntityTypeConfiguration<ProgrammeActivity>
{
    public void Configure(EntityTypeBuilder<ProgrammeActivity> b)
    {
        b.ToTable("programme_activities");
        b.Property(a => a.Title).HasMaxLength(500);
        b.Property(a => a.Venue).HasMaxLength(300);
        b.Property(a => a.Audience).HasMaxLength(300);
        b.Property(a => a.Outlet).HasMaxLength(200);
        b.Property(a => a.Link).HasMaxLength(1000);
        b.Property(a => a.RecordedBy).HasMaxLength(100);
        b.HasIndex(a => new { a.Date, a.Kind });
        b.HasOne<Agency>().WithMany().HasForeignKey(a => a.AgencyId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(a => a.Attendees).WithOne().HasForeignKey(a => a.ActivityId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(a => a.Materials).WithOne().HasForeignKey(m => m.ActivityId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ActivityAttendeeConfiguration : IEntityTypeConfiguration<ActivityAttendee>
{
    public void Configure(EntityTypeBuilder<ActivityAttendee> b)
    {
        b.ToTable("programme_activity_attendees");
        b.Property(a => a.Name).HasMaxLength(200);
        b.Property(a => a.OrganizationName).HasMaxLength(300);
        b.HasIndex(a => a.OrganizationId);
        b.HasOne<Organization>().WithMany().HasForeignKey(a => a.OrganizationId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ActivityMaterialConfiguration : IEntityTypeConfiguration<ActivityMaterial>
{
    public void Configure(EntityTypeBuilder<ActivityMaterial> b)
    {
        b.ToTable("programme_activity_materials");
        b.Property(m => m.FileName).HasMaxLength(260);
        b.HasOne<Platform.Files.StoredFile>().WithMany().HasForeignKey(m => m.FileId).OnDelete(DeleteBehavior.Restrict);
    }
}
