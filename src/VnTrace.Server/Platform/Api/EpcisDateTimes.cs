using System.Globalization;

namespace VnTrace.Server.Platform.Api;

/// <summary>Date-times in query strings: an instant needs its offset, as eventTime does in documents.</summary>
public static class EpcisDateTimes
{
    /// <summary>Parses an ISO 8601 date-time that carries Z or ±hh:mm; one without is ambiguous and refused.</summary>
    public static bool TryParseWithOffset(string raw, out DateTimeOffset time) =>
        DateTimeOffset.TryParse(raw, CultureInfo.InvariantCulture, DateTimeStyles.None, out time) && HasOffset(raw);

    private static bool HasOffset(string raw)
    {
        var timePart = raw.IndexOf('T') is var i and >= 0 ? raw[i..] : raw;
        return timePart.EndsWith('Z') || timePart.EndsWith('z') || timePart.Contains('+') || timePart.LastIndexOf('-') > 0;
    }
}
