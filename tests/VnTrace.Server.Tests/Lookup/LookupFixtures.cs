using VnTrace.Server.Platform.Data;
using VnTrace.Server.Tests.Infrastructure;

namespace VnTrace.Server.Tests.Lookup;

/// <summary>
/// A server for the lookup and resolver tests. The in-memory TestServer gives every request the same (unknown) client
/// address, so per-address limits would make one test's requests count against another's: these fixtures lift them,
/// and <see cref="LookupLimitsFixture"/> sets small ones for the tests of the limits themselves.
/// </summary>
public abstract class LookupAppFixture(PostgresServer postgres, DatabaseProvider provider, Dictionary<string, string?> settings) : IAsyncLifetime
{
    public VnTraceApp App { get; private set; } = null!;
    public DatabaseProvider Provider => provider;

    public static Dictionary<string, string?> Unlimited => new(AppFixture.TestSettings)
    {
        ["VnTrace:Lookup:UncachedRequestsPerMinutePerAddress"] = "0",
        ["VnTrace:Lookup:ScansPerMinutePerAddress"] = "1000000",
        ["VnTrace:Lookup:ReportsPerHourPerAddress"] = "1000000",
    };

    public async ValueTask InitializeAsync() => App = await VnTraceApp.StartAsync(provider, postgres, settings);

    public async ValueTask DisposeAsync()
    {
        if (App is not null)
            await App.DisposeAsync();
    }
}

public sealed class SqliteLookupFixture(PostgresServer postgres) : LookupAppFixture(postgres, DatabaseProvider.Sqlite, Unlimited);

public sealed class PostgresLookupFixture(PostgresServer postgres) : LookupAppFixture(postgres, DatabaseProvider.Postgres, Unlimited);

/// <summary>Small limits: 20 uncached requests and 5 counted scans a minute, 2 reports an hour, for one client address.</summary>
public abstract class LookupLimitsFixture(PostgresServer postgres, DatabaseProvider provider) : LookupAppFixture(postgres, provider, new(AppFixture.TestSettings)
{
    ["VnTrace:Lookup:UncachedRequestsPerMinutePerAddress"] = "20",
    ["VnTrace:Lookup:ScansPerMinutePerAddress"] = "5",
    ["VnTrace:Lookup:ReportsPerHourPerAddress"] = "2",
    ["VnTrace:Lookup:ReportMinimumFillSeconds"] = "0",
});

public sealed class SqliteLookupLimitsFixture(PostgresServer postgres) : LookupLimitsFixture(postgres, DatabaseProvider.Sqlite);

public sealed class PostgresLookupLimitsFixture(PostgresServer postgres) : LookupLimitsFixture(postgres, DatabaseProvider.Postgres);
