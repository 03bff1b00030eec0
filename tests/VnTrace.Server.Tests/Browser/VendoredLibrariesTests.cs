using System.Net;
using VnTrace.Server.Tests.Infrastructure;

namespace VnTrace.Server.Tests.Browser;

/// <summary>The front-end libraries come from the server itself (wwwroot/lib), never from a CDN.</summary>
public sealed class VendoredLibrariesTests(SqliteAppFixture fixture) : IClassFixture<SqliteAppFixture>
{
    [Theory]
    [InlineData("/lib/bootstrap/css/bootstrap.min.css", "text/css", "Bootstrap  v5.3")]
    [InlineData("/lib/bootstrap/js/bootstrap.bundle.min.js", "text/javascript", "Bootstrap v5.3")]
    [InlineData("/lib/leaflet/leaflet.js", "text/javascript", "Leaflet 1.9")]
    [InlineData("/lib/leaflet/leaflet.css", "text/css", ".leaflet-pane")]
    [InlineData("/lib/chart.js/chart.umd.min.js", "text/javascript", "Chart.js v4")]
    public async Task Vendored_library_is_served_from_wwwroot_lib(string path, string mediaType, string marker)
    {
        using var client = fixture.App.CreateClient();
        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(marker, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Leaflet_marker_image_is_served_where_its_stylesheet_points()
    {
        using var client = fixture.App.CreateClient();
        using var response = await client.GetAsync("/lib/leaflet/images/marker-icon.png");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
    }
}
