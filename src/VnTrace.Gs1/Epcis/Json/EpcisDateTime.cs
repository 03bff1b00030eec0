using System.Globalization;

namespace VnTrace.Gs1.Epcis.Json;

/// <summary>
/// The xsd:dateTimeStamp form EPCIS 2.0 requires for eventTime, recordTime and the other times (§7.3.1):
/// "2005-04-03T20:33:31.116-06:00", the offset mandatory, any number of fractional digits.
/// </summary>
internal static class EpcisDateTime
{
    public enum Problem
    {
        None,
        Malformed,
        NoOffset,
    }

    public static Problem TryParse(string text, out DateTimeOffset value)
    {
        value = default;
        if (text.Length < 19
            || !DateTime.TryParseExact(text.AsSpan(0, 19), "yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture,
                DateTimeStyles.None, out var local))
            return Problem.Malformed;

        var i = 19;
        long fractionTicks = 0;
        if (i < text.Length && text[i] == '.')
        {
            var start = ++i;
            while (i < text.Length && char.IsAsciiDigit(text[i]))
                i++;
            if (i == start)
                return Problem.Malformed;
            // Ticks are 100 ns: the first seven digits count, further digits are below the model's precision.
            var digits = text.AsSpan(start, Math.Min(i - start, 7));
            fractionTicks = long.Parse(digits, CultureInfo.InvariantCulture);
            for (var pad = digits.Length; pad < 7; pad++)
                fractionTicks *= 10;
        }

        var zone = text.AsSpan(i);
        if (zone.IsEmpty)
            return Problem.NoOffset;
        if (!TryParseOffset(zone, out var offset))
            return Problem.Malformed;
        value = new DateTimeOffset(local.AddTicks(fractionTicks), offset);
        return Problem.None;
    }

    /// <summary>"Z" or "+hh:mm"/"-hh:mm" within ±14:00.</summary>
    public static bool TryParseOffset(ReadOnlySpan<char> zone, out TimeSpan offset)
    {
        offset = default;
        if (zone is "Z")
            return true;
        if (zone.Length != 6 || (zone[0] != '+' && zone[0] != '-') || zone[3] != ':'
            || !char.IsAsciiDigit(zone[1]) || !char.IsAsciiDigit(zone[2])
            || !char.IsAsciiDigit(zone[4]) || !char.IsAsciiDigit(zone[5]))
            return false;
        var hours = (zone[1] - '0') * 10 + zone[2] - '0';
        var minutes = (zone[4] - '0') * 10 + zone[5] - '0';
        if (minutes > 59 || hours > 14 || (hours == 14 && minutes != 0))
            return false;
        offset = new TimeSpan(hours, minutes, 0);
        if (zone[0] == '-')
            offset = -offset;
        return true;
    }

    /// <summary>
    /// Writes the instant with the offset it was given in, "Z" for UTC, and only the fractional digits that carry
    /// information (".116", none for whole seconds): reading the text back gives the same DateTimeOffset.
    /// </summary>
    public static string Format(DateTimeOffset value)
    {
        var text = value.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);
        return value.Offset == TimeSpan.Zero
            ? text + "Z"
            : text + value.ToString("zzz", CultureInfo.InvariantCulture);
    }

    /// <summary>The eventTimeZoneOffset pattern of the EPCIS JSON schema: "+hh:mm" or "-hh:mm", at most ±14:00.</summary>
    public static bool IsTimeZoneOffset(string text) => text != "Z" && TryParseOffset(text, out _);
}
