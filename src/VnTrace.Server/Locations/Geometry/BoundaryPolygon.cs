using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Json;
using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.Valid;
using NtsGeometry = NetTopologySuite.Geometries.Geometry;

namespace VnTrace.Server.Locations.Geometry;

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

    private BoundaryPolygon(NtsGeometry geometry, double areaHectares, double centroidLatitude, double centroidLongitude, string geoJson)
    {
        Geometry = geometry;
        AreaHectares = areaHectares;
        CentroidLatitude = centroidLatitude;
        CentroidLongitude = centroidLongitude;
        GeoJson = geoJson;
    }

    /// <summary>The boundary as a NetTopologySuite Polygon or MultiPolygon (X = longitude, Y = latitude, SRID 4326), oriented as stored.</summary>
    public NtsGeometry Geometry { get; }

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
        if (!BoundaryReader.TryOpen(geoJson, out var document, out error))
            return false;
        using (document)
        {
            if (!BoundaryReader.TryFindGeometry(document.RootElement, "", out var geometry, out var path, out error))
                return false;
            if (!BoundaryReader.TryReadPolygons(geometry, path, options, out var polygons, out error))
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
            error = BoundaryMessages.TooMany(options, "");
            return false;
        }
        var ring = new List<BoundaryReader.Position>(points.Count + 1);
        for (var i = 0; i < points.Count; i++)
        {
            if (!BoundaryReader.TryPosition(points[i].Lng, points[i].Lat, $"[{i}]", BoundaryMessages.Describe(0, 0, i, 1), latFirst: true, out var position, out error))
                return false;
            ring.Add(position);
        }
        BoundaryReader.CloseRing(ring);
        return TryBuild([new BoundaryReader.PolygonInput([new BoundaryReader.RingInput(ring, "", 0)], "")], options, out boundary, out error);
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
        if (!BoundaryReader.TryOpen(json, out var document, out error))
            return false;
        using (document)
        {
            return BoundaryReader.TryReadLatLngRings(document.RootElement, options, out var rings, out error)
                && TryBuild([new BoundaryReader.PolygonInput(rings, "")], options, out boundary, out error);
        }
    }

    private static bool TryBuild(List<BoundaryReader.PolygonInput> inputs, BoundaryOptions options, [NotNullWhen(true)] out BoundaryPolygon? boundary,
        [NotNullWhen(false)] out BoundaryError? error)
    {
        boundary = null;
        var polygons = new List<Polygon>(inputs.Count);
        for (var p = 0; p < inputs.Count; p++)
        {
            var rings = new List<LinearRing>();
            foreach (var ring in inputs[p].Rings)
            {
                var name = BoundaryMessages.RingName(p, ring.Index, inputs.Count);
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
                        $"{name} is not closed: its last position {BoundaryMessages.At(positions[^1])} must repeat its first {BoundaryMessages.At(positions[0])}.",
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
        polygons = [.. polygons.Select(BoundaryWriter.Oriented)];
        var geometry = Combine(polygons);

        var squareMetres = polygons.Sum(EqualArea.SquareMetres);
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
                        $"The point at latitude {BoundaryMessages.Number(c.Y)}, longitude {BoundaryMessages.Number(c.X)} lies outside Viet Nam (latitude 8 to 24 N, longitude 102 to 110 E). Check that latitude and longitude are not swapped.",
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
        boundary = new BoundaryPolygon(geometry, hectares, Math.Round(centroid.Y, Decimals), Math.Round(centroid.X, Decimals), BoundaryWriter.Write(polygons));
        error = null;
        return true;
    }

    private static NtsGeometry Combine(List<Polygon> polygons) =>
        polygons.Count == 1 ? polygons[0] : Factory.CreateMultiPolygon([.. polygons]);

    private static BoundaryError ShapeError(TopologyValidationError validity)
    {
        var c = validity.Coordinate;
        var at = c is null ? "" : $" at latitude {BoundaryMessages.Number(c.Y)}, longitude {BoundaryMessages.Number(c.X)}";
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
}
