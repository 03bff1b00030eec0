using NetTopologySuite.Geometries;

namespace VnTrace.Server.Locations.Geometry;

/// <summary>Areas of polygons in WGS 84 longitude/latitude, in square metres.</summary>
internal static class EqualArea
{
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
    internal static double SquareMetres(Polygon polygon)
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
}
