using System.Net;
using VnTrace.Server.Platform.Web;
using VnTrace.Server.Tests.Infrastructure;

namespace VnTrace.Server.Tests.Platform.Web;

/// <summary>
/// Every kind of response carries the security headers (issue 12): pages, the API, static files, problems,
/// redirects; the Content-Security-Policy names the configured tile server; HSTS only over https.
/// </summary>
public sealed class SecurityHeadersTests(SqliteAppFixture fixture) : IClassFixture<SqliteAppFixture>
{
    private VnTraceApp App => fixture.App;

    private static readonly string[] Paths =
    [
        "/",                            // a page
        "/account/sign-in",             // a page with a form (and the antiforgery cookie)
        "/events",                      // the API, refused without a key: a problem
        "/no-such-thing",               // not found: a problem
        "/css/site.css",                // a static file
        "/lib/leaflet/leaflet.js",      // a vendored static file
        "/health",
        "/workspace",                   // a redirect to sign in
        "/01/08936012000118/10/NONE",   // the resolver, for an unknown code
    ];

    public static TheoryData<string> AllPaths => [.. Paths];

    [Theory]
    [MemberData(nameof(AllPaths))]
    public async Task Every_response_carries_the_security_headers(string path)
    {
        using var client = App.CreateClient(new() { AllowAutoRedirect = false, BaseAddress = new Uri("http://localhost") });

        using var response = await client.GetAsync(path);

        var csp = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'self'", csp);
        Assert.Contains("script-src 'self';", csp);
        Assert.Contains("style-src 'self';", csp);
        Assert.Contains("object-src 'none'", csp);
        Assert.Contains("frame-ancestors 'self'", csp);
        Assert.DoesNotContain("unsafe-inline", csp);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("strict-origin-when-cross-origin", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        Assert.Equal("SAMEORIGIN", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
        Assert.False(response.Headers.Contains("Strict-Transport-Security"), "HSTS over plain http");
    }

    [Fact]
    public async Task Over_https_responses_carry_hsts()
    {
        using var client = App.CreateClient(new() { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });

        foreach (var path in Paths)
        {
            using var response = await client.GetAsync(path);
            Assert.StartsWith("max-age=31536000", Assert.Single(response.Headers.GetValues("Strict-Transport-Security")));
        }
    }

    [Fact]
    public async Task The_policy_lets_images_come_from_the_configured_tile_server_only()
    {
        using var client = App.CreateClient();
        using var response = await client.GetAsync("/");

        // The default tile server (MapOptions.TileUrl) is OpenStreetMap's.
        Assert.Contains("img-src 'self' data: https://tile.openstreetmap.org;", response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("https://*.tile.example.vn:8443", SecurityHeaders.TileSource("https://{s}.tile.example.vn:8443/{z}/{x}/{y}.png"));
        Assert.Null(SecurityHeaders.TileSource(""));
        Assert.Null(SecurityHeaders.TileSource("/tiles/{z}/{x}/{y}.png"));
        Assert.Null(SecurityHeaders.TileSource("javascript:alert(1)"));
    }

    [Fact]
    public async Task The_api_reference_alone_may_run_its_inline_configuration()
    {
        using var client = App.CreateClient();
        using var response = await client.GetAsync("/scalar");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("script-src 'self' 'unsafe-inline'", csp);
        Assert.Contains("frame-ancestors 'self'", csp);
    }
}
