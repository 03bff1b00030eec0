using System.Buffers;
using System.Text;
using System.Text.Json;
using NetTopologySuite.Algorithm;
using NetTopologySuite.Geometries;

namespace VnTrace.Server.Locations.Geometry;

/// <summary>Orients and writes a checked boundary as the compact GeoJSON that is stored.</summary>
internal static class BoundaryWriter
{
    /// <summary>RFC 7946 §3.1.6: the exterior ring counter-clockwise, holes clockwise.</summary>
    internal static Polygon Oriented(Polygon polygon)
    {
        static LinearRing Orient(LinearRing ring, bool counterClockwise) =>
            Orientation.IsCCW(ring.CoordinateSequence) == counterClockwise ? ring : (LinearRing)ring.Reverse();
        return polygon.Factory.CreatePolygon(
            Orient((LinearRing)polygon.ExteriorRing, true),
            [.. polygon.InteriorRings.Select(h => Orient((LinearRing)h, false))]);
    }

    internal static string Write(List<Polygon> polygons)
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

    internal static void WriteRing(Utf8JsonWriter w, LineString ring)
    {
        w.WriteStartArray();
        foreach (var c in ring.Coordinates)
        {
            w.WriteStartArray();
            w.WriteNumberValue(Math.Round(c.X, BoundaryPolygon.Decimals));
            w.WriteNumberValue(Math.Round(c.Y, BoundaryPolygon.Decimals));
            w.WriteEndArray();
        }
        w.WriteEndArray();
    }
}
