using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;

namespace VnTrace.Gs1.Identifiers;

/// <summary>
/// A Global Location Number (AI 414 and 410–417; GS1 General Specifications §4.5). A value of this type always has a valid check digit: parse, don't validate twice.
/// </summary>
[JsonConverter(typeof(Gs1KeyJsonConverter<Gln>))]
public readonly record struct Gln : ISpanParsable<Gln>, IGs1Key<Gln>, ISpanFormattable, IComparable<Gln>
{
    /// <summary>Digits in the written form.</summary>
    public const int Length = 13;

    private readonly long value;

    private Gln(long value) => this.value = value;

    /// <summary>The digits, check digit included.</summary>
    public override string ToString() => Gs1KeyDigits.ToString(value, Length);

    public string ToString(string? format, IFormatProvider? formatProvider) => ToString();

    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider) =>
        Gs1KeyDigits.TryFormat(value, Length, destination, out charsWritten);

    public bool TryFormat(Span<byte> utf8Destination, out int bytesWritten, ReadOnlySpan<char> format, IFormatProvider? provider) =>
        Gs1KeyDigits.TryFormat(value, Length, utf8Destination, out bytesWritten);

    public int CompareTo(Gln other) => value.CompareTo(other.value);

    /// <summary>Parses the digits; the error names the bad character or the wrong check digit and where it is.</summary>
    public static bool TryParse(ReadOnlySpan<char> s, out Gln result, [NotNullWhen(false)] out Gs1ParseError? error)
    {
        error = Gs1KeyDigits.TryRead(s, "GLN", [13], out var v);
        result = error is null ? new Gln(v) : default;
        return error is null;
    }

    public static Gln Parse(ReadOnlySpan<char> s) =>
        TryParse(s, out var result, out var error) ? result : throw new Gs1FormatException(error);

    public static Gln Parse(string s) => Parse(s.AsSpan());

    public static Gln Parse(string s, IFormatProvider? provider) => Parse(s.AsSpan());

    public static Gln Parse(ReadOnlySpan<char> s, IFormatProvider? provider) => Parse(s);

    public static bool TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out Gln result) =>
        TryParse(s.AsSpan(), out result, out _);

    public static bool TryParse(ReadOnlySpan<char> s, IFormatProvider? provider, out Gln result) =>
        TryParse(s, out result, out _);

    /// <summary>Parses UTF-8 digits (a JSON value, a request body) without making a string first.</summary>
    public static bool TryParse(ReadOnlySpan<byte> utf8Text, out Gln result, [NotNullWhen(false)] out Gs1ParseError? error)
    {
        error = Gs1KeyDigits.TryRead(utf8Text, "GLN", [13], out var v);
        result = error is null ? new Gln(v) : default;
        return error is null;
    }

    public static Gln Parse(ReadOnlySpan<byte> utf8Text, IFormatProvider? provider) =>
        TryParse(utf8Text, out var result, out var error) ? result : throw new Gs1FormatException(error);

    public static bool TryParse(ReadOnlySpan<byte> utf8Text, IFormatProvider? provider, out Gln result) =>
        TryParse(utf8Text, out result, out _);

    /// <summary>The 3-digit GS1 prefix, which tells the GS1 Member Organisation that allocated the company prefix.</summary>
    public string Gs1Prefix => Identifiers.Gs1Prefix.Of(this);

    /// <summary>Splits the GLN as an EPC URI writes it: GS1 Company Prefix and location reference, check digit dropped.</summary>
    public (string CompanyPrefix, string LocationReference) Split(int companyPrefixLength) =>
        Gs1CompanyPrefix.Split(ToString().AsSpan(0, 12), companyPrefixLength);
}
