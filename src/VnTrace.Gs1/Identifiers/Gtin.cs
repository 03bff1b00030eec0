using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;

namespace VnTrace.Gs1.Identifiers;

/// <summary>
/// A Global Trade Item Number (AI 01; GS1 General Specifications §3.2, §4.3.2). GTIN-8, -12 and -13 are held as their zero-padded 14-digit form (the form EPCIS and Digital Link use). A value of this type always has a valid check digit: parse, don't validate twice.
/// </summary>
[JsonConverter(typeof(Gs1KeyJsonConverter<Gtin>))]
public readonly record struct Gtin : ISpanParsable<Gtin>, IGs1Key<Gtin>, ISpanFormattable, IComparable<Gtin>
{
    /// <summary>Digits in the written form.</summary>
    public const int Length = 14;

    private readonly long value;

    private Gtin(long value) => this.value = value;

    /// <summary>The digits, check digit included.</summary>
    public override string ToString() => Gs1KeyDigits.ToString(value, Length);

    public string ToString(string? format, IFormatProvider? formatProvider) => ToString();

    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider) =>
        Gs1KeyDigits.TryFormat(value, Length, destination, out charsWritten);

    public bool TryFormat(Span<byte> utf8Destination, out int bytesWritten, ReadOnlySpan<char> format, IFormatProvider? provider) =>
        Gs1KeyDigits.TryFormat(value, Length, utf8Destination, out bytesWritten);

    public int CompareTo(Gtin other) => value.CompareTo(other.value);

    /// <summary>Parses the digits; the error names the bad character or the wrong check digit and where it is.</summary>
    public static bool TryParse(ReadOnlySpan<char> s, out Gtin result, [NotNullWhen(false)] out Gs1ParseError? error)
    {
        error = Gs1KeyDigits.TryRead(s, "GTIN", [8, 12, 13, 14], out var v);
        result = error is null ? new Gtin(v) : default;
        return error is null;
    }

    public static Gtin Parse(ReadOnlySpan<char> s) =>
        TryParse(s, out var result, out var error) ? result : throw new Gs1FormatException(error);

    public static Gtin Parse(string s) => Parse(s.AsSpan());

    public static Gtin Parse(string s, IFormatProvider? provider) => Parse(s.AsSpan());

    public static Gtin Parse(ReadOnlySpan<char> s, IFormatProvider? provider) => Parse(s);

    public static bool TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out Gtin result) =>
        TryParse(s.AsSpan(), out result, out _);

    public static bool TryParse(ReadOnlySpan<char> s, IFormatProvider? provider, out Gtin result) =>
        TryParse(s, out result, out _);

    /// <summary>Parses UTF-8 digits (a JSON value, a request body) without making a string first.</summary>
    public static bool TryParse(ReadOnlySpan<byte> utf8Text, out Gtin result, [NotNullWhen(false)] out Gs1ParseError? error)
    {
        error = Gs1KeyDigits.TryRead(utf8Text, "GTIN", [8, 12, 13, 14], out var v);
        result = error is null ? new Gtin(v) : default;
        return error is null;
    }

    public static Gtin Parse(ReadOnlySpan<byte> utf8Text, IFormatProvider? provider) =>
        TryParse(utf8Text, out var result, out var error) ? result : throw new Gs1FormatException(error);

    public static bool TryParse(ReadOnlySpan<byte> utf8Text, IFormatProvider? provider, out Gtin result) =>
        TryParse(utf8Text, out result, out _);

    /// <summary>The 3-digit GS1 prefix, which tells the GS1 Member Organisation that allocated the company prefix.</summary>
    public string Gs1Prefix => Identifiers.Gs1Prefix.Of(this);

    /// <summary>The first of the 14 digits: 0 for a trade item, 1–8 for packaging levels, 9 for variable measure.</summary>
    public int IndicatorDigit => (int)(value / 10_000_000_000_000);

    /// <summary>True when the GTIN is a GTIN-8 (six leading zeros in the 14-digit form).</summary>
    public bool IsGtin8 => value < 100_000_000;

    /// <summary>
    /// Splits the GTIN as an EPC URI writes it (GS1 Tag Data Standard §6.3.1): the GS1 Company Prefix, then the item
    /// reference with the indicator digit in front; the check digit is dropped.
    /// </summary>
    public (string CompanyPrefix, string ItemReference) Split(int companyPrefixLength)
    {
        var digits = ToString();
        var (prefix, rest) = Gs1CompanyPrefix.Split(digits.AsSpan(1, 12), companyPrefixLength);
        return (prefix, digits[0] + rest);
    }
}
