using VnTrace.Server.Locations.Geometry;
using System.Globalization;
using System.Text.Json;
using VnTrace.Server.Locations;

namespace VnTrace.Server.Tests.Locations;

public sealed class BoundaryPolygonTests
{
    // Near Buôn Ma Thuột.
    private const double Lat = 12.68, Lon = 108.04;

    /// <summary>
    /// Degrees spanned by a distance along the meridian and along the parallel at a latitude, from the WGS 84 radii of
    /// curvature (meridian M, prime vertical N): independent of the projection the area is computed with.
    /// </summary>
    private static (double DLat, double DLon) Degrees(double latitude, double metres)
    {
        const double a = 6_378_137.0, f = 1 / 298.257223563;
        var e2 = f * (2 - f);
        var phi = latitude * Math.PI / 180;
        var w = 1 - e2 * Math.Sin(phi) * Math.Sin(phi);
        var m = a * (1 - e2) / Math.Pow(w, 1.5);
        var n = a / Math.Sqrt(w);
        return (metres / m * 180 / Math.PI, metres / (n * Math.Cos(phi)) * 180 / Math.PI);
    }

    /// <summary>A square ring of the given side centred on a point, as GeoJSON positions, clockwise (so it must be turned).</summary>
    private static double[][] SquareRing(double latitude, double longitude, double side)
    {
        var (dLat, dLon) = Degrees(latitude, side / 2);
        return
        [
            [longitude - dLon, latitude - dLat], [longitude - dLon, latitude + dLat], [longitude + dLon, latitude + dLat],
            [longitude + dLon, latitude - dLat], [longitude - dLon, latitude - dLat],
        ];
    }

    private static string Polygon(params double[][][] rings) =>
        JsonSerializer.Serialize(new { type = "Polygon", coordinates = rings });

    private static BoundaryPolygon Accept(string json, BoundaryOptions? options = null)
    {
        Assert.True(BoundaryPolygon.TryParse(json, out var boundary, out var error, options), error?.ToString());
        return boundary;
    }

    private static BoundaryError Refuse(string? json, BoundaryOptions? options = null)
    {
        Assert.False(BoundaryPolygon.TryParse(json, out _, out var error, options));
        return error;
    }

    [Fact]
    public void A_one_hectare_square_near_Buon_Ma_Thuot_is_accepted_with_its_area_and_centroid()
    {
        var boundary = Accept(Polygon(SquareRing(Lat, Lon, 100)));

        Assert.Equal(1.0, boundary.AreaHectares, 0.001); // within 0.1 %; the rounding to 1 cm alone moves it ~0.02 %
        Assert.Equal(Lat, boundary.CentroidLatitude, 1e-6);
        Assert.Equal(Lon, boundary.CentroidLongitude, 1e-6);
        Assert.Equal("Polygon", boundary.Geometry.GeometryType);
    }

    [Fact]
    public void Area_of_a_one_degree_cell_at_the_equator_matches_the_published_degree_lengths()
    {
        // 1° of latitude at the equator is 110,574 m and 1° of longitude 111,320 m on WGS 84; across the cell the
        // parallel shortens with cos φ, on average by sin(1°)/(1° in radians).
        var cell = Polygon([[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]);
        var boundary = Accept(cell, new BoundaryOptions { RequireWithinVietnam = false, MaxHectares = double.MaxValue });

        var oneDegree = Math.PI / 180;
        var expectedHectares = 110_574.3 * 111_319.5 * (Math.Sin(oneDegree) / oneDegree) / 10_000;
        Assert.Equal(1, boundary.AreaHectares / expectedHectares, 0.001);
    }

    [Fact]
    public void Stored_geojson_is_compact_rounded_to_7_decimals_with_the_exterior_counter_clockwise()
    {
        var json = Polygon([[108.040123456789, 12.68], [108.04, 12.681], [108.041, 12.681], [108.041, 12.68], [108.040123456789, 12.68]]);
        var boundary = Accept(json);

        Assert.StartsWith("{\"type\":\"Polygon\",\"coordinates\":[[[", boundary.GeoJson);
        Assert.DoesNotContain(" ", boundary.GeoJson);
        Assert.Contains("108.0401235", boundary.GeoJson);
        Assert.DoesNotContain("108.04012345", boundary.GeoJson);
        var ring = Rings(boundary.GeoJson)[0];
        Assert.True(SignedArea(ring) > 0, "exterior ring should be counter-clockwise");
        Assert.Equal(ring[0], ring[^1]);
    }

    [Fact]
    public void A_polygon_with_a_hole_keeps_the_hole_out_of_its_area_and_turns_it_clockwise()
    {
        var outer = SquareRing(Lat, Lon, 200);        // 4 ha
        var hole = SquareRing(Lat, Lon, 100).Reverse().ToArray(); // 1 ha, given counter-clockwise
        var boundary = Accept(Polygon(outer, hole));

        Assert.Equal(3.0, boundary.AreaHectares, 0.003);
        var rings = Rings(boundary.GeoJson);
        Assert.Equal(2, rings.Count);
        Assert.True(SignedArea(rings[0]) > 0);
        Assert.True(SignedArea(rings[1]) < 0, "a hole should be clockwise");
    }

    [Fact]
    public void A_bow_tie_is_refused_naming_the_point_where_it_crosses_itself()
    {
        var bowTie = Polygon([[108.04, 12.68], [108.041, 12.681], [108.041, 12.68], [108.04, 12.681], [108.04, 12.68]]);
        var error = Refuse(bowTie);

        Assert.Equal(BoundaryProblem.SelfIntersection, error.Problem);
        Assert.Contains("crosses itself", error.Message);
        Assert.Contains("latitude 12.6805, longitude 108.0405", error.Message);
        Assert.Equal(12.6805, error.Latitude!.Value, 1e-9);
        Assert.Equal(108.0405, error.Longitude!.Value, 1e-9);
    }

    [Fact]
    public void An_unclosed_ring_is_refused_showing_its_first_and_last_positions()
    {
        var error = Refuse(Polygon([[108.04, 12.68], [108.041, 12.68], [108.041, 12.681], [108.04, 12.681]]));

        Assert.Equal(BoundaryProblem.RingNotClosed, error.Problem);
        Assert.Equal("coordinates[0]", error.Path);
        Assert.Contains("The outer ring is not closed", error.Message);
        Assert.Contains("[108.04, 12.681]", error.Message);
        Assert.Contains("[108.04, 12.68]", error.Message);
    }

    [Fact]
    public void A_ring_of_three_positions_is_refused()
    {
        var error = Refuse(Polygon([[108.04, 12.68], [108.041, 12.68], [108.04, 12.68]]));

        Assert.Equal(BoundaryProblem.TooFewPositions, error.Problem);
        Assert.Contains("has 3 positions; a ring needs at least 4", error.Message);
    }

    [Theory]
    [InlineData("{\"type\":\"Point\",\"coordinates\":[108.04,12.68]}", "Point")]
    [InlineData("{\"type\":\"LineString\",\"coordinates\":[[108.04,12.68],[108.05,12.69]]}", "LineString")]
    [InlineData("{\"type\":\"Feature\",\"properties\":{},\"geometry\":{\"type\":\"Point\",\"coordinates\":[108.04,12.68]}}", "Point")]
    public void A_geometry_that_encloses_no_area_is_refused_by_its_type(string json, string type)
    {
        var error = Refuse(json);

        Assert.Equal(BoundaryProblem.NotAPolygon, error.Problem);
        Assert.Contains($"is a {type}", error.Message);
    }

    [Theory]
    [InlineData("not json at all")]
    [InlineData("{\"type\":\"Polygon\",\"coordinates\":[[[108.04,12.68],")]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("[1,2,3]")]
    [InlineData("{\"coordinates\":[]}")]
    [InlineData("{\"type\":\"Polygon\"}")]
    [InlineData("{\"type\":\"Polygon\",\"coordinates\":[[[\"108\",\"12\"]]]}")]
    [InlineData("{\"type\":\"Polygon\",\"coordinates\":[[[1e400,12]]]}")]
    public void Garbage_is_refused_with_a_message_not_an_exception(string? json)
    {
        var error = Refuse(json);
        Assert.False(string.IsNullOrWhiteSpace(error.Message));
    }

    [Fact]
    public void Broken_json_is_refused_with_where_it_broke()
    {
        var error = Refuse("{\"type\":\"Polygon\",\n\"coordinates\":[[[108.04,12.68],}");
        Assert.Equal(BoundaryProblem.NotJson, error.Problem);
        Assert.Contains("line 2", error.Message);
    }

    [Fact]
    public void An_out_of_range_latitude_is_refused_naming_the_point()
    {
        var error = Refuse(Polygon([[108.04, 12.68], [108.041, 12.68], [108.041, 95], [108.04, 12.68]]));

        Assert.Equal(BoundaryProblem.OutOfRange, error.Problem);
        Assert.Equal("coordinates[0][2]", error.Path);
        Assert.Contains("Point 3 of the outer ring: latitude 95 is out of range", error.Message);
    }

    [Fact]
    public void Latitude_and_longitude_swapped_are_refused_with_a_hint_about_the_order()
    {
        var error = Refuse(Polygon([[12.68, 108.04], [12.68, 108.041], [12.681, 108.041], [12.68, 108.04]]));

        Assert.Equal(BoundaryProblem.OutOfRange, error.Problem);
        Assert.Contains("latitude 108.04 is out of range", error.Message);
        Assert.Contains("longitude first", error.Message);
    }

    [Fact]
    public void A_longitude_out_of_range_is_refused()
    {
        var error = Refuse(Polygon([[181, 12.68], [108.041, 12.68], [108.041, 12.681], [181, 12.68]]));
        Assert.Equal(BoundaryProblem.OutOfRange, error.Problem);
        Assert.Contains("longitude 181", error.Message);
    }

    [Fact]
    public void A_boundary_outside_Viet_Nam_is_an_error()
    {
        var bangkok = Polygon(SquareRing(13.75, 100.5, 100));
        var error = Refuse(bangkok);

        Assert.Equal(BoundaryProblem.OutsideVietnam, error.Problem);
        Assert.Contains("outside Viet Nam", error.Message);
        Accept(bangkok, new BoundaryOptions { RequireWithinVietnam = false });
    }

    [Fact]
    public void An_implausibly_large_area_is_refused()
    {
        var error = Refuse(Polygon(SquareRing(Lat, Lon, 20_000))); // 40,000 ha

        Assert.Equal(BoundaryProblem.TooLarge, error.Problem);
        Assert.Contains("larger than 10,000 ha", error.Message);
    }

    [Fact]
    public void Corners_on_one_line_are_refused()
    {
        var error = Refuse(Polygon([[108.04, 12.68], [108.041, 12.68], [108.042, 12.68], [108.04, 12.68]]));
        Assert.Contains(error.Problem, new[] { BoundaryProblem.InvalidShape, BoundaryProblem.SelfIntersection, BoundaryProblem.NoArea });
    }

    [Fact]
    public void A_feature_and_a_feature_collection_with_one_polygon_are_accepted()
    {
        var polygon = JsonSerializer.Deserialize<JsonElement>(Polygon(SquareRing(Lat, Lon, 100)));
        var feature = JsonSerializer.Serialize(new { type = "Feature", properties = new { name = "Lô 1" }, geometry = polygon });
        var collection = JsonSerializer.Serialize(new
        {
            type = "FeatureCollection",
            features = new object[]
            {
                new { type = "Feature", properties = new { }, geometry = new { type = "Point", coordinates = new[] { Lon, Lat } } },
                new { type = "Feature", properties = new { }, geometry = polygon },
            },
        });

        Assert.Equal(1.0, Accept(feature).AreaHectares, 0.001);
        Assert.Equal(1.0, Accept(collection).AreaHectares, 0.001);
    }

    [Fact]
    public void A_feature_collection_with_two_polygons_is_refused()
    {
        var polygon = JsonSerializer.Deserialize<JsonElement>(Polygon(SquareRing(Lat, Lon, 100)));
        var collection = JsonSerializer.Serialize(new
        {
            type = "FeatureCollection",
            features = new[] { new { type = "Feature", geometry = polygon }, new { type = "Feature", geometry = polygon } },
        });
        var error = Refuse(collection);
        Assert.Contains("2 polygon features", error.Message);
    }

    [Fact]
    public void A_multipolygon_adds_its_parts_and_refuses_overlapping_parts()
    {
        var two = JsonSerializer.Serialize(new
        {
            type = "MultiPolygon",
            coordinates = new[] { new[] { SquareRing(Lat, Lon, 100) }, new[] { SquareRing(Lat + 0.01, Lon, 100) } },
        });
        var boundary = Accept(two);
        Assert.Equal(2.0, boundary.AreaHectares, 0.002);
        Assert.StartsWith("{\"type\":\"MultiPolygon\"", boundary.GeoJson);

        var overlapping = JsonSerializer.Serialize(new
        {
            type = "MultiPolygon",
            coordinates = new[] { new[] { SquareRing(Lat, Lon, 100) }, new[] { SquareRing(Lat, Lon + 0.0002, 100) } },
        });
        Assert.Contains(Refuse(overlapping).Problem, new[] { BoundaryProblem.InvalidShape, BoundaryProblem.SelfIntersection });
    }

    [Fact]
    public void A_polygon_clicked_on_a_map_as_lat_lng_points_is_closed_and_checked_the_same_way()
    {
        var (dLat, dLon) = Degrees(Lat, 50);
        LatLng[] clicks =
        [
            new(Lat - dLat, Lon - dLon), new(Lat - dLat, Lon + dLon), new(Lat + dLat, Lon + dLon), new(Lat + dLat, Lon - dLon),
        ];
        Assert.True(BoundaryPolygon.TryFromLatLngs(clicks, out var boundary, out var error), error?.ToString());
        Assert.Equal(1.0, boundary.AreaHectares, 0.001);

        var leaflet = JsonSerializer.Serialize(new[] { clicks.Select(c => new { lat = c.Lat, lng = c.Lng }) });
        Assert.True(BoundaryPolygon.TryParseLatLngs(leaflet, out var fromJson, out error), error?.ToString());
        Assert.Equal(boundary.GeoJson, fromJson.GeoJson);

        var arrays = JsonSerializer.Serialize(clicks.Select(c => new[] { c.Lat, c.Lng }));
        Assert.True(BoundaryPolygon.TryParseLatLngs(arrays, out fromJson, out error), error?.ToString());
        Assert.Equal(boundary.GeoJson, fromJson.GeoJson);
    }

    [Fact]
    public void Map_points_in_the_wrong_order_or_too_few_are_refused()
    {
        Assert.False(BoundaryPolygon.TryFromLatLngs([new(Lat, Lon), new(Lat + 0.001, Lon)], out _, out var error));
        Assert.Equal(BoundaryProblem.TooFewPositions, error.Problem);

        // Longitude first by mistake: 108 is no latitude.
        Assert.False(BoundaryPolygon.TryParseLatLngs("[[108.04,12.68],[108.041,12.68],[108.041,12.681]]", out _, out error));
        Assert.Equal(BoundaryProblem.OutOfRange, error.Problem);
        Assert.Equal("[0]", error.Path);
        Assert.Contains("[latitude, longitude]", error.Message);

        Assert.False(BoundaryPolygon.TryParseLatLngs("[{\"lat\":12.68}]", out _, out error));
        Assert.Equal(BoundaryProblem.BadPosition, error.Problem);
    }

    private static List<double[][]> Rings(string geoJson)
    {
        using var doc = JsonDocument.Parse(geoJson);
        return [.. doc.RootElement.GetProperty("coordinates").EnumerateArray()
            .Select(r => r.EnumerateArray().Select(p => new[] { p[0].GetDouble(), p[1].GetDouble() }).ToArray())];
    }

    /// <summary>Shoelace in degrees: positive for counter-clockwise.</summary>
    private static double SignedArea(double[][] ring)
    {
        var sum = 0.0;
        for (var i = 0; i < ring.Length - 1; i++)
            sum += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
        return sum / 2;
    }

    [Fact]
    public void Messages_use_invariant_numbers_whatever_the_current_culture()
    {
        var saved = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo("vi-VN");
            var error = Refuse(Polygon(SquareRing(Lat, Lon, 20_000)));
            Assert.Contains("10,000 ha", error.Message);
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
    }
}
