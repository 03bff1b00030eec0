using System.Security.Cryptography;
using System.Text;
using System.Threading.RateLimiting;
using VnTrace.Gs1.Identifiers;
using VnTrace.Server.Resolver;

namespace VnTrace.Server.Lookup.Scans;

/// <summary>Marks the endpoint whose HTML views are counted as scans (the consumer page).</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class CountsScansAttribute : Attribute;

/// <summary>
/// Counts every view of a consumer page as a scan, including views the output cache answers (so it runs before the
/// cache): the scan goes to the <see cref="ScanRecorder"/> queue and the request goes on at once. A client address
/// gets <see cref="LookupOptions.ScansPerMinutePerAddress"/> counted scans a minute; beyond that its views are
/// served but not counted, so a flood can neither fake popularity nor fill the table (and, counted once per address
/// by the verdict, cannot fake a copied label). Robots are not counted.
/// </summary>
public sealed class ScanCounting(RequestDelegate next, ScanRecorder recorder, ScanAddresses addresses, LookupOptions options, TimeProvider clock)
{
    private const string TimeKey = "VnTrace.ScanTime";
    private const string AddressKey = "VnTrace.ScanAddress";

    private readonly PartitionedRateLimiter<string> perAddress = PartitionedRateLimiter.Create<string, string>(address =>
        RateLimitPartition.GetFixedWindowLimiter(address, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = Math.Max(1, options.ScansPerMinutePerAddress),
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        }));

    public Task InvokeAsync(HttpContext http)
    {
        if (HttpMethods.IsGet(http.Request.Method) && http.GetEndpoint()?.Metadata.GetMetadata<CountsScansAttribute>() is not null)
            Count(http);
        return next(http);
    }

    private void Count(HttpContext http)
    {
        var request = ResolverRequest.Of(http);
        if (request.Answer != ResolverAnswer.Page || request.Link is not { } link)
            return;
        var userAgent = http.Request.Headers.UserAgent.ToString();
        if (IsRobot(userAgent))
            return;
        var at = clock.GetUtcNow().UtcDateTime;
        http.Items[TimeKey] = at;
        var address = addresses.HashOf(http.Connection.RemoteIpAddress, at);
        http.Items[AddressKey] = address;
        using var lease = perAddress.AttemptAcquire(ScanAddresses.NetworkKey(http.Connection.RemoteIpAddress));
        if (lease.IsAcquired)
            recorder.TryRecord(ScanOf(link, at, userAgent, address));
    }

    /// <summary>When this request's scan happened (the verdict counts the scans before it).</summary>
    public static DateTime TimeOf(HttpContext http) =>
        http.Items.TryGetValue(TimeKey, out var value) && value is DateTime at ? at : http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;

    /// <summary>This request's <see cref="Scan.AddressHash"/>, the same as its scan's (null when the address is unknown).</summary>
    public static string? AddressHashOf(HttpContext http) =>
        http.Items.TryGetValue(AddressKey, out var value) ? value as string
        : http.RequestServices.GetRequiredService<ScanAddresses>().HashOf(http.Connection.RemoteIpAddress, TimeOf(http));

    public static string UserAgentHash(string userAgent) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(userAgent)), 0, 8);

    internal static Scan ScanOf(DigitalLink link, DateTime at, string userAgent, string? addressHash)
    {
        string? Q(string ai) => link.Qualifiers.FirstOrDefault(q => q.Ai == ai) is { Ai: not null } q ? q.Value : null;
        var gtin = link.PrimaryKey.Ai == "01" ? link.PrimaryKey.Value : null;
        return new Scan
        {
            ScannedAt = at,
            Identifier = link.ToCanonicalUri(),
            Gtin = gtin,
            LotNumber = gtin is null ? null : Q("10"),
            Serial = gtin is null ? null : Q("21"),
            UserAgentHash = UserAgentHash(userAgent),
            AddressHash = addressHash,
        };
    }

    /// <summary>Crawlers and link previews (chat apps fetch a shared link to draw its card) are not people scanning.</summary>
    private static bool IsRobot(string userAgent) =>
        userAgent.Contains("bot", StringComparison.OrdinalIgnoreCase) || userAgent.Contains("spider", StringComparison.OrdinalIgnoreCase)
        || userAgent.Contains("crawl", StringComparison.OrdinalIgnoreCase) || userAgent.Contains("facebookexternalhit", StringComparison.OrdinalIgnoreCase)
        || userAgent.Contains("preview", StringComparison.OrdinalIgnoreCase);
}
