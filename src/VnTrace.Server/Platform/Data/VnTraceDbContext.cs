using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using VnTrace.Server.Locations;
using VnTrace.Server.Platform.Events;

namespace VnTrace.Server.Platform.Data;

/// <summary>
/// The one database of the server. Two providers derive from it so each keeps its own migrations
/// (Data/Migrations/Sqlite, Data/Migrations/Postgres); everything else sees only this type.
/// ASP.NET Core Identity's users and roles live here too, beside the organizations they belong to.
/// </summary>
public abstract partial class VnTraceDbContext(DbContextOptions options)
    : IdentityDbContext<Identity.AppUser, IdentityRole<Guid>, Guid>(options)
{
    public DbSet<VnTrace.Server.Organizations.Organization> Organizations => Set<VnTrace.Server.Organizations.Organization>();
    public DbSet<Identity.ApiKey> ApiKeys => Set<Identity.ApiKey>();
    public DbSet<TraceabilityEvent> Events => Set<TraceabilityEvent>();
    public DbSet<EventIdentifier> EventIdentifiers => Set<EventIdentifier>();
    public DbSet<EventReference> EventReferences => Set<EventReference>();
    public DbSet<Capture.CaptureJob> CaptureJobs => Set<Capture.CaptureJob>();
    public DbSet<LocationHierarchy> LocationHierarchy => Set<LocationHierarchy>();
    public DbSet<Recall.RecallCampaign> RecallCampaigns => Set<Recall.RecallCampaign>();
    public DbSet<Recall.RecallLot> RecallLots => Set<Recall.RecallLot>();
    public DbSet<Recall.RecallNotice> RecallNotices => Set<Recall.RecallNotice>();
    public DbSet<VnTrace.Server.Locations.Location> Locations => Set<VnTrace.Server.Locations.Location>();
    public DbSet<VnTrace.Server.Products.Product> Products => Set<VnTrace.Server.Products.Product>();
    /// <summary>Products' GTINs and names, whoever owns them (<see cref="VnTrace.Server.Products.ProductName"/>).</summary>
    public DbSet<VnTrace.Server.Products.ProductName> ProductNames => Set<VnTrace.Server.Products.ProductName>();
    public DbSet<VnTrace.Server.Products.ProductImage> ProductImages => Set<VnTrace.Server.Products.ProductImage>();
    public DbSet<VnTrace.Server.Lots.Lot> Lots => Set<VnTrace.Server.Lots.Lot>();
    public DbSet<VnTrace.Server.Certificates.Certificate> Certificates => Set<VnTrace.Server.Certificates.Certificate>();
    public DbSet<VnTrace.Server.Certificates.CertificateProduct> CertificateProducts => Set<VnTrace.Server.Certificates.CertificateProduct>();
    public DbSet<VnTrace.Server.Certificates.CertificateLocation> CertificateLocations => Set<VnTrace.Server.Certificates.CertificateLocation>();
    public DbSet<VnTrace.Server.Identity.Staff.StaffInvitation> StaffInvitations => Set<VnTrace.Server.Identity.Staff.StaffInvitation>();
    public DbSet<Labels.LabelBatch> LabelBatches => Set<Labels.LabelBatch>();
    public DbSet<Labels.IssuedSerial> IssuedSerials => Set<Labels.IssuedSerial>();
    public DbSet<VnTrace.Server.Platform.Files.StoredFile> Files => Set<VnTrace.Server.Platform.Files.StoredFile>();
    public DbSet<VnTrace.Server.Platform.Audit.AuditEntry> AuditLog => Set<VnTrace.Server.Platform.Audit.AuditEntry>();
    public DbSet<Lookup.Publication.PublicationSettings> PublicationSettings => Set<Lookup.Publication.PublicationSettings>();
    public DbSet<Lookup.Scans.Scan> Scans => Set<Lookup.Scans.Scan>();
    public DbSet<Lookup.Reports.ProblemReport> ProblemReports => Set<Lookup.Reports.ProblemReport>();

    /// <summary>Set when a scope leases this pooled context (<see cref="TenantScopedContext"/>), cleared on return.</summary>
    internal ITenant? Tenant { get; set; }

    /// <summary>
    /// The organization the "Tenant" query filter admits. With no tenant it is Guid.Empty, which no row carries:
    /// a read without a tenant sees nothing unless it opts out with <see cref="TenantQueries.IgnoreTenantFilter"/>.
    /// Evaluated when each query runs, not when the model is built.
    /// </summary>
    public Guid TenantId => Tenant?.OrganizationId ?? Guid.Empty;

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(VnTraceDbContext).Assembly);
        if (TenantFiltered)
            ApplyTenantFilters(modelBuilder);
    }

    /// <summary>
    /// False only for the test suite's checking context, a subclass with a model of its own (EF caches one model per
    /// context type), which reads every organization's rows to verify what the server wrote.
    /// </summary>
    protected virtual bool TenantFiltered => true;

    /// <summary>
    /// One named filter per tenant-owned entity, so a forgotten Where cannot show one organization another's rows.
    /// TenantIsolationTests lists every entity with an organization column and fails for one that has neither this
    /// filter nor a stated reason to go without.
    /// </summary>
    private void ApplyTenantFilters(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Identity.ApiKey>().HasQueryFilter(TenantQueries.FilterName, k => k.OrganizationId == TenantId);
        modelBuilder.Entity<Identity.Staff.StaffInvitation>().HasQueryFilter(TenantQueries.FilterName, i => i.OrganizationId == TenantId);
        modelBuilder.Entity<Labels.LabelBatch>().HasQueryFilter(TenantQueries.FilterName, b => b.OrganizationId == TenantId);
        modelBuilder.Entity<Lookup.Publication.PublicationSettings>().HasQueryFilter(TenantQueries.FilterName, p => p.OrganizationId == TenantId);
        modelBuilder.Entity<Lookup.Reports.ProblemReport>().HasQueryFilter(TenantQueries.FilterName, r => r.OrganizationId == TenantId);
        modelBuilder.Entity<Lookup.Scans.Scan>().HasQueryFilter(TenantQueries.FilterName, s => s.OrganizationId == TenantId);
        modelBuilder.Entity<Capture.CaptureJob>().HasQueryFilter(TenantQueries.FilterName, j => j.OwnerId == TenantId);
        modelBuilder.Entity<VnTrace.Server.Platform.Files.StoredFile>().HasQueryFilter(TenantQueries.FilterName, f => f.OrganizationId == TenantId);
        modelBuilder.Entity<VnTrace.Server.Platform.Audit.AuditEntry>().HasQueryFilter(TenantQueries.FilterName, a => a.OrganizationId == TenantId);
        modelBuilder.Entity<VnTrace.Server.Certificates.Certificate>().HasQueryFilter(TenantQueries.FilterName, c => c.OrganizationId == TenantId);
        modelBuilder.Entity<VnTrace.Server.Products.Product>().HasQueryFilter(TenantQueries.FilterName, p => p.OrganizationId == TenantId);
        modelBuilder.Entity<VnTrace.Server.Locations.Location>().HasQueryFilter(TenantQueries.FilterName, l => l.OrganizationId == TenantId);
        modelBuilder.Entity<VnTrace.Server.Lots.Lot>().HasQueryFilter(TenantQueries.FilterName, l => l.OrganizationId == TenantId);
        modelBuilder.Entity<LocationHierarchy>().HasQueryFilter(TenantQueries.FilterName, h => h.OwnerId == TenantId);
    }

    public override void Dispose()
    {
        Tenant = null;
        base.Dispose();
    }

    public override ValueTask DisposeAsync()
    {
        Tenant = null;
        return base.DisposeAsync();
    }
}

/// <summary>Not sealed only for the test suite's unfiltered checking context (<see cref="TenantFiltered"/>).</summary>
public class SqliteVnTraceDbContext(DbContextOptions<SqliteVnTraceDbContext> options) : VnTraceDbContext(options)
{
    /// <summary>
    /// SQLite has no date type; EF's default text form cannot be compared in SQL for DateTimeOffset and is slow for
    /// ranges. UTC ticks as INTEGER keep order and make time-range filters index seeks.
    /// </summary>
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcTicksConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcTicksConverter>();
    }

    private sealed class UtcTicksConverter() : Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<DateTime, long>(
        v => v.ToUniversalTime().Ticks,
        v => new DateTime(v, DateTimeKind.Utc));
}

/// <summary>Not sealed only for the test suite's unfiltered checking context (<see cref="VnTraceDbContext.TenantFiltered"/>).</summary>
public class PostgresVnTraceDbContext(DbContextOptions<PostgresVnTraceDbContext> options) : VnTraceDbContext(options);
