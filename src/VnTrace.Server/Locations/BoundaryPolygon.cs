using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using System.Text.Json;
using NetTopologySuite.Algorithm;
using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.Valid;

namespace VnTrace.Server.Locations;

/// <summary>What is wrong with a boundary, for a page to pick its own wording or highlight.</summary>
public enum BoundaryProblem
{
    NotJson,
    NotAPolygon,
    BadPosition,
    OutOfRange,
    RingNotClosed,
    TooFewPositions,
    TooManyPositions,
    /// <summary>A ring crosses or touches itself, or two polygons of a MultiPolygon overlap (the error names the point).</summary>
    SelfIntersection,
    /// <summary>Any other topology error: holes outside the shell, nested holes or shells, duplicate rings.</summary>
    InvalidShape,
    NoArea,
    OutsideVietnam,
    TooLarge,
}

/// <summary>
/// Why a boundary was refused: the problem, a sentence for the person who drew it, where in the input (a JSON path
/// such as <c>coordinates[0][3]</c>) and, when the problem is at a point, that point.
/// </summary>
public sealed record BoundaryError(BoundaryProblem Problem, string Message, string? Path = null, double? Latitude = null, double? Longitude = null)
{
    public override string ToString() => Path is null ? Message : $"{Message} ({Path})";
}

/// <summary>Limits a boundary must keep.</summary>
public sealed record BoundaryOptions
{
    public static readonly BoundaryOptions Default = new();

    /// <summary>Larger planting areas are refused as implausible (a swapped coordinate or a wrong unit is likelier).</summary>
    public double MaxHectares { get; init; } = 10_000;

    /// <summary>Refuse boundaries with a point outside Viet Nam's mainland bounding box (latitude 8–24 N, longitude 102–110 E).</summary>
    public bool RequireWithinVietnam { get; init; } = true;

    /// <summary>More positions than this (all rings together) are refused before any geometry is built.</summary>
    public int MaxPositions { get; init; } = 20_000;
}

/// <summary>A point as a map library gives it: latitude first.</summary>
public readonly record struct LatLng(double Lat, double Lng);

/// <summary>
/// A planting-area boundary that passed every check: a GeoJSON Polygon or MultiPolygon in WGS 84 longitude/latitude
/// (RFC 7946), closed rings of at least 4 positions, no self-intersection (the JTS validity rules), a real area
/// under the plausible maximum, inside Viet Nam. Holds its area, its centroid and the compact GeoJSON to store.
/// </summary>
/// <remarks>
/// The coordinates are read from the JSON here rather than by NetTopologySuite's GeoJSON reader: that reader throws
/// on an unclosed or short ring without saying which ring or point, and a person fixing a drawing needs exactly that.
/// NetTopologySuite builds the geometry from the checked coordinates and judges its topology (IsValidOp).
/// </remarks>
public sealed class BoundaryPolygon
{
    // Viet Nam's mainland and near-shore islands fit in this box; planting areas are not on the Spratly Islands.
    public const double VietnamMinLatitude = 8, VietnamMaxLatitude = 24, VietnamMinLongitude = 102, VietnamMaxLongitude = 110;

    /// <summary>Decimal places kept: 1e-7 degree is about 1 cm, finer than any GPS a farm uses.</summary>
    public const int Decimals = 7;

    private static readonly GeometryFactory Factory = new(new PrecisionModel(), 4326);

    private BoundaryPolygon(Geometry geometry, double areaHectares, double centroidLatitude, double centroidLongitude, string geoJson)
    {
        Geometry = geometry;
        AreaHectares = areaHectares;
        CentroidLatitude = centroidLatitude;
        CentroidLongitude = centroidLongitude;
        GeoJson = geoJson;
    }

    /// <summary>The boundary as a NetTopologySuite Polygon or MultiPolygon (X = longitude, Y = latitude, SRID 4326), oriented as stored.</summary>
    public Geometry Geometry { get; }

    /// <summary>The area on the WGS 84 ellipsoid, in hectares (holes excluded).</summary>
    public double AreaHectares { get; }

    public double CentroidLatitude { get; }

    public double CentroidLongitude { get; }

    /// <summary>
    /// The boundary as compact GeoJSON geometry, ready to store: coordinates rounded to 7 decimals, exterior rings
    /// counter-clockwise and holes clockwise (RFC 7946 §3.1.6), a one-polygon MultiPolygon written as a Polygon.
    /// </summary>
    public string GeoJson { get; }

    /// <summary>
    /// Reads a boundary from GeoJSON: a Polygon or MultiPolygon geometry, a Feature holding one, or a
    /// FeatureCollection with exactly one polygon feature (point or line features beside it are ignored).
    /// </summary>
    public static bool TryParse(string? geoJson, [NotNullWhen(true)] out BoundaryPolygon? boundary,
        [NotNullWhen(false)] out BoundaryError? error, BoundaryOptions? options = null)
    {
        boundary = null;
        options ??= BoundaryOptions.Default;
        if (!TryOpen(geoJson, out var document, out error))
            return false;
        using (document)
        {
            if (!TryFindGeometry(document.RootElement, "", out var geometry, out var path, out error))
                return false;
            if (!TryReadPolygons(geometry, path, options, out var polygons, out error))
                return false;
            return TryBuild(polygons, options, out boundary, out error);
        }
    }

    /// <summary>
    /// Takes a polygon drawn on a map as [latitude, longitude] points, the way a Leaflet click-drawing gives them;
    /// the ring is closed here when the last point does not repeat the first. The same checks as <see cref="TryParse"/> apply.
    /// </summary>
    public static bool TryFromLatLngs(IReadOnlyList<LatLng> points, [NotNullWhen(true)] out BoundaryPolygon? boundary,
        [NotNullWhen(false)] out BoundaryError? error, BoundaryOptions? options = null)
    {
        boundary = null;
        options ??= BoundaryOptions.Default;
        if (points.Count > options.MaxPositions)
        {
            error = TooMany(options, "");
            return false;
        }
        var ring = new List<Position>(points.Count + 1);
        for (var i = 0; i < points.Count; i++)
        {
            if (!TryPosition(points[i].Lng, points[i].Lat, $"[{i}]", Describe(0, 0, i, 1), latFirst: true, out var position, out error))
                return false;
            ring.Add(position);
        }
        CloseRing(ring);
        return TryBuild([new PolygonInput([new RingInput(ring, "", 0)], "")], options, out boundary, out error);
    }

    /// <summary>
    /// Reads what a map page posts for a drawn polygon: a JSON array of points, each [lat, lng] or {"lat":…,"lng":…}
    /// (Leaflet's LatLng), or an array of such rings (the outer ring, then holes), as
    /// <c>JSON.stringify(polygon.getLatLngs())</c> writes it. Rings are closed here when needed.
    /// </summary>
    public static bool TryParseLatLngs(string? json, [NotNullWhen(true)] out BoundaryPolygon? boundary,
        [NotNullWhen(false)] out BoundaryError? error, BoundaryOptions? options = null)
    {
        boundary = null;
        options ??= BoundaryOptions.Default;
        if (!TryOpen(json, out var document, out error))
            return false;
        using (document)
        {
            var root = document.RootElement;
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
            var rings = new List<RingInput>();
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
                    error = TooMany(options, ringPath);
                    return false;
                }
                var ring = new List<Position>();
                var i = 0;
                foreach (var point in ringElements[r].EnumerateArray())
                {
                    var path = $"{ringPath}[{i}]";
                    var where = Describe(0, r, i, 1);
                    if (!TryReadLatLng(point, path, where, out var lat, out var lng, out error)
                        || !TryPosition(lng, lat, path, where, latFirst: true, out var position, out error))
                        return false;
                    ring.Add(position);
                    i++;
                }
                CloseRing(ring);
                rings.Add(new RingInput(ring, ringPath, r));
            }
            return TryBuild([new PolygonInput(rings, "")], options, out boundary, out error);
        }
    }

    private readonly record struct Position(double Lon, double Lat);

    private sealed record RingInput(List<Position> Positions, string Path, int Index);

    private sealed record PolygonInput(List<RingInput> Rings, string Path);

    private static bool TryOpen(string? json, [NotNullWhen(true)] out JsonDocument? document, [NotNullWhen(false)] out BoundaryError? error)
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

    private static bool TryFindGeometry(JsonElement element, string path, out JsonElement geometry, out string geometryPath,
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

    private static bool TryReadPolygons(JsonElement geometry, string path, BoundaryOptions options,
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
                        $"{RingName(p, r, polygonElements.Count)} is not a list of positions.", ringPath);
                    return false;
                }
                total += ringElement.GetArrayLength();
                if (total > options.MaxPositions)
                {
                    error = TooMany(options, ringPath);
                    return false;
                }
                var ring = new List<Position>(ringElement.GetArrayLength());
                var i = 0;
                foreach (var positionElement in ringElement.EnumerateArray())
                {
                    var positionPath = $"{ringPath}[{i}]";
                    var where = Describe(p, r, i, polygonElements.Count);
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

    private static bool TryReadLatLng(JsonElement point, string path, string where, out double lat, out double lng,
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

    private static bool TryPosition(double lon, double lat, string path, string where, bool latFirst, out Position position,
        [NotNullWhen(false)] out BoundaryError? error)
    {
        position = default;
        var order = latFirst ? "map points are [latitude, longitude]" : "GeoJSON writes longitude first, then latitude";
        if (!double.IsFinite(lat) || lat is < -90 or > 90)
        {
            error = new BoundaryError(BoundaryProblem.OutOfRange,
                $"{where}: latitude {Number(lat)} is out of range (-90 to 90; {order}).", path);
            return false;
        }
        if (!double.IsFinite(lon) || lon is < -180 or > 180)
        {
            error = new BoundaryError(BoundaryProblem.OutOfRange,
                $"{where}: longitude {Number(lon)} is out of range (-180 to 180; {order}).", path);
            return false;
        }
        position = new Position(Math.Round(lon, Decimals), Math.Round(lat, Decimals));
        error = null;
        return true;
    }

    private static void CloseRing(List<Position> ring)
    {
        if (ring.Count > 0 && ring[0] != ring[^1])
            ring.Add(ring[0]);
    }

    private static bool TryBuild(List<PolygonInput> inputs, BoundaryOptions options, [NotNullWhen(true)] out BoundaryPolygon? boundary,
        [NotNullWhen(false)] out BoundaryError? error)
    {
        boundary = null;
        var polygons = new List<Polygon>(inputs.Count);
        for (var p = 0; p < inputs.Count; p++)
        {
            var rings = new List<LinearRing>();
            foreach (var ring in inputs[p].Rings)
            {
                var name = RingName(p, ring.Index, inputs.Count);
                var positions = ring.Positions;
                if (positions.Count > 0 && positions.Count < 4)
                {
                    error = new BoundaryError(BoundaryProblem.TooFewPositions,
                        $"{name} has {positions.Count} position{(positions.Count == 1 ? "" : "s")}; a ring needs at least 4 (three corners, then the first corner again to close it).", ring.Path);
                    return false;
                }
                if (positions.Count == 0)
                {
                    error = new BoundaryError(BoundaryProblem.TooFewPositions, $"{name} is empty.", ring.Path);
                    return false;
                }
                if (positions[0] != positions[^1])
                {
                    error = new BoundaryError(BoundaryProblem.RingNotClosed,
                        $"{name} is not closed: its last position {At(positions[^1])} must repeat its first {At(positions[0])}.",
                        ring.Path, positions[^1].Lat, positions[^1].Lon);
                    return false;
                }
                rings.Add(Factory.CreateLinearRing(positions.Select(c => new Coordinate(c.Lon, c.Lat)).ToArray()));
            }
            polygons.Add(Factory.CreatePolygon(rings[0], [.. rings.Skip(1)]));
        }

        var validity = new IsValidOp(Combine(polygons)).ValidationError;
        if (validity is not null)
        {
            error = ShapeError(validity);
            return false;
        }
        // Oriented only once valid: the orientation of a ring that crosses itself is not defined.
        polygons = [.. polygons.Select(Oriented)];
        var geometry = Combine(polygons);

        var squareMetres = polygons.Sum(EqualAreaSquareMetres);
        if (squareMetres < 1)
        {
            error = new BoundaryError(BoundaryProblem.NoArea, "The boundary encloses no area: its corners lie on one line or on one spot.");
            return false;
        }

        if (options.RequireWithinVietnam)
        {
            foreach (var c in geometry.Coordinates)
            {
                if (c.Y is < VietnamMinLatitude or > VietnamMaxLatitude || c.X is < VietnamMinLongitude or > VietnamMaxLongitude)
                {
                    error = new BoundaryError(BoundaryProblem.OutsideVietnam,
                        $"The point at latitude {Number(c.Y)}, longitude {Number(c.X)} lies outside Viet Nam (latitude 8 to 24 N, longitude 102 to 110 E). Check that latitude and longitude are not swapped.",
                        null, c.Y, c.X);
                    return false;
                }
            }
        }

        var hectares = squareMetres / 10_000;
        if (hectares > options.MaxHectares)
        {
            error = new BoundaryError(BoundaryProblem.TooLarge,
                string.Create(CultureInfo.InvariantCulture,
                    $"The boundary encloses {hectares:N0} ha; a planting area larger than {options.MaxHectares:N0} ha is not plausible. Check the points, or split the area."));
            return false;
        }

        var centroid = geometry.Centroid;
        boundary = new BoundaryPolygon(geometry, hectares, Math.Round(centroid.Y, Decimals), Math.Round(centroid.X, Decimals), WriteGeoJson(polygons));
        error = null;
        return true;
    }

    private static Geometry Combine(List<Polygon> polygons) =>
        polygons.Count == 1 ? polygons[0] : Factory.CreateMultiPolygon([.. polygons]);

    /// <summary>RFC 7946 §3.1.6: the exterior ring counter-clockwise, holes clockwise.</summary>
    private static Polygon Oriented(Polygon polygon)
    {
        static LinearRing Orient(LinearRing ring, bool counterClockwise) =>
            Orientation.IsCCW(ring.CoordinateSequence) == counterClockwise ? ring : (LinearRing)ring.Reverse();
        return Factory.CreatePolygon(
            Orient((LinearRing)polygon.ExteriorRing, true),
            [.. polygon.InteriorRings.Select(h => Orient((LinearRing)h, false))]);
    }

    private static BoundaryError ShapeError(TopologyValidationError validity)
    {
        var c = validity.Coordinate;
        var at = c is null ? "" : $" at latitude {Number(c.Y)}, longitude {Number(c.X)}";
        var message = validity.ErrorType switch
        {
            TopologyValidationErrors.SelfIntersection or TopologyValidationErrors.RingSelfIntersection =>
                $"The boundary crosses itself{at}. Draw the corners in order around the area, without crossing lines.",
            TopologyValidationErrors.HoleOutsideShell => $"A hole lies outside the outer boundary{at}.",
            TopologyValidationErrors.NestedHoles => $"A hole lies inside another hole{at}.",
            TopologyValidationErrors.DisconnectedInteriors => $"The holes cut the area into separate pieces{at}; draw the pieces as separate polygons.",
            TopologyValidationErrors.NestedShells => $"One polygon lies inside another{at}; draw the inner one as a hole.",
            TopologyValidationErrors.DuplicateRings => $"Two rings are the same{at}.",
            TopologyValidationErrors.TooFewPoints => $"A ring has fewer than three distinct corners{at}.",
            _ => $"The boundary is not a valid polygon: {validity.Message}{at}.",
        };
        var problem = validity.ErrorType is TopologyValidationErrors.SelfIntersection or TopologyValidationErrors.RingSelfIntersection
            ? BoundaryProblem.SelfIntersection
            : BoundaryProblem.InvalidShape;
        return new BoundaryError(problem, message, null, c?.Y, c?.X);
    }

    // WGS 84 ellipsoid.
    private const double SemiMajorAxis = 6_378_137.0;
    private const double Flattening = 1 / 298.257223563;
    private static readonly double E2 = Flattening * (2 - Flattening);
    private static readonly double E = Math.Sqrt(E2);

    /// <summary>
    /// Area on the WGS 84 ellipsoid through Lambert's cylindrical equal-area projection (Snyder, Map Projections — A
    /// Working Manual, 1987, eq. 3-12 and 10-15: x = a·λ, y = a·q(φ)/2), which keeps areas exact at any latitude.
    /// Edges become straight lines in the projected plane; for field-sized polygons that differs from the geodesic by
    /// far less than a square metre.
    /// </summary>
    internal static double EqualAreaSquareMetres(Polygon polygon)
    {
        var area = Math.Abs(RingArea(polygon.ExteriorRing.Coordinates));
        for (var i = 0; i < polygon.NumInteriorRings; i++)
            area -= Math.Abs(RingArea(polygon.GetInteriorRingN(i).Coordinates));
        return area;
    }

    private static double RingArea(Coordinate[] ring)
    {
        // Shoelace formula on projected coordinates, taken relative to the first point to keep the products small.
        var lon0 = ring[0].X;
        var y0 = AuthalicY(ring[0].Y);
        var sum = 0.0;
        for (var i = 0; i < ring.Length - 1; i++)
        {
            var x1 = SemiMajorAxis * DegreesToRadians(ring[i].X - lon0);
            var y1 = AuthalicY(ring[i].Y) - y0;
            var x2 = SemiMajorAxis * DegreesToRadians(ring[i + 1].X - lon0);
            var y2 = AuthalicY(ring[i + 1].Y) - y0;
            sum += x1 * y2 - x2 * y1;
        }
        return sum / 2;
    }

    private static double AuthalicY(double latitude)
    {
        var s = Math.Sin(DegreesToRadians(latitude));
        var es = E * s;
        var q = (1 - E2) * (s / (1 - E2 * s * s) - 1 / (2 * E) * Math.Log((1 - es) / (1 + es)));
        return SemiMajorAxis * q / 2;
    }

    private static double DegreesToRadians(double degrees) => degrees * Math.PI / 180;

    private static string WriteGeoJson(List<Polygon> polygons)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteString("type", polygons.Count == 1 ? "Polygon" : "MultiPolygon");
            w.WriteStartArray("coordinates");
            foreach (var polygon in polygons)
            {
                if (polygons.Count > 1)
                    w.WriteStartArray();
                WriteRing(w, polygon.ExteriorRing);
                foreach (var hole in polygon.InteriorRings)
                    WriteRing(w, hole);
                if (polygons.Count > 1)
                    w.WriteEndArray();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static void WriteRing(Utf8JsonWriter w, LineString ring)
    {
        w.WriteStartArray();
        foreach (var c in ring.Coordinates)
        {
            w.WriteStartArray();
            w.WriteNumberValue(Math.Round(c.X, Decimals));
            w.WriteNumberValue(Math.Round(c.Y, Decimals));
            w.WriteEndArray();
        }
        w.WriteEndArray();
    }

    private static BoundaryError TooMany(BoundaryOptions options, string path) =>
        new(BoundaryProblem.TooManyPositions,
            string.Create(CultureInfo.InvariantCulture, $"The boundary has more than {options.MaxPositions:N0} points; simplify it."),
            path.Length == 0 ? null : path);

    private static string RingName(int polygon, int ring, int polygonCount)
    {
        var name = ring == 0 ? "The outer ring" : $"Hole {ring}";
        return polygonCount > 1 ? $"{name} of polygon {polygon + 1}" : name;
    }

    private static string Describe(int polygon, int ring, int position, int polygonCount)
    {
        var ringName = RingName(polygon, ring, polygonCount);
        return $"Point {position + 1} of {char.ToLowerInvariant(ringName[0])}{ringName[1..]}";
    }

    private static string At(Position p) => $"[{Number(p.Lon)}, {Number(p.Lat)}]";

    private static string Number(double value) => value.ToString("0.#######", CultureInfo.InvariantCulture);

    private static string Join(string path, string property) => path.Length == 0 ? property : $"{path}.{property}";
}
