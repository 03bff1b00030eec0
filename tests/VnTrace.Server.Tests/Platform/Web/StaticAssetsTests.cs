using System.IO.Compression;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using VnTrace.Server.Tests.Infrastructure;

namespace VnTrace.Server.Tests.Platform.Web;

/// <summary>
/// Static assets go out compressed and cacheable (issue 12, item 14): the pages link the build's fingerprinted copy of
/// each stylesheet and script, which is served precompressed and cached for a year; the pages themselves are not
/// compressed (they carry antiforgery tokens: BREACH).
/// </summary>
public sealed partial class StaticAssetsTests(SqliteAppFixture fixture) : IClassFixture<SqliteAppFixture>
{
    [GeneratedRegex(@"href=""(/lib/bootstrap/css/bootstrap\.min\.[a-z0-9]+\.css)""")]
    private static partial Regex FingerprintedBootstrap();

    private HttpClient Client(params string[] encodings)
    {
        var client = fixture.App.CreateClient(new() { AllowAutoRedirect = false });
        foreach (var encoding in encodings)
            client.DefaultRequestHeaders.AcceptEncoding.ParseAdd(encoding);
        return client;
    }

    private async Task<string> StylesheetPathAsync()
    {
        using var client = Client();
        var html = await client.GetStringAsync("/account/sign-in");
        var match = FingerprintedBootstrap().Match(html);
        Assert.True(match.Success, "the page links a fingerprinted bootstrap.min.css: " + html[..Math.Min(html.Length, 1500)]);
        return match.Groups[1].Value;
    }

    [Fact]
    public async Task The_stylesheet_a_page_links_is_fingerprinted_and_served_compressed_with_the_security_headers()
    {
        var path = await StylesheetPathAsync();
        using var client = Client("br", "gzip");

        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Content.Headers.ContentEncoding.Count == 1, $"{path}: {response.Headers}{response.Content.Headers}");
        var encoding = response.Content.Headers.ContentEncoding.Single();
        Assert.Contains(encoding, new[] { "br", "gzip" });
        Assert.Equal("text/css", response.Content.Headers.ContentType?.MediaType);
        var compressed = await response.Content.ReadAsByteArrayAsync();
        await using Stream plain = encoding == "br"
            ? new BrotliStream(new MemoryStream(compressed), CompressionMode.Decompress)
            : new GZipStream(new MemoryStream(compressed), CompressionMode.Decompress);
        Assert.Contains("Bootstrap  v5.3", await new StreamReader(plain).ReadToEndAsync());
        var csp = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'self'", csp);
        Assert.DoesNotContain("unsafe-inline", csp);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
    }

    [Fact]
    public async Task Once_published_the_fingerprinted_stylesheet_is_cached_for_a_year_and_gzipped_to_a_fraction()
    {
        // An unpublished build (these tests, `dotnet run`) serves every asset with no-cache, so that an edited file
        // shows at once; the endpoints manifest is what a published server answers with.
        var route = (await StylesheetPathAsync())[1..];
        using var manifest = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "VnTrace.Server.staticwebassets.endpoints.json")));
        var endpoints = manifest.RootElement.GetProperty("Endpoints").EnumerateArray().Where(e => e.GetProperty("Route").GetString() == route).ToList();

        Assert.NotEmpty(endpoints);
        Assert.All(endpoints, e => Assert.Contains(e.GetProperty("ResponseHeaders").EnumerateArray(),
            h => h.GetProperty("Name").GetString() == "Cache-Control" && h.GetProperty("Value").GetString() == "max-age=31536000, immutable"));
        // The precompressed copy (an unpublished build compresses on the fly instead, hardly at all).
        var compressed = Assert.Single(endpoints, e => e.GetProperty("Selectors").EnumerateArray().Any(x => x.GetProperty("Value").GetString() == "gzip"));
        var length = compressed.GetProperty("ResponseHeaders").EnumerateArray().Single(h => h.GetProperty("Name").GetString() == "Content-Length").GetProperty("Value").GetString();
        Assert.True(int.Parse(length!, System.Globalization.CultureInfo.InvariantCulture) < 40_000, $"{length} bytes gzipped for a 232 KB stylesheet");
    }

    [Fact]
    public async Task A_client_that_accepts_no_compression_gets_the_plain_stylesheet()
    {
        var path = await StylesheetPathAsync();
        using var client = Client();

        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(response.Content.Headers.ContentEncoding);
        Assert.Contains("Bootstrap  v5.3", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Pages_are_not_compressed_because_they_carry_antiforgery_tokens()
    {
        using var client = Client("br", "gzip");

        using var response = await client.GetAsync("/account/sign-in");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(response.Content.Headers.ContentEncoding);
    }
}
