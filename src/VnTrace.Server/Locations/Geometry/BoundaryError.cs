using System.Globalization;

namespace VnTrace.Server.Locations.Geometry;

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

/// <summary>The wording of boundary errors, shared by the reader and the checks.</summary>
internal static class BoundaryMessages
{
    internal static BoundaryError TooMany(BoundaryOptions options, string path) =>
        new(BoundaryProblem.TooManyPositions,
            string.Create(CultureInfo.InvariantCulture, $"The boundary has more than {options.MaxPositions:N0} points; simplify it."),
            path.Length == 0 ? null : path);

    internal static string RingName(int polygon, int ring, int polygonCount)
    {
        var name = ring == 0 ? "The outer ring" : $"Hole {ring}";
        return polygonCount > 1 ? $"{name} of polygon {polygon + 1}" : name;
    }

    internal static string Describe(int polygon, int ring, int position, int polygonCount)
    {
        var ringName = RingName(polygon, ring, polygonCount);
        return $"Point {position + 1} of {char.ToLowerInvariant(ringName[0])}{ringName[1..]}";
    }

    internal static string At(BoundaryReader.Position p) => $"[{Number(p.Lon)}, {Number(p.Lat)}]";

    internal static string Number(double value) => value.ToString("0.#######", CultureInfo.InvariantCulture);
}
