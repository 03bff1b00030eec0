using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using VnTrace.Server.Data;
using VnTrace.Server.Identity;

namespace VnTrace.Server.Tests.Infrastructure;

/// <summary>
/// The real server in-process (WebApplicationFactory) on its own empty database — a fresh SQLite file or a fresh
/// PostgreSQL database — without the demo seed, so each test class owns its data.
/// </summary>
public sealed class VnTraceApp : WebApplicationFactory<Program>
{
    private readonly DatabaseProvider provider;
    private readonly string? connectionString;
    private readonly Dictionary<string, string?> settings;
    public string DataDir { get; }

    private VnTraceApp(DatabaseProvider provider, string? connectionString, Dictionary<string, string?>? settings)
    {
        this.provider = provider;
        this.connectionString = connectionString;
        this.settings = settings ?? [];
        DataDir = Path.Combine(Path.GetTempPath(), "vntrace-test-" + Guid.NewGuid().ToString("N")[..10]);
    }

    public static async Task<VnTraceApp> StartAsync(DatabaseProvider provider, PostgresServer? postgres,
        Dictionary<string, string?>? settings = null)
    {
        string? connection = null;
        if (provider == DatabaseProvider.Postgres)
        {
            if (postgres is null || postgres.Unavailable is not null)
                throw new InvalidOperationException(postgres?.Unavailable ?? "No PostgreSQL server for this test run.");
            connection = await postgres.CreateDatabaseAsync("vntrace_test");
        }
        var app = new VnTraceApp(provider, connection, settings);
        _ = app.Server; // start now, so migrations run before the first test
        return app;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("VnTrace:DataDir", DataDir);
        builder.UseSetting("VnTrace:Provider", provider.ToString());
        builder.UseSetting("VnTrace:SeedDemo", "false");
        if (connectionString is not null)
            builder.UseSetting("VnTrace:ConnectionString", connectionString);
        foreach (var (k, v) in settings)
            builder.UseSetting(k, v);
    }

    /// <summary>A new organization and an HTTP client that carries one of its API keys.</summary>
    public async Task<(Guid OrganizationId, HttpClient Client)> CreateOrganizationClientAsync(string name)
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<VnTraceDbContext>();
        var organization = new Organization { Name = name };
        db.Organizations.Add(organization);
        await db.SaveChangesAsync();
        var key = await scope.ServiceProvider.GetRequiredService<ApiKeyService>().CreateAsync(organization.Id, "test");
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return (organization.Id, client);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(DataDir, recursive: true); } catch (IOException) { }
    }
}
