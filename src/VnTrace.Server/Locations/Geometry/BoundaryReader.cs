using System.Diagnostics.CodeAnalysis;
using System.Text.Json;

namespace VnTrace.Server.Locations.Geometry;

/// <summary>
/// Reads boundary coordinates from GeoJSON or from a map's [latitude, longitude] points, with an error that names
/// the ring and point at fault (NetTopologySuite's own GeoJSON reader throws without saying where).
/// </summary>
internal static class BoundaryReader
{
    internal readonly record struct Position(double Lon, double Lat);

    internal sealed record RingInput(List<Position> Positions, string Path, int Index);

    internal sealed record PolygonInput(List<RingInput> Rings, string Path);

    internal static bool TryOpen(string? json, [NotNullWhen(true)] out JsonDocument? document, [NotNullWhen(false)] out BoundaryError? error)
    {
        document = null;
        if (string.IsNullOrWhiteSpace(json))
        {
            error = new BoundaryError(BoundaryProblem.NotJson, "The boundary is empty.");
            return false;
        }
        try
        {
            document = JsonDocument.Parse(json);
            error = null;
            return true;
        }
        catch (JsonException e)
        {
            var where = e.LineNumber is { } line ? $" at line {line + 1}, character {e.BytePositionInLine + 1}" : "";
            error = new BoundaryError(BoundaryProblem.NotJson, $"The boundary is not valid JSON{where}.");
            return false;
        }
    }

    internal static bool TryFindGeometry(JsonElement element, string path, out JsonElement geometry, out string geometryPath,
        [NotNullWhen(false)] out BoundaryError? error)
    {
        geometry = element;
        geometryPath = path;
        error = null;
        if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty("type", out var typeElement)
            || typeElement.ValueKind != JsonValueKind.String)
        {
            error = new BoundaryError(BoundaryProblem.NotAPolygon,
                "Expected a GeoJSON object with a \"type\": a Polygon, a MultiPolygon, a Feature or a FeatureCollection.", path.Length == 0 ? null : path);
            return false;
        }
        var type = typeElement.GetString();
        switch (type)
        {
            case "Polygon" or "MultiPolygon":
                return true;
            case "Feature":
                if (!element.TryGetProperty("geometry", out var inner) || inner.ValueKind != JsonValueKind.Object)
                {
                    error = new BoundaryError(BoundaryProblem.NotAPolygon, "The Feature has no geometry.", Join(path, "geometry"));
                    return false;
                }
                return TryFindGeometry(inner, Join(path, "geometry"), out geometry, out geometryPath, out error);
            case "FeatureCollection":
                if (path.Length > 0 || !element.TryGetProperty("features", out var features) || features.ValueKind != JsonValueKind.Array)
                {
                    error = new BoundaryError(BoundaryProblem.NotAPolygon, "The FeatureCollection has no list of features.", Join(path, "features"));
                    return false;
                }
                var found = new List<(JsonElement Geometry, string Path)>();
                var i = 0;
                foreach (var feature in features.EnumerateArray())
                {
                    if (feature.ValueKind == JsonValueKind.Object
                        && feature.TryGetProperty("geometry", out var g) && g.ValueKind == JsonValueKind.Object
                        && g.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String
                        && t.GetString() is "Polygon" or "MultiPolygon")
                        found.Add((g, $"features[{i}].geometry"));
                    i++;
                }
                if (found.Count != 1)
                {
                    error = new BoundaryError(BoundaryProblem.NotAPolygon, found.Count == 0
                        ? "The FeatureCollection holds no Polygon or MultiPolygon feature."
                        : $"The FeatureCollection holds {found.Count} polygon features; a planting area needs exactly one (join the parts into one MultiPolygon).",
                        "features");
                    return false;
                }
                (geometry, geometryPath) = found[0];
                return true;
            default:
                error = new BoundaryError(BoundaryProblem.NotAPolygon,
                    $"The boundary is a {type}; a planting area needs a Polygon or MultiPolygon that encloses its area.", Join(path, "type"));
                return false;
        }
    }

    internal static bool TryReadPolygons(JsonElement geometry, string path, BoundaryOptions options,
        [NotNullWhen(true)] out List<PolygonInput>? polygons, [NotNullWhen(false)] out BoundaryError? error)
    {
        polygons = null;
        var multi = geometry.GetProperty("type").GetString() == "MultiPolygon";
        var coordinatesPath = Join(path, "coordinates");
        if (!geometry.TryGetProperty("coordinates", out var coordinates) || coordinates.ValueKind != JsonValueKind.Array || coordinates.GetArrayLength() == 0)
        {
            error = new BoundaryError(BoundaryProblem.BadPosition, "The geometry has no coordinates.", coordinatesPath);
            return false;
        }
        var polygonElements = multi
            ? coordinates.EnumerateArray().Select((p, i) => (Element: p, Path: $"{coordinatesPath}[{i}]")).ToList()
            : [(coordinates, coordinatesPath)];
        polygons = [];
        var total = 0;
        for (var p = 0; p < polygonElements.Count; p++)
        {
            var (polygonElement, polygonPath) = polygonElements[p];
            if (polygonElement.ValueKind != JsonValueKind.Array || polygonElement.GetArrayLength() == 0)
            {
                error = new BoundaryError(BoundaryProblem.BadPosition,
                    $"{(multi ? $"Polygon {p + 1}" : "The polygon")} has no rings: expected a list of rings, each a list of [longitude, latitude] positions.", polygonPath);
                return false;
            }
            var rings = new List<RingInput>();
            var r = 0;
            foreach (var ringElement in polygonElement.EnumerateArray())
            {
                var ringPath = $"{polygonPath}[{r}]";
                if (ringElement.ValueKind != JsonValueKind.Array)
                {
                    error = new BoundaryError(BoundaryProblem.BadPosition,
                        $"{BoundaryMessages.RingName(p, r, polygonElements.Count)} is not a list of positions.", ringPath);
                    return false;
                }
                total += ringElement.GetArrayLength();
                if (total > options.MaxPositions)
                {
                    error = BoundaryMessages.TooMany(options, ringPath);
                    return false;
                }
                var ring = new List<Position>(ringElement.GetArrayLength());
                var i = 0;
                foreach (var positionElement in ringElement.EnumerateArray())
                {
                    var positionPath = $"{ringPath}[{i}]";
                    var where = BoundaryMessages.Describe(p, r, i, polygonElements.Count);
                    double lon = 0, lat = 0;
                    if (positionElement.ValueKind != JsonValueKind.Array || positionElement.GetArrayLength() < 2
                        || positionElement[0].ValueKind != JsonValueKind.Number || positionElement[1].ValueKind != JsonValueKind.Number
                        || !positionElement[0].TryGetDouble(out lon) || !positionElement[1].TryGetDouble(out lat))
                    {
                        error = new BoundaryError(BoundaryProblem.BadPosition,
                            $"{where} is not a position: expected [longitude, latitude] numbers.", positionPath);
                        return false;
                    }
                    if (!TryPosition(lon, lat, positionPath, where, latFirst: false, out var position, out error))
                        return false;
                    ring.Add(position);
                    i++;
                }
                rings.Add(new RingInput(ring, ringPath, r));
                r++;
            }
            polygons.Add(new PolygonInput(rings, polygonPath));
        }
        error = null;
        return true;
    }

    /// <summary>
    /// The rings of a polygon drawn on a map: a JSON array of points, each [lat, lng] or {"lat":…,"lng":…}, or an
    /// array of such rings (the outer ring, then holes). Rings are closed here when needed.
    /// </summary>
    internal static bool TryReadLatLngRings(JsonElement root, BoundaryOptions options,
        [NotNullWhen(true)] out List<RingInput>? rings, [NotNullWhen(false)] out BoundaryError? error)
    {
        rings = null;
        if (root.ValueKind != JsonValueKind.Array || root.GetArrayLength() == 0)
        {
            error = new BoundaryError(BoundaryProblem.NotAPolygon, "Expected a list of [latitude, longitude] points.");
            return false;
        }
        // Points are arrays of numbers or objects; rings are arrays of those.
        var first = root[0];
        var isRings = first.ValueKind == JsonValueKind.Array && first.GetArrayLength() > 0
            && first[0].ValueKind is JsonValueKind.Array or JsonValueKind.Object;
        var ringElements = isRings ? root.EnumerateArray().ToList() : [root];
        rings = [];
        var total = 0;
        for (var r = 0; r < ringElements.Count; r++)
        {
            var ringPath = isRings ? $"[{r}]" : "";
            if (ringElements[r].ValueKind != JsonValueKind.Array)
            {
                error = new BoundaryError(BoundaryProblem.BadPosition, $"Ring {r + 1} is not a list of points.", ringPath);
                return false;
            }
            total += ringElements[r].GetArrayLength();
            if (total > options.MaxPositions)
            {
                error = BoundaryMessages.TooMany(options, ringPath);
                return false;
            }
            var ring = new List<Position>();
            var i = 0;
            foreach (var point in ringElements[r].EnumerateArray())
            {
                var path = $"{ringPath}[{i}]";
                var where = BoundaryMessages.Describe(0, r, i, 1);
                if (!TryReadLatLng(point, path, where, out var lat, out var lng, out error)
                    || !TryPosition(lng, lat, path, where, latFirst: true, out var position, out error))
                    return false;
                ring.Add(position);
                i++;
            }
            CloseRing(ring);
            rings.Add(new RingInput(ring, ringPath, r));
        }
        error = null;
        return true;
    }

    internal static bool TryReadLatLng(JsonElement point, string path, string where, out double lat, out double lng,
        [NotNullWhen(false)] out BoundaryError? error)
    {
        lat = lng = 0;
        error = null;
        if (point.ValueKind == JsonValueKind.Array && point.GetArrayLength() >= 2
            && point[0].ValueKind == JsonValueKind.Number && point[1].ValueKind == JsonValueKind.Number
            && point[0].TryGetDouble(out lat) && point[1].TryGetDouble(out lng))
            return true;
        if (point.ValueKind == JsonValueKind.Object
            && point.TryGetProperty("lat", out var la) && la.ValueKind == JsonValueKind.Number
            && (point.TryGetProperty("lng", out var lo) || point.TryGetProperty("lon", out lo)) && lo.ValueKind == JsonValueKind.Number
            && la.TryGetDouble(out lat) && lo.TryGetDouble(out lng))
            return true;
        error = new BoundaryError(BoundaryProblem.BadPosition, $"{where} is not a point: expected [latitude, longitude] or {{\"lat\": …, \"lng\": …}}.", path);
        return false;
    }

    internal static bool TryPosition(double lon, double lat, string path, string where, bool latFirst, out Position position,
        [NotNullWhen(false)] out BoundaryError? error)
    {
        position = default;
        var order = latFirst ? "map points are [latitude, longitude]" : "GeoJSON writes longitude first, then latitude";
        if (!double.IsFinite(lat) || lat is < -90 or > 90)
        {
            error = new BoundaryError(BoundaryProblem.OutOfRange,
                $"{where}: latitude {BoundaryMessages.Number(lat)} is out of range (-90 to 90; {order}).", path);
            return false;
        }
        if (!double.IsFinite(lon) || lon is < -180 or > 180)
        {
            error = new BoundaryError(BoundaryProblem.OutOfRange,
                $"{where}: longitude {BoundaryMessages.Number(lon)} is out of range (-180 to 180; {order}).", path);
            return false;
        }
        position = new Position(Math.Round(lon, BoundaryPolygon.Decimals), Math.Round(lat, BoundaryPolygon.Decimals));
        error = null;
        return true;
    }

    internal static void CloseRing(List<Position> ring)
    {
        if (ring.Count > 0 && ring[0] != ring[^1])
            ring.Add(ring[0]);
    }

    internal static string Join(string path, string property) => path.Length == 0 ? property : $"{path}.{property}";
}
