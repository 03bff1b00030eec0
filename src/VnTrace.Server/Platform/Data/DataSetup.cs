using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace VnTrace.Server.Platform.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>Where the server keeps its data. Bound from the "VnTrace" configuration section (env VnTrace__…).</summary>
public sealed class DataOptions
{
    /// <summary>Folder for the SQLite file and other local state; VnTrace__DataDir, default ./data.</summary>
    public string DataDir { get; set; } = "data";
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;
    /// <summary>PostgreSQL connection string when <see cref="Provider"/> is Postgres (ConnectionStrings:Postgres also works).</summary>
    public string? ConnectionString { get; set; }

    public string DataDirFullPath => Path.GetFullPath(DataDir);
    public string SqliteConnectionString => $"Data Source={Path.Combine(DataDirFullPath, "vntrace.db")};Cache=Shared;Pooling=True";
}

public static class DataSetup
{
    public static WebApplicationBuilder AddData(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection("VnTrace").Get<DataOptions>() ?? new DataOptions();
        options.ConnectionString ??= builder.Configuration.GetConnectionString("Postgres");
        builder.Services.AddSingleton(options);
        builder.Services.AddScoped<Audit.AuditTrail>();
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddScoped<ITenant, RequestTenant>();
        Directory.CreateDirectory(options.DataDirFullPath);
        // Keys for cookies and anti-forgery tokens live beside the data, so a restart keeps sessions valid.
        builder.Services.AddDataProtection()
            .SetApplicationName("VnTrace")
            .PersistKeysToFileSystem(Files.SecretFile.OwnerOnlyDirectory(Path.Combine(options.DataDirFullPath, "keys")));

        if (options.Provider == DatabaseProvider.Postgres)
        {
            if (string.IsNullOrWhiteSpace(options.ConnectionString))
                throw new InvalidOperationException("VnTrace:Provider is Postgres but no connection string is set (VnTrace__ConnectionString or ConnectionStrings__Postgres).");
            builder.Services.AddPooledDbContextFactory<PostgresVnTraceDbContext>(o => ConfigurePostgres(o, options.ConnectionString));
            builder.Services.AddScoped(TenantScopedContext.Lease<PostgresVnTraceDbContext>);
            builder.Services.AddSingleton<IEventWriter, PostgresCopyEventWriter>();
        }
        else
        {
            builder.Services.AddPooledDbContextFactory<SqliteVnTraceDbContext>(o => ConfigureSqlite(o, options.SqliteConnectionString));
            builder.Services.AddScoped(TenantScopedContext.Lease<SqliteVnTraceDbContext>);
            builder.Services.AddSingleton<IEventWriter, EfEventWriter>();
        }
        return builder;
    }

    internal static void ConfigureSqlite(DbContextOptionsBuilder o, string connectionString) =>
        o.UseSqlite(connectionString, s => s.MigrationsAssembly(typeof(DataSetup).Assembly.FullName))
         .UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking);

    internal static void ConfigurePostgres(DbContextOptionsBuilder o, string connectionString) =>
        o.UseNpgsql(connectionString)
         .UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking);

    /// <summary>Brings the schema up to date; SQLite also gets WAL so readers never wait for the writer.</summary>
    public static async Task MigrateDatabaseAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<VnTraceDbContext>();
        await db.Database.MigrateAsync();
        if (db.Database.IsSqlite())
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;");
    }
}

/// <summary>Design-time factories for `dotnet ef migrations add` (one per provider).</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteVnTraceDbContext>
{
    public SqliteVnTraceDbContext CreateDbContext(string[] args)
    {
        var b = new DbContextOptionsBuilder<SqliteVnTraceDbContext>();
        DataSetup.ConfigureSqlite(b, "Data Source=design.db");
        return new SqliteVnTraceDbContext(b.Options);
    }
}

internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresVnTraceDbContext>
{
    public PostgresVnTraceDbContext CreateDbContext(string[] args)
    {
        var b = new DbContextOptionsBuilder<PostgresVnTraceDbContext>();
        DataSetup.ConfigurePostgres(b, "Host=localhost;Database=vntrace_design");
        return new PostgresVnTraceDbContext(b.Options);
    }
}
