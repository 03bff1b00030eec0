using System.Globalization;
using System.Text;
using Microsoft.Extensions.Localization;
using VnTrace.Server.Locations.Geometry;
using VnTrace.Server.Platform.Web;

namespace VnTrace.Server.Locations;

/// <summary>
/// The geometry of a location form: its map point, and for a planting area its boundary (a GeoJSON file, pasted
/// GeoJSON or points drawn on the map) or, without one, its area as typed. Reads the form onto the location and
/// lists what is wrong by form property; no database.
/// </summary>
public sealed class LocationGeometryFields(IStringLocalizer<LocationText> t)
{
    /// <summary>Largest GeoJSON file accepted: a field boundary is a few kilobytes; 20,000 points fit easily.</summary>
    public const int MaxBoundaryFileBytes = 2 * 1024 * 1024;

    public const double MaxHectares = 10_000;

    /// <summary>A boundary error in the reader's language, keeping where it is (the JSON path, the point's coordinates).</summary>
    public string Describe(BoundaryError error)
    {
        var where = error.Path is { Length: > 0 } path ? path : "—";
        var at = error.Latitude is { } lat && error.Longitude is { } lng
            ? t["Boundary.At", Coordinate(lat), Coordinate(lng)].Value
            : "";
        return error.Problem switch
        {
            BoundaryProblem.NotJson => t["Boundary.NotJson"],
            BoundaryProblem.NotAPolygon => t["Boundary.NotAPolygon", where],
            BoundaryProblem.BadPosition => t["Boundary.BadPosition", where],
            BoundaryProblem.OutOfRange => t["Boundary.OutOfRange", where],
            BoundaryProblem.RingNotClosed => t["Boundary.RingNotClosed", where, at],
            BoundaryProblem.TooFewPositions => t["Boundary.TooFewPositions", where],
            BoundaryProblem.TooManyPositions => t["Boundary.TooManyPositions", BoundaryOptions.Default.MaxPositions],
            BoundaryProblem.SelfIntersection => t["Boundary.SelfIntersection", at],
            BoundaryProblem.NoArea => t["Boundary.NoArea"],
            BoundaryProblem.OutsideVietnam => t["Boundary.OutsideVietnam", at],
            BoundaryProblem.TooLarge => t["Boundary.TooLarge", BoundaryOptions.Default.MaxHectares],
            _ => t["Boundary.InvalidShape", at],
        };
    }

    /// <summary>The map point typed: both coordinates or neither, inside Vietnam; (null, null) when either is unreadable.</summary>
    public (double? Latitude, double? Longitude) ReadPoint(LocationForm form, FieldErrors errors)
    {
        var latitude = ReadCoordinate(form.Latitude, 90, nameof(LocationForm.Latitude), "Point.BadLatitude", errors, out var latitudeOk);
        var longitude = ReadCoordinate(form.Longitude, 180, nameof(LocationForm.Longitude), "Point.BadLongitude", errors, out var longitudeOk);
        if (!latitudeOk || !longitudeOk)
            return (null, null);
        if ((latitude is null) != (longitude is null))
        {
            errors.Add(latitude is null ? nameof(LocationForm.Latitude) : nameof(LocationForm.Longitude), t["Point.BothOrNeither"]);
            return (null, null);
        }
        if (latitude is { } a && longitude is { } b
            && (a is < BoundaryPolygon.VietnamMinLatitude or > BoundaryPolygon.VietnamMaxLatitude
                || b is < BoundaryPolygon.VietnamMinLongitude or > BoundaryPolygon.VietnamMaxLongitude))
            errors.Add(nameof(LocationForm.Latitude), t["Point.OutsideVietnam"]);
        return (latitude, longitude);
    }

    /// <summary>
    /// A planting area's boundary, area and centre. A file beats pasted text, which beats a drawing: the form says so
    /// beside the fields. Without a new boundary the stored one stays (unless removed, cleared or the area is new),
    /// else the typed point and area apply.
    /// </summary>
    public async Task ApplyBoundaryAsync(LocationForm form, Location location, bool isNew, double? latitude, double? longitude,
        FieldErrors errors, CancellationToken ct)
    {
        var (boundaryText, field, isGeoJson) = await ReadBoundaryInputAsync(form, errors, ct);
        if (boundaryText is not null && field is not null)
        {
            BoundaryPolygon? boundary;
            BoundaryError? error;
            var parsed = isGeoJson
                ? BoundaryPolygon.TryParse(boundaryText, out boundary, out error)
                : BoundaryPolygon.TryParseLatLngs(boundaryText, out boundary, out error);
            if (!parsed)
            {
                errors.Add(field, Describe(error!));
                return;
            }
            location.BoundaryGeoJson = boundary!.GeoJson;
            location.AreaHectares = Math.Round((decimal)boundary.AreaHectares, 4);
            location.Latitude = boundary.CentroidLatitude;
            location.Longitude = boundary.CentroidLongitude;
            return;
        }
        if (field is not null)
            return; // the file could not be read; its error is already listed

        var cleared = form.BoundaryPoints?.Trim() == "[]";
        if (isNew || form.RemoveBoundary || cleared)
            location.BoundaryGeoJson = null;
        if (location.BoundaryGeoJson is not null)
            return; // the stored boundary stays, with its area and centre

        location.Latitude = latitude;
        location.Longitude = longitude;
        location.AreaHectares = null;
        if (!string.IsNullOrWhiteSpace(form.AreaHectares))
        {
            if (LocationForm.TryParseNumber(form.AreaHectares, out var hectares) && hectares > 0 && hectares <= MaxHectares)
                location.AreaHectares = Math.Round((decimal)hectares, 4);
            else
                errors.Add(nameof(LocationForm.AreaHectares), t["Area.Invalid", MaxHectares]);
        }
    }

    private static string Coordinate(double value) => value.ToString("0.#######", CultureInfo.InvariantCulture);

    private double? ReadCoordinate(string? text, double limit, string field, string message, FieldErrors errors, out bool ok)
    {
        ok = true;
        if (string.IsNullOrWhiteSpace(text))
            return null;
        if (LocationForm.TryParseNumber(text, out var value) && Math.Abs(value) <= limit)
            return Math.Round(value, BoundaryPolygon.Decimals);
        errors.Add(field, t[message]);
        ok = false;
        return null;
    }

    /// <summary>The boundary the form gives, if any: its text, the field it came from, and whether it is GeoJSON (else map points).</summary>
    private async Task<(string? Text, string? Field, bool IsGeoJson)> ReadBoundaryInputAsync(LocationForm form, FieldErrors errors, CancellationToken ct)
    {
        if (form.BoundaryFile is { } file)
        {
            const string field = nameof(LocationForm.BoundaryFile);
            var extension = Path.GetExtension(file.FileName).ToLowerInvariant();
            if (file.Length == 0)
                errors.Add(field, t["BoundaryFile.Empty"]);
            else if (file.Length > MaxBoundaryFileBytes)
                errors.Add(field, t["BoundaryFile.TooLarge", MaxBoundaryFileBytes / 1024 / 1024]);
            else if (extension is not (".geojson" or ".json"))
                errors.Add(field, t["BoundaryFile.WrongType"]);
            else
            {
                using var reader = new StreamReader(file.OpenReadStream(), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
                return (await reader.ReadToEndAsync(ct), field, true);
            }
            return (null, field, true);
        }
        if (!string.IsNullOrWhiteSpace(form.BoundaryGeoJson))
            return (form.BoundaryGeoJson, nameof(LocationForm.BoundaryGeoJson), true);
        if (!string.IsNullOrWhiteSpace(form.BoundaryPoints) && form.BoundaryPoints.Trim() != "[]")
            return (form.BoundaryPoints, nameof(LocationForm.BoundaryPoints), false);
        return (null, null, false);
    }
}
