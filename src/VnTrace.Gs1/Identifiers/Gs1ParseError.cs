namespace VnTrace.Gs1.Identifiers;

/// <summary>
/// Why a GS1 input was refused: where (zero-based character position and length in the input), what, and for element
/// strings and Digital Links, which Application Identifier. Modelled on the code-plus-position answers of the GS1
/// Barcode Syntax Tests, so a user interface can underline the offending characters.
/// </summary>
/// <remarks>
/// <see cref="Code"/> says what kind of error it is, for callers that branch on it; <see cref="Message"/> is English.
/// <see cref="Position"/> counts in the whole input; a position written inside <see cref="Message"/> counts from the
/// start of the named AI's data ("AI (01) GTIN: check digit 3 at position 13 should be 2").
/// </remarks>
public sealed record Gs1ParseError(Gs1ParseErrorCode Code, int Position, int Length, string Message, string? Ai = null)
{
    public override string ToString() => Ai is null
        ? $"{Message} (position {Position})"
        : $"AI ({Ai}): {Message} (position {Position})";

    internal Gs1ParseError Shift(int offset, string? ai = null) =>
        this with { Position = Position + offset, Ai = Ai ?? ai };
}

/// <summary>Thrown by the <c>Parse</c> methods; carries the same <see cref="Gs1ParseError"/> the <c>TryParse</c> methods return.</summary>
public sealed class Gs1FormatException(Gs1ParseError error) : FormatException(error.ToString())
{
    public Gs1ParseError Error { get; } = error;
}
