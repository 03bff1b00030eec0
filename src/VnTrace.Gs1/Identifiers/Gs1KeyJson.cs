using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace VnTrace.Gs1.Identifiers;

/// <summary>
/// A GS1 key held as a number (<see cref="Gtin"/>, <see cref="Gln"/>, <see cref="Sscc"/>): parsed from and written as
/// its UTF-8 digits, so JSON and HTTP bodies need no intermediate string.
/// </summary>
public interface IGs1Key<TSelf> : IUtf8SpanParsable<TSelf>, IUtf8SpanFormattable where TSelf : struct, IGs1Key<TSelf>
{
    /// <summary>The parse with the reason it failed, as the <c>ReadOnlySpan&lt;char&gt;</c> overload gives it.</summary>
    static abstract bool TryParse(ReadOnlySpan<byte> utf8Text, out TSelf result, [NotNullWhen(false)] out Gs1ParseError? error);
}

/// <summary>
/// System.Text.Json reads and writes a GS1 key as its digit string ("08935049500018"), as a value and as a
/// dictionary key; a bad key fails the read with the parse error's message (wrong length, bad check digit).
/// </summary>
public sealed class Gs1KeyJsonConverter<T> : JsonConverter<T> where T : struct, IGs1Key<T>
{
    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
            throw new JsonException($"A {typeof(T).Name} is a string of digits, not {reader.TokenType}.");
        return Parse(ref reader);
    }

    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
    {
        Span<byte> digits = stackalloc byte[Digits];
        value.TryFormat(digits, out var written, default, null);
        writer.WriteStringValue(digits[..written]);
    }

    public override T ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        Parse(ref reader);

    public override void WriteAsPropertyName(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
    {
        Span<byte> digits = stackalloc byte[Digits];
        value.TryFormat(digits, out var written, default, null);
        writer.WritePropertyName(digits[..written]);
    }

    // The longest key (SSCC) has 18 digits.
    private const int Digits = 18;

    private static T Parse(ref Utf8JsonReader reader)
    {
        // Digits never need escaping; an escaped or split value is unescaped first.
        var ok = reader is { HasValueSequence: false, ValueIsEscaped: false }
            ? T.TryParse(reader.ValueSpan, out var value, out var error)
            : T.TryParse(System.Text.Encoding.UTF8.GetBytes(reader.GetString()!), out value, out error);
        return ok ? value : throw new JsonException(error!.ToString());
    }
}
