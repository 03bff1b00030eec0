namespace VnTrace.Gs1.Identifiers;

/// <summary>
/// Content checks named by the GS1 Barcode Syntax Dictionary ("linters") and the validation of an AI's whole data
/// field against its components. Positions in the errors are relative to the start of the AI's data.
/// </summary>
/// <remarks>
/// Implemented: csum, csumalpha, yymmd0, yymmdd, yyyymmdd, hhmi, hh, mi, ss, zero, nonzero, nozeroprefix,
/// pieceoftotal, yesno, hyphen, pcenc, hasnondigit, winding, latitude, longitude, iso5218.
/// Not checked (they need code lists we do not carry): gcppos1/2 (GS1 Company Prefix table), iso3166, iso3166999,
/// iso3166alpha2, iso4217, iban, mediatype, importeridx, packagetype, couponcode, couponposoffer, posinseqslash.
/// Two-digit years are taken as 2000–2099 for the leap-year check; GS1's sliding century window (§7.12) only
/// matters for 29 February 2100.
/// </remarks>
public static class AiLinters
{
    public const string Csum = "csum";
    public const string CsumAlpha = "csumalpha";

    public static bool IsDate(string linter) => linter is "yymmdd" or "yymmd0" or "yyyymmdd";

    /// <summary>Validates an AI's whole data field: lengths, character sets, then each component's linters.</summary>
    public static Gs1ParseError? Validate(ApplicationIdentifier ai, ReadOnlySpan<char> data)
    {
        var pos = 0;
        foreach (var component in ai.Components)
        {
            if (pos == data.Length && component.Optional)
                break;
            var remaining = data.Length - pos;
            int length;
            if (component.IsFixedLength)
            {
                if (remaining < component.MaxLength)
                    return Error(ai, pos, remaining, Gs1ErrorKind.Length, $"data is {data.Length} characters long; expected {(ai.MinLength == ai.MaxLength ? $"{ai.MaxLength}" : $"at least {pos + component.MaxLength}")}");
                length = component.MaxLength;
            }
            else
            {
                if (remaining < component.MinLength)
                    return Error(ai, pos, 0, Gs1ErrorKind.Missing, "data is missing");
                length = Math.Min(remaining, component.MaxLength);
            }
            var part = data.Slice(pos, length);
            for (var i = 0; i < part.Length; i++)
            {
                if (!Allowed(component.Type, part[i]))
                    return Error(ai, pos + i, 1, Gs1ErrorKind.Character, $"{Gs1Charset.Describe(part[i])} at position {pos + i} is not {TypeName(component.Type)}");
            }
            foreach (var linter in component.Linters)
            {
                if (Lint(linter, part, pos) is { } error)
                    return error with { Message = $"AI ({ai.Code}) {ai.Title}: {error.Message}", Ai = ai.Code };
            }
            pos += length;
        }
        if (pos < data.Length)
            return Error(ai, pos, data.Length - pos, Gs1ErrorKind.Length, $"data is {data.Length} characters long; at most {ai.MaxLength} allowed");
        return null;
    }

    private static Gs1ParseError Error(ApplicationIdentifier ai, int position, int length, Gs1ErrorKind kind, string message) =>
        new(position, length, $"AI ({ai.Code}) {ai.Title}: {message}", ai.Code) { Kind = kind };

    private static bool Allowed(AiCharacterType type, char c) => type switch
    {
        AiCharacterType.Numeric => char.IsAsciiDigit(c),
        AiCharacterType.Cset82 => Gs1Charset.IsCset82(c),
        AiCharacterType.Cset39 => Gs1Charset.IsCset39(c),
        _ => Gs1Charset.IsBase64Url(c),
    };

    private static string TypeName(AiCharacterType type) => type switch
    {
        AiCharacterType.Numeric => "a digit",
        AiCharacterType.Cset82 => "in GS1 character set 82",
        AiCharacterType.Cset39 => "in GS1 character set 39",
        _ => "a base64url character",
    };

    /// <summary>
    /// Runs one named linter on a component that starts at <paramref name="offset"/> of the data field; null when it
    /// passes or is not one we implement.
    /// </summary>
    public static Gs1ParseError? Lint(string linter, ReadOnlySpan<char> s, int offset = 0) => linter switch
    {
        Csum => Gs1CheckDigit.Check(s, offset),
        CsumAlpha => CheckAlphaPair(s, offset),
        "yymmd0" => CheckMonthDay(2000 + Number(s[..2]), s[2..], offset + 2, dayZeroAllowed: true),
        "yymmdd" => CheckMonthDay(2000 + Number(s[..2]), s[2..], offset + 2, dayZeroAllowed: false),
        "yyyymmdd" => CheckMonthDay(Number(s[..4]), s[4..], offset + 4, dayZeroAllowed: false),
        "hhmi" => CheckRange(s[..2], 0, 23, "hour", offset) ?? CheckRange(s[2..], 0, 59, "minute", offset + 2),
        "hh" => CheckRange(s, 0, 23, "hour", offset),
        "mi" => CheckRange(s, 0, 59, "minute", offset),
        "ss" => CheckRange(s, 0, 59, "second", offset),
        "zero" => s is "0" ? null : Fail(offset, s, "should be 0"),
        "nonzero" => s.ContainsAnyExcept('0') ? null : Fail(offset, s, "must not be zero"),
        "nozeroprefix" => s.Length > 1 && s[0] == '0' ? Fail(offset, s, "must not start with 0") : null,
        "pieceoftotal" => CheckPieceOfTotal(s, offset),
        "yesno" => s is "0" or "1" ? null : Fail(offset, s, "should be 0 (no) or 1 (yes)"),
        "hyphen" => s is "-" ? null : Fail(offset, s, "should be '-'"),
        "winding" => s is "0" or "1" or "9" ? null : Fail(offset, s, "should be a winding direction 0, 1 or 9"),
        "iso5218" => s is "0" or "1" or "2" or "9" ? null : Fail(offset, s, "should be a sex code 0, 1, 2 or 9 (ISO/IEC 5218)"),
        "latitude" => CheckRange(s, 0, 1_800_000_000, "latitude", offset),
        "longitude" => CheckRange(s, 0, 3_600_000_000, "longitude", offset),
        "pcenc" => CheckPercentEncoding(s, offset),
        "hasnondigit" => Gs1Charset.IsAllDigits(s) ? Fail(offset, s, "must contain a non-digit character") : null,
        _ => null,
    };

    private static Gs1ParseError Fail(int offset, ReadOnlySpan<char> s, string message) =>
        new(offset, s.Length, $"'{s}' at position {offset} {message}");

    private static Gs1ParseError? CheckAlphaPair(ReadOnlySpan<char> s, int offset)
    {
        if (s.Length < 3)
            return new Gs1ParseError(offset, s.Length, "too short to carry a check character pair") { Kind = Gs1ErrorKind.Length };
        var expected = Gs1CheckDigit.ComputeAlphaPair(s[..^2]);
        var at = offset + s.Length - 2;
        return s[^2..].SequenceEqual(expected)
            ? null
            : new Gs1ParseError(at, 2, $"check characters {s[^2..]} at position {at} should be {expected}") { Kind = Gs1ErrorKind.CheckDigit };
    }

    private static Gs1ParseError? CheckMonthDay(int year, ReadOnlySpan<char> monthDay, int offset, bool dayZeroAllowed)
    {
        var month = Number(monthDay[..2]);
        if (month is < 1 or > 12)
            return new Gs1ParseError(offset, 2, $"month {monthDay[..2]} at position {offset} is not 01–12") { Kind = Gs1ErrorKind.Date };
        var day = Number(monthDay[2..4]);
        if (day == 0 && dayZeroAllowed)
            return null;
        if (day < 1 || day > DateTime.DaysInMonth(year, month))
            return new Gs1ParseError(offset + 2, 2, $"day {monthDay[2..4]} at position {offset + 2} is not a day of {year:D4}-{month:D2}{(dayZeroAllowed ? " (00 would mean the whole month)" : "")}") { Kind = Gs1ErrorKind.Date };
        return null;
    }

    private static Gs1ParseError? CheckRange(ReadOnlySpan<char> s, long min, long max, string what, int offset)
    {
        var value = long.Parse(s, System.Globalization.CultureInfo.InvariantCulture);
        return value < min || value > max
            ? new Gs1ParseError(offset, s.Length, $"{what} {s} at position {offset} is out of range {min}–{max}")
            : null;
    }

    private static Gs1ParseError? CheckPieceOfTotal(ReadOnlySpan<char> s, int offset)
    {
        var piece = Number(s[..2]);
        var total = Number(s[2..]);
        if (piece == 0 || total == 0 || piece > total)
            return new Gs1ParseError(offset, 4, $"piece {s[..2]} of total {s[2..]} at position {offset} is not a piece number between 01 and the total");
        return null;
    }

    private static Gs1ParseError? CheckPercentEncoding(ReadOnlySpan<char> s, int offset)
    {
        for (var i = 0; i < s.Length; i++)
        {
            if (s[i] == '%' && (i + 2 >= s.Length || !char.IsAsciiHexDigit(s[i + 1]) || !char.IsAsciiHexDigit(s[i + 2])))
                return new Gs1ParseError(offset + i, 1, $"'%' at position {offset + i} does not start a %XX escape") { Kind = Gs1ErrorKind.Character };
        }
        return null;
    }

    private static int Number(ReadOnlySpan<char> digits) => int.Parse(digits, System.Globalization.CultureInfo.InvariantCulture);
}
