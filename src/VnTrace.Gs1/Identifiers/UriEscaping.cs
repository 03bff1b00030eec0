using System.Text;

namespace VnTrace.Gs1.Identifiers;

/// <summary>The two escaping conventions that GS1 identifiers meet in URIs.</summary>
internal static class UriEscaping
{
    /// <summary>
    /// Percent-encodes an AI value for a Digital Link path segment or query value (GS1 Digital Link URI Syntax
    /// Table 7-1). Kept as is: RFC 3986 unreserved characters plus the sub-delimiters ' ; = that the table does not
    /// list; everything else in CSET 82 is encoded, upper-case hex.
    /// </summary>
    public static string DigitalLinkEncode(string value)
    {
        if (!value.AsSpan().ContainsAnyExcept(DigitalLinkSafe))
            return value;
        var sb = new StringBuilder(value.Length + 8);
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            if (b < 128 && DigitalLinkSafe.Contains((char)b))
                sb.Append((char)b);
            else
                sb.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
        }
        return sb.ToString();
    }

    private static readonly System.Buffers.SearchValues<char> DigitalLinkSafe =
        System.Buffers.SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~';=");

    /// <summary>
    /// Escapes a value for an EPC URI component (GS1 Tag Data Standard 2.x §6.2 and Table A-1): the characters
    /// " % &amp; / &lt; &gt; ? and # are written %22 %25 %26 %2F %3C %3E %3F %23.
    /// </summary>
    public static string EpcEscape(string value)
    {
        if (value.AsSpan().IndexOfAny("\"%&/<>?#") < 0)
            return value;
        var sb = new StringBuilder(value.Length + 8);
        foreach (var c in value)
        {
            sb.Append(c switch
            {
                '"' => "%22",
                '%' => "%25",
                '&' => "%26",
                '/' => "%2F",
                '<' => "%3C",
                '>' => "%3E",
                '?' => "%3F",
                '#' => "%23",
                _ => c.ToString(),
            });
        }
        return sb.ToString();
    }

    /// <summary>Decodes %XX escapes (UTF-8); the error points at a '%' that starts no valid escape.</summary>
    public static bool TryPercentDecode(ReadOnlySpan<char> s, out string decoded, out int badPosition)
    {
        badPosition = -1;
        if (s.IndexOf('%') < 0)
        {
            decoded = s.ToString();
            return true;
        }
        var bytes = new List<byte>(s.Length);
        Span<byte> buffer = stackalloc byte[4];
        for (var i = 0; i < s.Length; i++)
        {
            if (s[i] == '%')
            {
                if (i + 2 >= s.Length || !char.IsAsciiHexDigit(s[i + 1]) || !char.IsAsciiHexDigit(s[i + 2]))
                {
                    badPosition = i;
                    decoded = "";
                    return false;
                }
                bytes.Add(byte.Parse(s.Slice(i + 1, 2), System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture));
                i += 2;
            }
            else
            {
                var n = Encoding.UTF8.GetBytes(s.Slice(i, 1), buffer);
                for (var k = 0; k < n; k++)
                    bytes.Add(buffer[k]);
            }
        }
        decoded = Encoding.UTF8.GetString([.. bytes]);
        return true;
    }
}
