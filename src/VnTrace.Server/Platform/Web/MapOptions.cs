namespace VnTrace.Server.Platform.Web;

/// <summary>
/// Where maps get their background tiles and the view they open on when they have nothing to show yet, bound from
/// <c>VnTrace:Map</c>. A deployment on a closed network points <see cref="TileUrl"/> at its own tile server, or sets
/// it empty: shapes and points still draw, on a blank background with a scale bar.
/// </summary>
public sealed class MapOptions
{
    public const string Section = "VnTrace:Map";

    /// <summary>A Leaflet tile URL template ({z}/{x}/{y}); empty for no tiles.</summary>
    public string TileUrl { get; set; } = "https://tile.openstreetmap.org/{z}/{x}/{y}.png";

    /// <summary>Attribution the tile provider requires (HTML, shown in the map's corner).</summary>
    public string TileAttribution { get; set; } = "&copy; <a href=\"https://www.openstreetmap.org/copyright\">OpenStreetMap</a>";

    /// <summary>The centre of an empty map: the middle of Đắk Lắk (with Phú Yên since 2025) by default.</summary>
    public double CenterLatitude { get; set; } = 12.9;

    public double CenterLongitude { get; set; } = 108.45;

    /// <summary>Zoom of an empty map: 8 shows a province.</summary>
    public int Zoom { get; set; } = 8;
}
