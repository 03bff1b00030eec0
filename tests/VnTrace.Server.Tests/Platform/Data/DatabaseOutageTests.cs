using System.Net;
using Npgsql;
using VnTrace.Gs1.Epcis;
using VnTrace.Server.Platform.Data;
using VnTrace.Server.Tests.Infrastructure;
using static VnTrace.Server.Tests.Infrastructure.EpcisHttp;

namespace VnTrace.Server.Tests.Platform.Data;

/// <summary>
/// The database goes away under a running server (PostgreSQL behind a relay the test cuts): capture answers 503 with
/// Retry-After instead of 500, /health/ready says the database is unavailable, /health (the process) still answers
/// and reports it, /health/live is unchanged; when the database is back, capture works again.
/// </summary>
public sealed class DatabaseOutageTests(PostgresServer postgres)
{
    [Fact]
    public async Task While_the_database_is_down_capture_answers_503_with_retry_after_and_health_says_so()
    {
        var database = new NpgsqlConnectionStringBuilder(await postgres.CreateDatabaseAsync("vntrace_outage")).Database!;
        await using var relay = new TcpRelay(postgres.Port);
        var throughRelay = new NpgsqlConnectionStringBuilder(postgres.ConnectionString(database)) { Port = relay.Port, Timeout = 3 }.ConnectionString;
        await using var app = await VnTraceApp.StartAsync(DatabaseProvider.Postgres, postgres, new() { ["VnTrace:ConnectionString"] = throughRelay });
        var (_, client) = await app.CreateOrganizationClientAsync("HTX Mất điện");
        using var before = await client.PostJsonLd("/capture", Document(ObjectEvent(epc: "urn:epc:id:sgtin:8936012.000010.5001")));
        Assert.Equal(HttpStatusCode.Accepted, before.StatusCode);

        relay.Stop();

        using var capture = await client.PostJsonLd("/capture", Document(ObjectEvent(epc: "urn:epc:id:sgtin:8936012.000010.5002")));
        var problem = await capture.AssertProblem(503, EpcisExceptionType.Implementation);
        Assert.Contains("database", problem["detail"]!.GetValue<string>());
        Assert.Equal(TimeSpan.FromSeconds(DatabaseHealth.RetryAfterSeconds), capture.Headers.RetryAfter?.Delta);

        using var anonymous = app.CreateClient();
        using var ready = await anonymous.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.NotNull(ready.Headers.RetryAfter);
        Assert.Equal("ok; database unavailable", await anonymous.GetStringAsync("/health"));
        Assert.Equal("ok", await anonymous.GetStringAsync("/health/live"));
    }

    [Fact]
    public async Task When_the_database_is_back_capture_and_health_recover()
    {
        var database = new NpgsqlConnectionStringBuilder(await postgres.CreateDatabaseAsync("vntrace_outage")).Database!;
        var relay = new TcpRelay(postgres.Port);
        var port = relay.Port;
        var throughRelay = new NpgsqlConnectionStringBuilder(postgres.ConnectionString(database)) { Port = port, Timeout = 3 }.ConnectionString;
        await using var app = await VnTraceApp.StartAsync(DatabaseProvider.Postgres, postgres, new() { ["VnTrace:ConnectionString"] = throughRelay });
        var (_, client) = await app.CreateOrganizationClientAsync("HTX Có điện lại");
        await relay.DisposeAsync();
        using (var down = await client.PostJsonLd("/capture", Document(ObjectEvent(epc: "urn:epc:id:sgtin:8936012.000010.6001"))))
            Assert.Equal(HttpStatusCode.ServiceUnavailable, down.StatusCode);

        await using var back = TcpRelay.OnPort(port, postgres.Port);
        NpgsqlConnection.ClearAllPools();

        using var ready = await app.CreateClient().GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("ok", await app.CreateClient().GetStringAsync("/health"));
        using var capture = await client.PostJsonLd("/capture", Document(ObjectEvent(epc: "urn:epc:id:sgtin:8936012.000010.6001")));
        Assert.Equal(HttpStatusCode.Accepted, capture.StatusCode);
    }
}
