using VnTrace.Server.Platform.Data;

namespace VnTrace.Server.Tests.Infrastructure;

/// <summary>One server per test class and provider; tests isolate their data by creating their own organizations.</summary>
public abstract class AppFixture(PostgresServer postgres, DatabaseProvider provider, bool kestrel = false) : IAsyncLifetime
{
    public VnTraceApp App { get; private set; } = null!;
    public DatabaseProvider Provider => provider;

    /// <summary>Small limits so the limit tests need no huge bodies.</summary>
    public static readonly Dictionary<string, string?> TestSettings = new()
    {
        ["VnTrace:Capture:MaxBodyBytes"] = (2 * 1024 * 1024).ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["VnTrace:Capture:MaxEvents"] = "2000",
    };

    public async ValueTask InitializeAsync() => App = await VnTraceApp.StartAsync(provider, postgres, TestSettings, kestrel);

    public async ValueTask DisposeAsync()
    {
        if (App is not null)
            await App.DisposeAsync();
    }
}

public sealed class SqliteAppFixture(PostgresServer postgres) : AppFixture(postgres, DatabaseProvider.Sqlite);

public sealed class PostgresAppFixture(PostgresServer postgres) : AppFixture(postgres, DatabaseProvider.Postgres);

/// <summary>The server on a real loopback port (<see cref="VnTraceApp.ServerAddress"/>), for browser tests.</summary>
public sealed class SqliteKestrelAppFixture(PostgresServer postgres) : AppFixture(postgres, DatabaseProvider.Sqlite, kestrel: true);

/// <summary>The server on a real loopback port (<see cref="VnTraceApp.ServerAddress"/>), for browser tests.</summary>
public sealed class PostgresKestrelAppFixture(PostgresServer postgres) : AppFixture(postgres, DatabaseProvider.Postgres, kestrel: true);
