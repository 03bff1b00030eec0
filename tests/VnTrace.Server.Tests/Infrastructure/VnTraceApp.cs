using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using VnTrace.Server.Organizations;
using VnTrace.Server.Platform.Data;
using VnTrace.Server.Identity;

namespace VnTrace.Server.Tests.Infrastructure;

/// <summary>
/// The real server in-process (WebApplicationFactory) on its own empty database — a fresh SQLite file or a fresh
/// PostgreSQL database — without the demo seed, so each test class owns its data. By default requests go through the
/// in-memory TestServer; with <c>kestrel: true</c> the server listens on a real loopback port instead, for a browser.
/// </summary>
public sealed class VnTraceApp : WebApplicationFactory<Program>
{
    private readonly DatabaseProvider provider;
    private readonly string? connectionString;
    private readonly Dictionary<string, string?> settings;
    public string DataDir { get; }

    /// <summary>The server's <see cref="TimeProvider"/>: the system clock until a test advances it.</summary>
    public TestClock Clock { get; } = new();

    /// <summary>Where a browser reaches the server (http://127.0.0.1:port/), when it was started with Kestrel.</summary>
    public Uri? ServerAddress { get; private set; }

    /// <summary><see cref="ServerAddress"/>, or a clear failure for a test that forgot to ask for Kestrel.</summary>
    public Uri RequiredServerAddress => ServerAddress
        ?? throw new InvalidOperationException("This server runs on the in-memory TestServer; start it with kestrel: true (a *KestrelAppFixture) to reach it from a browser.");

    private VnTraceApp(DatabaseProvider provider, string? connectionString, Dictionary<string, string?>? settings)
    {
        this.provider = provider;
        this.connectionString = connectionString;
        this.settings = settings ?? [];
        DataDir = Path.Combine(Path.GetTempPath(), "vntrace-test-" + Guid.NewGuid().ToString("N")[..10]);
    }

    /// <param name="kestrel">Listen on a free port of 127.0.0.1 (for Playwright) instead of the in-memory TestServer.</param>
    public static async Task<VnTraceApp> StartAsync(DatabaseProvider provider, PostgresServer? postgres,
        Dictionary<string, string?>? settings = null, bool kestrel = false)
    {
        string? connection = null;
        if (provider == DatabaseProvider.Postgres)
        {
            if (postgres is null || postgres.Unavailable is not null)
                throw new InvalidOperationException(postgres?.Unavailable ?? "No PostgreSQL server for this test run.");
            connection = await postgres.CreateDatabaseAsync("vntrace_test");
        }
        var app = new VnTraceApp(provider, connection, settings);
        if (kestrel)
            app.UseKestrel(options => options.Listen(IPAddress.Loopback, 0)); // port 0: the OS picks a free one
        app.StartServer(); // start now, so migrations run before the first test
        if (kestrel)
        {
            var addresses = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses;
            app.ServerAddress = new Uri(addresses.Single());
        }
        return app;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("VnTrace:DataDir", DataDir);
        builder.UseSetting("VnTrace:Provider", provider.ToString());
        // No demo unless the test asks; a setting given as null is left unset, for the server's own default.
        if (!settings.ContainsKey("VnTrace:SeedDemo"))
            builder.UseSetting("VnTrace:SeedDemo", "false");
        // Many tests sign in from the one test address; the limit tests set their own.
        if (!settings.ContainsKey("VnTrace:SignIn:PostsPerMinutePerAddress"))
            builder.UseSetting("VnTrace:SignIn:PostsPerMinutePerAddress", "100000");
        builder.ConfigureServices(s => s.AddTransient<IStartupFilter, TestRemoteAddress>());
        if (connectionString is not null)
            builder.UseSetting("VnTrace:ConnectionString", connectionString);
        foreach (var (k, v) in settings)
            if (v is not null)
                builder.UseSetting(k, v);
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            services.AddCheckingContexts(provider);
        });
    }

    private CheckingServices? checking;

    /// <summary>
    /// The server's services, except that a scope opened here reads every organization's rows (<see cref="CheckingServices"/>):
    /// tests seed and check across organizations.
    /// </summary>
    public override IServiceProvider Services => checking ??= new CheckingServices(base.Services);

    /// <summary>The server's services as its requests see them: scopes keep the tenant filter.</summary>
    public IServiceProvider ServerServices => base.Services;

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

    /// <summary>The password every test user gets (meets the password rules).</summary>
    public const string TestPassword = "test-password-2026";

    /// <summary>
    /// A new business (approved unless said otherwise) with one user in <paramref name="role"/>; the user name is
    /// unique per call. Use <see cref="SignInAsync"/> to get a signed-in page client.
    /// </summary>
    public async Task<TestUser> CreateBusinessUserAsync(string organizationName, string role = Roles.BusinessOwner,
        OrganizationStatus status = OrganizationStatus.Approved, string? gln = null)
    {
        var organization = new Organization { Name = organizationName, Status = status, Gln = gln };
        await this.WithDbAsync(db =>
        {
            db.Organizations.Add(organization);
            return db.SaveChangesAsync();
        });
        return await CreateUserAsync(organization.Id, role);
    }

    /// <summary>A user of an existing organization (or of none, for a system administrator).</summary>
    public async Task<TestUser> CreateUserAsync(Guid? organizationId, string role)
    {
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<AppUser>>();
        var userName = role.ToLowerInvariant() + "-" + Guid.NewGuid().ToString("N")[..10];
        var user = new AppUser { UserName = userName, FullName = "Test " + role, OrganizationId = organizationId };
        var created = await users.CreateAsync(user, TestPassword);
        if (!created.Succeeded)
            throw new InvalidOperationException(string.Join("; ", created.Errors.Select(e => e.Description)));
        await users.AddToRoleAsync(user, role);
        return new TestUser(user.Id, organizationId, userName);
    }

    /// <summary>An authority officer (or inspector) of a fresh authority organization.</summary>
    public async Task<TestUser> CreateAuthorityUserAsync(string role = Roles.Authority)
    {
        var authority = new Organization { Name = "Sở KH&CN (test)", Kind = OrganizationKind.Authority };
        await this.WithDbAsync(db =>
        {
            db.Organizations.Add(authority);
            return db.SaveChangesAsync();
        });
        return await CreateUserAsync(authority.Id, role);
    }

    /// <summary>A page client signed in as <paramref name="user"/> through the real sign-in form.</summary>
    public async Task<PageClient> SignInAsync(TestUser user)
    {
        var pages = new PageClient(this);
        var response = await pages.SubmitFormAsync("/account/sign-in", new Dictionary<string, string>
        {
            ["Form.UserName"] = user.UserName,
            ["Form.Password"] = TestPassword,
        });
        if (response.StatusCode != System.Net.HttpStatusCode.Redirect)
            throw new InvalidOperationException($"Sign-in of {user.UserName} failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return pages;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(DataDir, recursive: true); } catch (IOException) { }
    }
}

/// <summary>A user the test created; its password is <see cref="VnTraceApp.TestPassword"/>.</summary>
public sealed record TestUser(Guid Id, Guid? OrganizationId, string UserName);

/// <summary>
/// Tests only: a request with <see cref="Header"/> comes from that address, so tests can play clients on different
/// addresses through the one in-memory server. Runs before the server's own middleware.
/// </summary>
public sealed class TestRemoteAddress : IStartupFilter
{
    public const string Header = "X-Test-Remote-Address";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((http, nextMiddleware) =>
        {
            if (IPAddress.TryParse(http.Request.Headers[Header].ToString(), out var address))
                http.Connection.RemoteIpAddress = address;
            return nextMiddleware(http);
        });
        next(app);
    };
}
