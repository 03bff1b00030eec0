using Microsoft.EntityFrameworkCore;

namespace VnTrace.Server.Platform.Data;

/// <summary>
/// What the server last learnt about its database: from a request that failed to reach it (any request: the problem
/// mapping reports it), from /health/ready, and from a light probe in the background (one <c>SELECT 1</c> every
/// VnTrace:Health:ProbeSeconds, sooner while the database is down, so recovery shows without traffic). /health
/// reads this state instead of asking the database, so it stays as fast as it was; /health/ready asks.
/// </summary>
public sealed class DatabaseHealth(IServiceScopeFactory scopes, TimeProvider clock)
{
    /// <summary>What a 503 tells a client to wait before retrying, in seconds.</summary>
    public const int RetryAfterSeconds = 10;

    private volatile StateSnapshot state = new(true, null);

    public bool Available => state.Available;

    /// <summary>When the database was first seen unavailable in the current outage.</summary>
    public DateTimeOffset? UnavailableSince => state.Since;

    public void ReportUnavailable()
    {
        if (state.Available)
            state = new StateSnapshot(false, clock.GetUtcNow());
    }

    public void ReportAvailable()
    {
        if (!state.Available)
            state = new StateSnapshot(true, null);
    }

    /// <summary>Asks the database (SELECT 1) and records the answer.</summary>
    public async Task<bool> CheckAsync(CancellationToken ct)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<VnTraceDbContext>();
            await db.Database.ExecuteSqlRawAsync("SELECT 1", ct);
            ReportAvailable();
            return true;
        }
        catch (Exception e) when (IsUnavailable(e))
        {
            ReportUnavailable();
            return false;
        }
    }

    /// <summary>
    /// Whether a failure means the database cannot be reached or cannot serve right now (the client may retry), as
    /// opposed to a bug or bad data: connection refused, reset or timed out, server shutting down or out of
    /// connections (SQLSTATE class 08, 57P01–57P03, 53300), a SQLite file busy, locked, unreadable or unopenable.
    /// </summary>
    public static bool IsUnavailable(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case Npgsql.PostgresException pg:
                    return pg.SqlState.StartsWith("08", StringComparison.Ordinal) || pg.SqlState is "57P01" or "57P02" or "57P03" or "53300";
                case Npgsql.NpgsqlException npgsql when npgsql.IsTransient:
                    return true;
                case Microsoft.Data.Sqlite.SqliteException sqlite:
                    return sqlite.SqliteErrorCode is 5 or 6 or 10 or 14; // SQLITE_BUSY, _LOCKED, _IOERR, _CANTOPEN
                case System.Net.Sockets.SocketException:
                    return true;
            }
        }
        return false;
    }

    private sealed record StateSnapshot(bool Available, DateTimeOffset? Since);
}

/// <summary>Keeps <see cref="DatabaseHealth"/> current when no request touches the database.</summary>
internal sealed class DatabaseProbe(DatabaseHealth health, IConfiguration configuration) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromSeconds(Math.Max(1, configuration.GetValue("VnTrace:Health:ProbeSeconds", 30)));
        var whileDown = TimeSpan.FromSeconds(Math.Min(interval.TotalSeconds, DatabaseHealth.RetryAfterSeconds / 2.0));
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await Task.Delay(health.Available ? interval : whileDown, stoppingToken);
                await health.CheckAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}

/// <summary>
/// /health (the process answers; the text adds the database state last learnt, without asking it: the benchmarks'
/// HTTP floor), /health/live (the process answers, nothing more) and /health/ready (asks the database: 503 with
/// Retry-After while it cannot be reached, so a load balancer sends no traffic).
/// </summary>
public static class HealthApi
{
    public static WebApplicationBuilder AddHealth(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<DatabaseHealth>();
        builder.Services.AddHostedService<DatabaseProbe>();
        return builder;
    }

    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health", Health).ExcludeFromDescription();
        app.MapGet("/health/live", () => TypedResults.Text("ok")).ExcludeFromDescription();
        app.MapGet("/health/ready", Ready).ExcludeFromDescription();
        return app;
    }

    private static IResult Health(DatabaseHealth database) =>
        TypedResults.Text(database.Available ? "ok" : "ok; database unavailable");

    private static async Task<IResult> Ready(DatabaseHealth database, HttpContext http, CancellationToken ct)
    {
        if (await database.CheckAsync(ct))
            return TypedResults.Text("ready");
        http.Response.Headers.RetryAfter = DatabaseHealth.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return TypedResults.Text("database unavailable", statusCode: StatusCodes.Status503ServiceUnavailable);
    }
}
