using System.Globalization;

namespace VnTrace.Gs1.Epcis.Xml;

/// <summary>Lexical forms of EPCIS XML simple values: timestamps, time-zone offsets, numbers, booleans.</summary>
internal static class EpcisXmlValues
{
    /// <summary>
    /// Parses an EPCIS DateTimeStamp (EPCIS 2.0 XSD <c>epcis:DateTimeStamp</c>): an xsd:dateTime that must carry
    /// its offset ("Z" or ±hh:mm), since an event time without one names no instant (EPCIS 2.0 §7.4.1).
    /// </summary>
    public static bool TryParseTime(string text, out DateTimeOffset value, out string? problem)
    {
        value = default;
        var s = text.Trim();
        var t = s.IndexOf('T');
        if (t < 0)
        {
            problem = $"'{s}' is not a date-time (expected e.g. 2024-03-01T08:30:00+07:00)";
            return false;
        }
        if (!HasOffset(s.AsSpan(t)))
        {
            problem = $"'{s}' has no time-zone offset (add Z or ±hh:mm)";
            return false;
        }
        if (!DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.None, out value))
        {
            problem = $"'{s}' is not a valid date-time";
            return false;
        }
        problem = null;
        return true;
    }

    private static bool HasOffset(ReadOnlySpan<char> timePart)
    {
        if (timePart.EndsWith("Z", StringComparison.Ordinal))
            return true;
        // An offset is the last '+' or '-' followed by hh:mm; '-' never occurs in the time part otherwise.
        var sign = timePart.LastIndexOfAny('+', '-');
        return sign > 0 && timePart.Length - sign == 6 && timePart[sign + 3] == ':';
    }

    /// <summary>xsd:dateTime with the original offset; zero offset as "Z". Fractions only as long as needed.</summary>
    public static string FormatTime(DateTimeOffset value) =>
        value.Offset == TimeSpan.Zero
            ? value.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture)
            : value.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture);

    /// <summary>"+07:00" form (EPCIS 2.0 §7.4.1 eventTimeZoneOffset): sign, two-digit hours up to 14, two-digit minutes.</summary>
    public static bool IsTimeZoneOffset(string s) =>
        s.Length == 6 && (s[0] == '+' || s[0] == '-') && char.IsAsciiDigit(s[1]) && char.IsAsciiDigit(s[2])
        && s[3] == ':' && char.IsAsciiDigit(s[4]) && char.IsAsciiDigit(s[5])
        && (s[1] - '0') * 10 + (s[2] - '0') <= 14 && s[4] <= '5';

    /// <summary>xsd:decimal or xsd:double written as a finite decimal number.</summary>
    public static bool TryParseDecimal(string text, out decimal value) =>
        decimal.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out value);

    public static string FormatDecimal(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>xsd:boolean: true, false, 1 or 0.</summary>
    public static bool TryParseBoolean(string text, out bool value)
    {
        switch (text.Trim())
        {
            case "true" or "1":
                value = true;
                return true;
            case "false" or "0":
                value = false;
                return true;
            default:
                value = false;
                return false;
        }
    }
}
