using Microsoft.Extensions.Options;

namespace VnTrace.Server.Platform.Web;

/// <summary>
/// Headers every response carries — pages, API answers, static files, problems and redirects alike: a strict
/// Content-Security-Policy, no MIME sniffing, a referrer cut to the origin across sites, no framing by other sites,
/// and HSTS when the request came over https (directly or, with VnTrace:TrustForwardedHeaders, through a proxy).
/// </summary>
/// <remarks>
/// The policy allows scripts and styles from this server only: no inline script, no inline event handler, no
/// <c>style=</c> attribute or <c>&lt;style&gt;</c> element in the pages (their styles live in wwwroot/css, their
/// behaviour in wwwroot/js). Scripts may still set styles through the DOM (Leaflet and Bootstrap position things that
/// way), which <c>style-src</c> does not govern. Images may also come from the map's tile server (VnTrace:Map:TileUrl)
/// and from <c>data:</c> URIs (Bootstrap's form controls draw their arrows and ticks with them). The API reference at
/// /scalar is Scalar's own page, which configures itself with an inline script: it alone gets
/// <c>'unsafe-inline'</c>, and it shows no data of ours.
/// </remarks>
public static class SecurityHeaders
{
    public const string ApiReferencePath = "/scalar";

    /// <summary>One year, as HSTS preload lists expect.</summary>
    private const string Hsts = "max-age=31536000; includeSubDomains";

    public static WebApplication UseSecurityHeaders(this WebApplication app)
    {
        var map = app.Services.GetRequiredService<IOptions<MapOptions>>().Value;
        var policy = Policy(TileSource(map.TileUrl));
        var apiReferencePolicy = "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; font-src 'self' data:; object-src 'none'; frame-ancestors 'self'; base-uri 'self'";
        app.Use((context, next) =>
        {
            context.Response.OnStarting(static state =>
            {
                var (http, page, reference) = ((HttpContext, string, string))state;
                var headers = http.Response.Headers;
                headers.ContentSecurityPolicy = http.Request.Path.StartsWithSegments(ApiReferencePath) ? reference : page;
                headers.XContentTypeOptions = "nosniff";
                headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
                // frame-ancestors for browsers that know CSP 2, X-Frame-Options for the rest (the antiforgery
                // component sets the same value on the responses that carry its cookie).
                headers.XFrameOptions = "SAMEORIGIN";
                if (http.Request.IsHttps)
                    headers.StrictTransportSecurity = Hsts;
                return Task.CompletedTask;
            }, (context, policy, apiReferencePolicy));
            return next(context);
        });
        return app;
    }

    /// <summary>The Content-Security-Policy of every page, with the tile server (if any) as an image source.</summary>
    public static string Policy(string? tileSource) =>
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:" + (tileSource is null ? "" : " " + tileSource)
        + "; object-src 'none'; frame-ancestors 'self'; base-uri 'self'; form-action 'self'";

    /// <summary>
    /// The CSP source of a Leaflet tile URL template: its scheme and host, a {s} subdomain becoming a wildcard
    /// (https://{s}.tile.example.org/{z}/{x}/{y}.png → https://*.tile.example.org); null for no tiles or a
    /// template on this server.
    /// </summary>
    public static string? TileSource(string? tileUrl)
    {
        if (string.IsNullOrWhiteSpace(tileUrl) || tileUrl.StartsWith('/'))
            return null;
        var template = tileUrl.Replace("{s}", "subdomain", StringComparison.Ordinal);
        if (!Uri.TryCreate(template, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http"))
            return null;
        var host = uri.Host.StartsWith("subdomain.", StringComparison.Ordinal) ? "*" + uri.Host["subdomain".Length..] : uri.Host;
        return $"{uri.Scheme}://{host}" + (uri.IsDefaultPort ? "" : ":" + uri.Port);
    }
}
