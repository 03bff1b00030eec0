namespace VnTrace.Gs1.Identifiers;

/// <summary>The character sets of GS1 element strings (GS1 General Specifications §7.11, figures 7.11-1 to 7.11-3).</summary>
public static class Gs1Charset
{
    /// <summary>CSET 82, in the order whose index is the character's value for check character pairs (§7.9.5).</summary>
    public const string Cset82 = "!\"%&'()*+,-./0123456789:;<=>?ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz";

    /// <summary>CSET 39: digits, upper case letters, '#', '-' and '/'.</summary>
    public const string Cset39 = "#-/0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

    public static bool IsAllDigits(ReadOnlySpan<char> s) => !s.ContainsAnyExceptInRange('0', '9');

    public static bool IsCset82(char c) => c < 128 && Cset82.Contains(c);

    public static bool IsCset39(char c) => c < 128 && Cset39.Contains(c);

    /// <summary>base64url, the "Z" type of the syntax dictionary (digital signatures, AI 8030).</summary>
    public static bool IsBase64Url(char c) => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '=';

    /// <summary>Names a character so a message is readable even for control characters: 'x' or U+001D.</summary>
    public static string Describe(char c) =>
        c is >= ' ' and < (char)127 ? $"'{c}'" : $"U+{(int)c:X4}";
}
