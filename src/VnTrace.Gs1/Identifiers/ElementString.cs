using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace VnTrace.Gs1.Identifiers;

/// <summary>
/// A GS1 element string: a sequence of AIs and their data (GS1 General Specifications §7.8), as printed under a
/// barcode in brackets, <c>(01)09506000134352(17)201225(10)ABC123</c>, or as a scanner sends it: optional symbology
/// identifier (<c>]C1</c>, <c>]d2</c>, <c>]Q3</c>, …), elements run together, variable-length ones ended by GS (FNC1).
/// Every element has been checked against the AI table: format, check digits, dates, and the pairing rules of the
/// whole string (AIs it requires, AIs it excludes; see <see cref="AiPairingRules"/>).
/// </summary>
public sealed record ElementString(IReadOnlyList<AiElement> Elements)
{
    /// <summary>Group Separator, the character scanners send for FNC1 after a variable-length element.</summary>
    public const char GroupSeparator = '\u001d';

    /// <summary>Bracketed form; a '(' inside data is written <c>\(</c> as the GS1 Barcode Syntax Engine does.</summary>
    public string ToBracketed()
    {
        var sb = new StringBuilder();
        foreach (var (ai, value) in Elements)
            sb.Append('(').Append(ai).Append(')').Append(value.Replace("(", "\\(", StringComparison.Ordinal));
        return sb.ToString();
    }

    /// <summary>
    /// Scanner form: elements run together, a separator after each element whose AI needs FNC1 unless it is last
    /// (GS1 General Specifications §7.8.5), preceded by <paramref name="symbologyIdentifier"/> when given.
    /// </summary>
    public string ToRaw(string symbologyIdentifier = "", char separator = GroupSeparator)
    {
        var sb = new StringBuilder(symbologyIdentifier);
        for (var i = 0; i < Elements.Count; i++)
        {
            var (ai, value) = Elements[i];
            sb.Append(ai).Append(value);
            if (i < Elements.Count - 1 && ApplicationIdentifierTable.Get(ai).RequiresFnc1)
                sb.Append(separator);
        }
        return sb.ToString();
    }

    public override string ToString() => ToBracketed();

    public bool Equals(ElementString? other) => other is not null && Elements.SequenceEqual(other.Elements);

    public override int GetHashCode() => ToBracketed().GetHashCode(StringComparison.Ordinal);

    /// <summary>The value of the first element with this AI, or null.</summary>
    public string? this[string ai] => Elements.FirstOrDefault(e => e.Ai == ai).Value;

    /// <summary>Reads bracketed input when it starts with '(', else scanner input.</summary>
    public static bool TryParse(string s, [NotNullWhen(true)] out ElementString? result, [NotNullWhen(false)] out Gs1ParseError? error) =>
        s.StartsWith('(') ? TryParseBracketed(s, out result, out error) : TryParseRaw(s, out result, out error);

    public static ElementString Parse(string s) =>
        TryParse(s, out var result, out var error) ? result : throw new Gs1FormatException(error);

    public static bool TryParseBracketed(string s, [NotNullWhen(true)] out ElementString? result, [NotNullWhen(false)] out Gs1ParseError? error)
    {
        result = null;
        var elements = new List<AiElement>();
        var where = new List<(int, int)>();
        var pos = 0;
        if (s.Length == 0)
        {
            error = new Gs1ParseError(Gs1ParseErrorCode.Empty, 0, 0, "the element string is empty");
            return false;
        }
        while (pos < s.Length)
        {
            if (s[pos] != '(')
            {
                error = new Gs1ParseError(Gs1ParseErrorCode.ElementStringSyntax, pos, 1, $"{Gs1Charset.Describe(s[pos])} at position {pos}: expected '(' to open an AI");
                return false;
            }
            var close = s.IndexOf(')', pos);
            if (close < 0)
            {
                error = new Gs1ParseError(Gs1ParseErrorCode.ElementStringSyntax, pos, s.Length - pos, $"the '(' at position {pos} is never closed");
                return false;
            }
            var code = s.AsSpan(pos + 1, close - pos - 1);
            if (!ApplicationIdentifierTable.TryGet(code, out var ai))
            {
                error = new Gs1ParseError(Gs1ParseErrorCode.UnknownAi, pos + 1, code.Length, $"'{code}' at position {pos + 1} is not a GS1 Application Identifier");
                return false;
            }
            var start = close + 1;
            var value = new StringBuilder();
            var end = start;
            while (end < s.Length && s[end] != '(')
            {
                if (s[end] == '\\' && end + 1 < s.Length && s[end + 1] == '(')
                    end++;
                value.Append(s[end]);
                end++;
            }
            if (!TryAdd(elements, ai, value.ToString(), start, out error))
                return false;
            where.Add((pos + 1, code.Length));
            pos = end;
        }
        return TryComplete(elements, where, out result, out error);
    }

    public static bool TryParseRaw(string s, [NotNullWhen(true)] out ElementString? result, [NotNullWhen(false)] out Gs1ParseError? error)
    {
        result = null;
        var pos = 0;
        // Symbology identifier (ISO/IEC 15424): ']' + letter + modifier, e.g. ]C1 GS1-128, ]d2 GS1 DataMatrix, ]Q3 GS1 QR.
        if (s.StartsWith(']'))
        {
            if (s.Length < 3 || !char.IsAsciiLetter(s[1]) || !char.IsAsciiLetterOrDigit(s[2]))
            {
                error = new Gs1ParseError(Gs1ParseErrorCode.ElementStringSyntax, 0, Math.Min(3, s.Length), "']' at position 0 does not start a symbology identifier such as ]C1, ]d2 or ]Q3");
                return false;
            }
            pos = 3;
        }
        if (pos < s.Length && s[pos] == GroupSeparator)
            pos++;
        if (pos >= s.Length)
        {
            error = new Gs1ParseError(Gs1ParseErrorCode.Empty, pos, 0, "the element string is empty");
            return false;
        }
        var elements = new List<AiElement>();
        var where = new List<(int, int)>();
        while (pos < s.Length)
        {
            if (!ApplicationIdentifierTable.TryMatchPrefix(s.AsSpan(pos), out var ai))
            {
                var shown = s.AsSpan(pos, Math.Min(4, s.Length - pos));
                error = new Gs1ParseError(Gs1ParseErrorCode.UnknownAi, pos, shown.Length, $"no GS1 Application Identifier starts at position {pos} ('{Printable(shown)}')");
                return false;
            }
            var start = pos + ai.Code.Length;
            int end;
            if (!ai.RequiresFnc1)
            {
                // Predefined-length AIs (GS1 General Specifications Figure 7.8.5-1) never end with a separator.
                end = Math.Min(start + ai.MaxLength, s.Length);
            }
            else
            {
                end = s.IndexOf(GroupSeparator, start);
                if (end < 0)
                    end = s.Length;
                if (end - start > ai.MaxLength)
                {
                    error = new Gs1ParseError(Gs1ParseErrorCode.TooLong, start + ai.MaxLength, end - start - ai.MaxLength,
                        $"AI ({ai.Code}) {ai.Title}: data runs past its maximum of {ai.MaxLength} characters at position {start + ai.MaxLength}; is a GS separator missing?", ai.Code);
                    return false;
                }
            }
            if (!TryAdd(elements, ai, s[start..end], start, out error))
                return false;
            where.Add((pos, ai.Code.Length));
            pos = end;
            if (pos < s.Length && s[pos] == GroupSeparator)
            {
                pos++;
                if (pos == s.Length)
                {
                    error = new Gs1ParseError(Gs1ParseErrorCode.ElementStringSyntax, pos - 1, 1, $"the element string ends with a separator at position {pos - 1}");
                    return false;
                }
            }
        }
        return TryComplete(elements, where, out result, out error);
    }

    /// <summary>The AIs' pairing rules over the whole string (GS1 General Specifications §4.14), then the result.</summary>
    private static bool TryComplete(List<AiElement> elements, List<(int, int)> where, [NotNullWhen(true)] out ElementString? result, [NotNullWhen(false)] out Gs1ParseError? error)
    {
        error = AiPairingRules.Check(elements, where);
        result = error is null ? new ElementString(elements) : null;
        return error is null;
    }

    private static bool TryAdd(List<AiElement> elements, ApplicationIdentifier ai, string value, int start, [NotNullWhen(false)] out Gs1ParseError? error)
    {
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] == GroupSeparator)
            {
                error = new Gs1ParseError(Gs1ParseErrorCode.ElementStringSyntax, start + i, 1, $"AI ({ai.Code}) {ai.Title}: unexpected separator at position {start + i}", ai.Code);
                return false;
            }
        }
        if (AiLinters.Validate(ai, value) is { } invalid)
        {
            error = invalid with { Position = start + invalid.Position };
            return false;
        }
        // The same AI twice with different data is contradictory (GS1 General Specifications §4.14.1).
        foreach (var e in elements)
        {
            if (e.Ai == ai.Code && e.Value != value)
            {
                error = new Gs1ParseError(Gs1ParseErrorCode.DuplicateAi, start, value.Length, $"AI ({ai.Code}) appears twice with different data", ai.Code);
                return false;
            }
        }
        elements.Add(new AiElement(ai.Code, value));
        error = null;
        return true;
    }

    private static string Printable(ReadOnlySpan<char> s)
    {
        var sb = new StringBuilder();
        foreach (var c in s)
            sb.Append(c is >= ' ' and < (char)127 ? c.ToString() : $"\\u{(int)c:X4}");
        return sb.ToString();
    }
}
