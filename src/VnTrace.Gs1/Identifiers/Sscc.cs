using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;

namespace VnTrace.Gs1.Identifiers;

/// <summary>
/// A Serial Shipping Container Code (AI 00; GS1 General Specifications §4.5.2). A value of this type always has a valid check digit: parse, don't validate twice.
/// </summary>
[JsonConverter(typeof(Gs1KeyJsonConverter<Sscc>))]
public readonly record struct Sscc : ISpanParsable<Sscc>, IGs1Key<Sscc>, ISpanFormattable, IComparable<Sscc>
{
    /// <summary>Digits in the written form.</summary>
    public const int Length = 18;

    private readonly long value;

    private Sscc(long value) => this.value = value;

    /// <summary>The digits, check digit included.</summary>
    public override string ToString() => Gs1KeyDigits.ToString(value, Length);

    public string ToString(string? format, IFormatProvider? formatProvider) => ToString();

    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider) =>
        Gs1KeyDigits.TryFormat(value, Length, destination, out charsWritten);

    public bool TryFormat(Span<byte> utf8Destination, out int bytesWritten, ReadOnlySpan<char> format, IFormatProvider? provider) =>
        Gs1KeyDigits.TryFormat(value, Length, utf8Destination, out bytesWritten);

    public int CompareTo(Sscc other) => value.CompareTo(other.value);

    /// <summary>Parses the digits; the error names the bad character or the wrong check digit and where it is.</summary>
    public static bool TryParse(ReadOnlySpan<char> s, out Sscc result, [NotNullWhen(false)] out Gs1ParseError? error)
    {
        error = Gs1KeyDigits.TryRead(s, "SSCC", [18], out var v);
        result = error is null ? new Sscc(v) : default;
        return error is null;
    }

    public static Sscc Parse(ReadOnlySpan<char> s) =>
        TryParse(s, out var result, out var error) ? result : throw new Gs1FormatException(error);

    public static Sscc Parse(string s) => Parse(s.AsSpan());

    public static Sscc Parse(string s, IFormatProvider? provider) => Parse(s.AsSpan());

    public static Sscc Parse(ReadOnlySpan<char> s, IFormatProvider? provider) => Parse(s);

    public static bool TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out Sscc result) =>
        TryParse(s.AsSpan(), out result, out _);

    public static bool TryParse(ReadOnlySpan<char> s, IFormatProvider? provider, out Sscc result) =>
        TryParse(s, out result, out _);

    /// <summary>Parses UTF-8 digits (a JSON value, a request body) without making a string first.</summary>
    public static bool TryParse(ReadOnlySpan<byte> utf8Text, out Sscc result, [NotNullWhen(false)] out Gs1ParseError? error)
    {
        error = Gs1KeyDigits.TryRead(utf8Text, "SSCC", [18], out var v);
        result = error is null ? new Sscc(v) : default;
        return error is null;
    }

    public static Sscc Parse(ReadOnlySpan<byte> utf8Text, IFormatProvider? provider) =>
        TryParse(utf8Text, out var result, out var error) ? result : throw new Gs1FormatException(error);

    public static bool TryParse(ReadOnlySpan<byte> utf8Text, IFormatProvider? provider, out Sscc result) =>
        TryParse(utf8Text, out result, out _);

    /// <summary>The 3-digit GS1 prefix, which tells the GS1 Member Organisation that allocated the company prefix.</summary>
    public string Gs1Prefix => Identifiers.Gs1Prefix.Of(this);

    /// <summary>The extension digit in front of the company prefix.</summary>
    public int ExtensionDigit => (int)(value / 100_000_000_000_000_000);

    /// <summary>
    /// Splits the SSCC as an EPC URI writes it (GS1 Tag Data Standard §6.3.2): the GS1 Company Prefix, then the
    /// serial reference with the extension digit in front; the check digit is dropped.
    /// </summary>
    public (string CompanyPrefix, string SerialReference) Split(int companyPrefixLength)
    {
        var digits = ToString();
        var (prefix, rest) = Gs1CompanyPrefix.Split(digits.AsSpan(1, 16), companyPrefixLength);
        return (prefix, digits[0] + rest);
    }
}
