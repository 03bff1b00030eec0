namespace VnTrace.Gs1.Identifiers;

/// <summary>
/// Why a GS1 input was refused: where (zero-based character position and length in the input), what, and for element
/// strings and Digital Links, which Application Identifier. Modelled on the code-plus-position answers of the GS1
/// Barcode Syntax Tests, so a user interface can underline the offending characters.
/// </summary>
/// <remarks>
/// <see cref="Position"/> counts in the whole input; a position written inside <see cref="Message"/> counts from the
/// start of the named AI's data ("AI (01) GTIN: check digit 3 at position 13 should be 2").
/// </remarks>
public sealed record Gs1ParseError(int Position, int Length, string Message, string? Ai = null)
{
    /// <summary>What kind of mistake, for a user interface to say it in its own words; <see cref="Gs1ErrorKind.Other"/> when none says more.</summary>
    public Gs1ErrorKind Kind { get; init; }

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

/// <summary>The kinds of mistake people make in codes, which a user interface words in its own language.</summary>
public enum Gs1ErrorKind
{
    Other,
    /// <summary>A check digit (or check character pair) that does not match the digits before it.</summary>
    CheckDigit,
    /// <summary>A character the field does not allow (a letter in a GTIN, a space in a URI).</summary>
    Character,
    /// <summary>Too few or too many characters.</summary>
    Length,
    /// <summary>An AI's data is missing.</summary>
    Missing,
    /// <summary>Not a GS1 Application Identifier, or one not allowed where it stands.</summary>
    UnknownAi,
    /// <summary>The path holds no GS1 primary key (/01/ and a GTIN…).</summary>
    NoPrimaryKey,
    /// <summary>Not a web address (https://…).</summary>
    NotALink,
    /// <summary>A compressed Digital Link, which is not read.</summary>
    Compressed,
    /// <summary>A date that does not exist (month 13, 30 February).</summary>
    Date,
}
