using System.Text;

namespace VnTrace.Gs1.Identifiers;

/// <summary>Parsing and writing of the all-digit GS1 keys held as numbers (<see cref="Gtin"/>, <see cref="Gln"/>, <see cref="Sscc"/>).</summary>
internal static class Gs1KeyDigits
{
    /// <summary>
    /// Reads a key of one of <paramref name="lengths"/> digits with a valid check digit; the result is the number the
    /// digits spell, so shorter forms (GTIN-8, -12, -13) land on their zero-padded 14-digit value.
    /// </summary>
    public static Gs1ParseError? TryRead(ReadOnlySpan<char> s, string keyName, ReadOnlySpan<int> lengths, out long value)
    {
        value = 0;
        for (var i = 0; i < s.Length; i++)
        {
            if (!char.IsAsciiDigit(s[i]))
                return new Gs1ParseError(i, 1, $"{keyName}: {Gs1Charset.Describe(s[i])} at position {i} is not a digit") { Kind = Gs1ErrorKind.Character };
        }
        if (!lengths.Contains(s.Length))
        {
            var expected = lengths.Length == 1 ? $"{lengths[0]}" : $"{string.Join(", ", lengths[..^1].ToArray())} or {lengths[^1]}";
            return new Gs1ParseError(0, s.Length, $"{keyName}: {s.Length} digits; expected {expected}") { Kind = Gs1ErrorKind.Length };
        }
        if (Gs1CheckDigit.Check(s) is { } bad)
            return bad with { Message = $"{keyName}: {bad.Message}" };
        value = long.Parse(s, System.Globalization.CultureInfo.InvariantCulture);
        return null;
    }

    public static bool TryFormat(long value, int digits, Span<char> destination, out int charsWritten)
    {
        if (destination.Length < digits)
        {
            charsWritten = 0;
            return false;
        }
        for (var i = digits - 1; i >= 0; i--)
        {
            destination[i] = (char)('0' + (int)(value % 10));
            value /= 10;
        }
        charsWritten = digits;
        return true;
    }

    public static bool TryFormat(long value, int digits, Span<byte> destination, out int bytesWritten)
    {
        Span<char> chars = stackalloc char[digits];
        TryFormat(value, digits, chars, out _);
        return Encoding.ASCII.TryGetBytes(chars, destination, out bytesWritten);
    }

    public static string ToString(long value, int digits) =>
        value.ToString(new string('0', digits), System.Globalization.CultureInfo.InvariantCulture);
}
