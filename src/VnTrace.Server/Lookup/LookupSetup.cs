using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using VnTrace.Gs1.Identifiers;
using VnTrace.Server.Platform.Data;
using VnTrace.Server.Platform.Events;
using VnTrace.Server.Lookup.Scans;

namespace VnTrace.Server.Lookup;

/// <summary>
/// The consumer lookup: the page behind every Digital Link (<see cref="ConsumerPageModel"/>), its output cache and
/// eviction, scan counting with its background writer, rate limits, and the small API the page's script posts to.
/// </summary>
public static class LookupSetup
{
    /// <summary>Work that reaches the database (cache misses, per-unit pages), per client address.</summary>
    public const string UncachedPolicy = "lookup-uncached";
    /// <summary>Problem reports sent, per client address (showing the form is not limited).</summary>
    public const string ReportPolicy = "lookup-report";
    public const string ScanLocationPolicy = "lookup-scan-location";

    public static WebApplicationBuilder AddLookup(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection("VnTrace:Lookup").Get<LookupOptions>() ?? new LookupOptions();
        options.Map = builder.Configuration.GetSection("VnTrace:Map").Get<MapOptions>() ?? options.Map;
        var services = builder.Services;
        services.AddSingleton(options);
        services.AddScoped<ConsumerLookup>();
        services.AddScoped<Authenticity>();
        services.AddScoped<ScanStatistics>();
        services.AddSingleton<ScanRecorder>();
        services.AddSingleton<ScanAddresses>();
        services.AddHostedService<ScanWriter>();
        services.AddSingleton<ConsumerViewCache>();
        services.AddSingleton<LookupCacheEviction>();
        services.AddSingleton<IIdentifierChangeObserver>(sp => sp.GetRequiredService<LookupCacheEviction>());
        services.AddSingleton<IOrganizationChangeObserver>(sp => sp.GetRequiredService<LookupCacheEviction>());
        services.AddOutputCache(o => o.AddPolicy(LookupCachePolicy.Name, b => b.AddPolicy<LookupCachePolicy>()));
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = OnRejectedAsync;
            // A partition is found by its key alone (the factory only makes a new one), so unlimited ones get keys
            // no client address can have.
            o.AddPolicy(UncachedPolicy, http => options.UncachedRequestsPerMinutePerAddress <= 0
                ? RateLimitPartition.GetNoLimiter("unlimited")
                : PerAddress(http, options.UncachedRequestsPerMinutePerAddress, TimeSpan.FromMinutes(1)));
            o.AddPolicy(ReportPolicy, http => HttpMethods.IsPost(http.Request.Method)
                ? PerAddress(http, options.ReportsPerHourPerAddress, TimeSpan.FromHours(1))
                : RateLimitPartition.GetNoLimiter("showing the form"));
            o.AddPolicy(ScanLocationPolicy, http => PerAddress(http, Math.Max(1, options.ScansPerMinutePerAddress), TimeSpan.FromMinutes(1)));
        });
        // A compressed Digital Link (one base64url segment) reaches the page too, to be refused clearly.
        services.Configure<RazorPagesOptions>(o => o.Conventions.AddPageRoute("/Lookup/ConsumerPage", "{compressed:" + Resolver.CompressedDigitalLinkRouteConstraint.Name + "}"));
        return builder;
    }

    /// <summary>
    /// Scan counting first, so views the cache answers are counted too; then the output cache; then the rate limiter,
    /// which therefore limits only the requests the cache could not answer.
    /// </summary>
    public static WebApplication UseLookup(this WebApplication app)
    {
        app.UseMiddleware<ScanCounting>();
        app.UseOutputCache();
        app.UseRateLimiter();
        return app;
    }

    public static WebApplication MapLookupApi(this WebApplication app)
    {
        app.MapPost("/lookup/scan-location", RecordLocationAsync).RequireRateLimiting(ScanLocationPolicy).ExcludeFromDescription();
        return app;
    }

    private static RateLimitPartition<string> PerAddress(HttpContext http, int permits, TimeSpan window) =>
        RateLimitPartition.GetFixedWindowLimiter("address:" + http.Connection.RemoteIpAddress, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = Math.Max(1, permits),
            Window = window,
            QueueLimit = 0,
        });

    private static async ValueTask OnRejectedAsync(OnRejectedContext context, CancellationToken ct)
    {
        var response = context.HttpContext.Response;
        if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
            response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var l = context.HttpContext.RequestServices.GetRequiredService<IStringLocalizer<LookupText>>();
        response.ContentType = "text/html; charset=utf-8";
        var text = System.Text.Encodings.Web.HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All).Encode(l["TooManyRequests"]);
        await response.WriteAsync($"<!doctype html><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>429</title><p>{text}</p>", ct);
    }

    /// <summary>A position the page's script sends once the browser's permission gave one.</summary>
    public sealed record ScanLocation(string Path, double Latitude, double Longitude);

    /// <summary>
    /// Adds a rounded position (0.01° ≈ 1.1 km) to this browser's scan of the code in the last ten minutes, if it has
    /// none yet: same User-Agent, same address. It never creates a scan, so it cannot be used to invent scans elsewhere.
    /// </summary>
    internal static async Task<Results<NoContent, BadRequest>> RecordLocationAsync(ScanLocation body, HttpContext http, VnTraceDbContext db, ScanRecorder recorder,
        ScanAddresses addresses, TimeProvider clock, CancellationToken ct)
    {
        if (body.Path is not { Length: > 1 and <= 1024 } || body.Path[0] != '/' || !double.IsFinite(body.Latitude) || !double.IsFinite(body.Longitude)
            || Math.Abs(body.Latitude) > 90 || Math.Abs(body.Longitude) > 180 || !DigitalLink.TryParse("https://resolver" + body.Path, out var link, out _)
            || link.Base != "https://resolver")
            return TypedResults.BadRequest();
        var identifier = link.ToCanonicalUri();
        var agent = ScanCounting.UserAgentHash(http.Request.Headers.UserAgent.ToString());
        var now = clock.GetUtcNow().UtcDateTime;
        var address = addresses.HashOf(http.Connection.RemoteIpAddress, now);
        var since = now.AddMinutes(-10);
        // The page's own scan may still be in the writer's queue when a quick permission posts this.
        try
        {
            await recorder.DrainAsync(TimeSpan.FromSeconds(2), ct);
        }
        catch (TimeoutException)
        {
        }
        var id = await db.Scans.IgnoreTenantFilter("an anonymous consumer adds the place to the scan just recorded")
            .Where(s => s.Identifier == identifier && s.UserAgentHash == agent && s.AddressHash == address && s.ScannedAt >= since && s.Latitude == null)
            .OrderByDescending(s => s.ScannedAt).Select(s => (long?)s.Id).FirstOrDefaultAsync(ct);
        if (id is { } scanId)
        {
            var latitude = Math.Round(body.Latitude, 2);
            var longitude = Math.Round(body.Longitude, 2);
            await db.Scans.IgnoreTenantFilter("the scan found just above").Where(s => s.Id == scanId).ExecuteUpdateAsync(u => u.SetProperty(s => s.Latitude, latitude).SetProperty(s => s.Longitude, longitude), ct);
        }
        return TypedResults.NoContent();
    }
}
