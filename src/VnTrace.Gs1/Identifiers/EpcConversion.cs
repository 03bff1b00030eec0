using System.Diagnostics.CodeAnalysis;

namespace VnTrace.Gs1.Identifiers;

/// <summary>
/// EPC URI ↔ GS1 Digital Link, scheme by scheme (GS1 Tag Data Standard 2.x §6.3 and §7, the EPC URI to
/// element string rules). Each EPC field is checked by building the AI data and validating it with the AI table.
/// </summary>
internal static class EpcConversion
{
    private const string Prefix = "urn:epc:";

    public static bool TryParse(string s, [NotNullWhen(true)] out EpcUri? epc, [NotNullWhen(false)] out Gs1ParseError? error)
    {
        epc = null;
        if (!s.StartsWith(Prefix, StringComparison.Ordinal))
        {
            error = new Gs1ParseError(Gs1ParseErrorCode.EpcUriSyntax, 0, Math.Min(s.Length, Prefix.Length), "an EPC URI starts with urn:epc:");
            return false;
        }
        var kindEnd = s.IndexOf(':', Prefix.Length);
        var schemeEnd = kindEnd < 0 ? -1 : s.IndexOf(':', kindEnd + 1);
        if (schemeEnd < 0)
        {
            error = new Gs1ParseError(Gs1ParseErrorCode.EpcUriSyntax, Prefix.Length, s.Length - Prefix.Length, "an EPC URI has the form urn:epc:id:scheme:fields");
            return false;
        }
        EpcUriKind? kind = s[Prefix.Length..kindEnd] switch
        {
            "id" => EpcUriKind.Id,
            "class" => EpcUriKind.Class,
            "idpat" => EpcUriKind.IdPattern,
            _ => null,
        };
        if (kind is null)
        {
            error = new Gs1ParseError(Gs1ParseErrorCode.EpcUriSyntax, Prefix.Length, kindEnd - Prefix.Length, $"'{s[Prefix.Length..kindEnd]}' is not id, class or idpat");
            return false;
        }
        var scheme = s[(kindEnd + 1)..schemeEnd];
        var fields = new List<string>();
        var pos = schemeEnd + 1;
        // Only the last field may hold '.', e.g. a serial (GS1 Tag Data Standard §6.3): split into the scheme's count.
        foreach (var raw in s[pos..].Split('.', FieldCount(scheme)))
        {
            if (!UriEscaping.TryPercentDecode(raw, out var field, out var bad))
            {
                error = new Gs1ParseError(Gs1ParseErrorCode.BadPercentEncoding, pos + bad, 1, $"'%' at position {pos + bad} does not start a %XX escape");
                return false;
            }
            for (var i = 0; i < raw.Length; i++)
            {
                if (raw[i] is ' ' or '/' or '?' or '#' or '"' or '<' or '>' or '&')
                {
                    error = new Gs1ParseError(Gs1ParseErrorCode.InvalidCharacter, pos + i, 1, $"{Gs1Charset.Describe(raw[i])} at position {pos + i} must be %-escaped in an EPC URI");
                    return false;
                }
            }
            fields.Add(field);
            pos += raw.Length + 1;
        }
        epc = new EpcUri { Kind = kind.Value, Scheme = scheme, Fields = fields };
        if (!TryToDigitalLink(epc, out _, out error))
        {
            error = error with { Position = error.Position == 0 ? schemeEnd + 1 : error.Position, Length = error.Length == 0 ? s.Length - schemeEnd - 1 : error.Length };
            epc = null;
            return false;
        }
        return true;
    }

    private static int FieldCount(string scheme) => scheme switch
    {
        "sscc" or "giai" or "gsrn" or "gsrnp" or "ginc" or "gsin" or "pgln" => 2,
        "itip" => 5,
        _ => 3,
    };

    public static bool TryToDigitalLink(EpcUri epc, [NotNullWhen(true)] out DigitalLink? link, [NotNullWhen(false)] out Gs1ParseError? error)
    {
        link = null;
        var f = epc.Fields;
        var pattern = epc.Kind == EpcUriKind.IdPattern;
        var name = $"urn:epc:{(epc.Kind switch { EpcUriKind.Id => "id", EpcUriKind.Class => "class", _ => "idpat" })}:{epc.Scheme}";
        var elements = new List<AiElement>();
        error = (epc.Kind, epc.Scheme) switch
        {
            (EpcUriKind.Id, "sgtin") => Gtin(f, 3, elements, ("21", 2)),
            (EpcUriKind.IdPattern, "sgtin") => Gtin(f, 3, elements, null),
            (EpcUriKind.Class, "lgtin") => Gtin(f, 3, elements, ("10", 2)),
            (EpcUriKind.Id, "upui") => Gtin(f, 3, elements, ("235", 2)),
            (EpcUriKind.Id, "sscc") => WithCheckDigit(f, 2, "00", 17, indicatorFirst: true, elements),
            (EpcUriKind.Id, "sgln") => Sgln(f, elements),
            (EpcUriKind.Id, "pgln") => WithCheckDigit(f, 2, "417", 12, false, elements),
            (EpcUriKind.Id, "gsrn") => WithCheckDigit(f, 2, "8018", 17, false, elements),
            (EpcUriKind.Id, "gsrnp") => WithCheckDigit(f, 2, "8017", 17, false, elements),
            (EpcUriKind.Id, "gsin") => WithCheckDigit(f, 2, "402", 16, false, elements),
            (EpcUriKind.Id or EpcUriKind.IdPattern, "grai") => SerialisedKey(f, "8003", "0", elements, pattern),
            (EpcUriKind.Id or EpcUriKind.IdPattern, "gdti") => SerialisedKey(f, "253", "", elements, pattern),
            (EpcUriKind.Id or EpcUriKind.IdPattern, "sgcn") => SerialisedKey(f, "255", "", elements, pattern),
            (EpcUriKind.Id, "giai") => Concatenated(f, "8004", elements),
            (EpcUriKind.Id, "ginc") => Concatenated(f, "401", elements),
            (EpcUriKind.Id or EpcUriKind.IdPattern, "cpi") => Cpi(f, elements, pattern),
            (EpcUriKind.Id or EpcUriKind.IdPattern, "itip") => Itip(f, elements, pattern),
            _ => new Gs1ParseError(Gs1ParseErrorCode.NoEquivalent, 0, 0, $"{name} has no GS1 Digital Link form"),
        };
        if (error is not null)
        {
            error = error with { Message = $"{name}: {error.Message}" };
            return false;
        }
        foreach (var e in elements)
        {
            if (AiLinters.Validate(ApplicationIdentifierTable.Get(e.Ai), e.Value) is { } invalid)
            {
                error = invalid with { Position = 0, Length = 0, Message = $"{name}: {invalid.Message}", Ai = e.Ai };
                return false;
            }
        }
        link = new DigitalLink { PrimaryKey = elements[0], Qualifiers = elements[1..] };
        return true;
    }

    private static Gs1ParseError? Count(IReadOnlyList<string> f, int count) =>
        f.Count == count ? null : new Gs1ParseError(Gs1ParseErrorCode.EpcUriSyntax, 0, 0, $"has {f.Count} dot-separated fields; expected {count}");

    /// <summary>Company prefix plus a numeric reference of together <paramref name="digits"/> digits.</summary>
    private static Gs1ParseError? Digits(string companyPrefix, string reference, int digits)
    {
        if (companyPrefix.Length is < Gs1CompanyPrefix.MinLength or > Gs1CompanyPrefix.MaxLength || !Gs1Charset.IsAllDigits(companyPrefix))
            return new Gs1ParseError(Gs1ParseErrorCode.WrongLength, 0, 0, $"company prefix '{companyPrefix}' is not 6 to 12 digits");
        if (!Gs1Charset.IsAllDigits(reference) || companyPrefix.Length + reference.Length != digits)
            return new Gs1ParseError(Gs1ParseErrorCode.WrongLength, 0, 0, $"company prefix '{companyPrefix}' and reference '{reference}' should be {digits} digits together");
        return null;
    }

    private static bool IsStar(string field) => field == "*";

    private static Gs1ParseError? Gtin(IReadOnlyList<string> f, int count, List<AiElement> elements, (string Ai, int Field)? qualifier)
    {
        if ((Count(f, count) ?? Digits(f[0], f[1], 13)) is { } error)
            return error;
        var body = f[1][..1] + f[0] + f[1][1..];
        elements.Add(new AiElement("01", body + Gs1CheckDigit.ComputeChar(body)));
        if (qualifier is { } q)
        {
            elements.Add(new AiElement(q.Ai, f[q.Field]));
        }
        else if (!IsStar(f[2]))
        {
            return new Gs1ParseError(Gs1ParseErrorCode.EpcUriSyntax, 0, 0, "only the CompanyPrefix.ItemRef.* pattern has a Digital Link form");
        }
        return null;
    }

    private static Gs1ParseError? WithCheckDigit(IReadOnlyList<string> f, int count, string ai, int digits, bool indicatorFirst, List<AiElement> elements)
    {
        if ((Count(f, count) ?? Digits(f[0], f[1], digits)) is { } error)
            return error;
        var body = indicatorFirst ? f[1][..1] + f[0] + f[1][1..] : f[0] + f[1];
        elements.Add(new AiElement(ai, body + Gs1CheckDigit.ComputeChar(body)));
        return null;
    }

    private static Gs1ParseError? Sgln(IReadOnlyList<string> f, List<AiElement> elements)
    {
        if ((Count(f, 3) ?? Digits(f[0], f[1], 12)) is { } error)
            return error;
        var body = f[0] + f[1];
        elements.Add(new AiElement("414", body + Gs1CheckDigit.ComputeChar(body)));
        // Extension "0" means the GLN itself (GS1 Tag Data Standard §6.3.3).
        if (f[2] != "0")
            elements.Add(new AiElement("254", f[2]));
        return null;
    }

    /// <summary>GRAI, GDTI, GCN: company prefix + type digits (12), check digit, then the serial in the same AI.</summary>
    private static Gs1ParseError? SerialisedKey(IReadOnlyList<string> f, string ai, string lead, List<AiElement> elements, bool pattern)
    {
        if ((Count(f, 3) ?? Digits(f[0], f[1], 12)) is { } error)
            return error;
        var body = f[0] + f[1];
        var serial = f[2];
        if (pattern && !IsStar(serial))
            return new Gs1ParseError(Gs1ParseErrorCode.EpcUriSyntax, 0, 0, "a pattern ends in '*'");
        elements.Add(new AiElement(ai, lead + body + Gs1CheckDigit.ComputeChar(body) + (pattern ? "" : serial)));
        return null;
    }

    private static Gs1ParseError? Concatenated(IReadOnlyList<string> f, string ai, List<AiElement> elements)
    {
        if ((Count(f, 2) ?? Digits(f[0], "", f[0].Length)) is { } error)
            return error;
        elements.Add(new AiElement(ai, f[0] + f[1]));
        return null;
    }

    private static Gs1ParseError? Cpi(IReadOnlyList<string> f, List<AiElement> elements, bool pattern)
    {
        if ((Count(f, 3) ?? Digits(f[0], "", f[0].Length)) is { } error)
            return error;
        if (pattern && !IsStar(f[2]))
            return new Gs1ParseError(Gs1ParseErrorCode.EpcUriSyntax, 0, 0, "a pattern ends in '*'");
        elements.Add(new AiElement("8010", f[0] + f[1]));
        if (!pattern)
            elements.Add(new AiElement("8011", f[2]));
        return null;
    }

    private static Gs1ParseError? Itip(IReadOnlyList<string> f, List<AiElement> elements, bool pattern)
    {
        if ((Count(f, 5) ?? Digits(f[0], f[1], 13)) is { } error)
            return error;
        if (pattern && !IsStar(f[4]))
            return new Gs1ParseError(Gs1ParseErrorCode.EpcUriSyntax, 0, 0, "a pattern ends in '*'");
        var body = f[1][..1] + f[0] + f[1][1..];
        elements.Add(new AiElement("8006", body + Gs1CheckDigit.ComputeChar(body) + f[2] + f[3]));
        if (!pattern)
            elements.Add(new AiElement("21", f[4]));
        return null;
    }

    public static bool TryFromDigitalLink(DigitalLink link, int? companyPrefixLength, [NotNullWhen(true)] out EpcUri? epc, [NotNullWhen(false)] out Gs1ParseError? error)
    {
        epc = null;
        error = null;
        var key = link.PrimaryKey.Value;
        if (companyPrefixLength is < Gs1CompanyPrefix.MinLength or > Gs1CompanyPrefix.MaxLength)
        {
            error = new Gs1ParseError(Gs1ParseErrorCode.WrongLength, 0, 0, $"a GS1 Company Prefix has 6 to 12 digits, not {companyPrefixLength}");
            return false;
        }
        var q = link.Qualifiers.ToDictionary(e => e.Ai, e => e.Value);
        if (q.ContainsKey("22") || q.ContainsKey("7040"))
        {
            error = new Gs1ParseError(Gs1ParseErrorCode.NoEquivalent, 0, 0, $"AI ({(q.ContainsKey("22") ? "22" : "7040")}) has no place in an EPC URI");
            return false;
        }
        // Where the company prefix starts in the key: after the indicator / extension digit (GTIN, SSCC, ITIP),
        // after the leading 0 of the GRAI, else at the start.
        var start = link.PrimaryKey.Ai is "01" or "00" or "8006" or "8003" ? 1 : 0;
        var cp = Gs1CompanyPrefix.LengthFor(key.AsSpan(start), companyPrefixLength);
        (EpcUriKind Kind, string Scheme, string[] Fields)? result = link.PrimaryKey.Ai switch
        {
            "01" when q.ContainsKey("235") => (EpcUriKind.Id, "upui", [.. GtinFields(key, cp), q["235"]]),
            "01" when q.ContainsKey("21") => (EpcUriKind.Id, "sgtin", [.. GtinFields(key, cp), q["21"]]),
            "01" when q.ContainsKey("10") => (EpcUriKind.Class, "lgtin", [.. GtinFields(key, cp), q["10"]]),
            "01" => (EpcUriKind.IdPattern, "sgtin", [.. GtinFields(key, cp), "*"]),
            "00" => (EpcUriKind.Id, "sscc", [key[1..(1 + cp)], key[..1] + key[(1 + cp)..17]]),
            "414" => (EpcUriKind.Id, "sgln", [key[..cp], key[cp..12], q.GetValueOrDefault("254", "0")]),
            "417" => (EpcUriKind.Id, "pgln", [key[..cp], key[cp..12]]),
            "8017" => (EpcUriKind.Id, "gsrnp", [key[..cp], key[cp..17]]),
            "8018" => (EpcUriKind.Id, "gsrn", [key[..cp], key[cp..17]]),
            "402" => (EpcUriKind.Id, "gsin", [key[..cp], key[cp..16]]),
            "8004" => (EpcUriKind.Id, "giai", [key[..Math.Min(cp, key.Length)], key[Math.Min(cp, key.Length)..]]),
            "401" => (EpcUriKind.Id, "ginc", [key[..Math.Min(cp, key.Length)], key[Math.Min(cp, key.Length)..]]),
            "8003" => Serialised("grai", key[1..], cp),
            "253" => Serialised("gdti", key, cp),
            "255" => Serialised("sgcn", key, cp),
            "8010" => q.TryGetValue("8011", out var cpiSerial)
                ? (EpcUriKind.Id, "cpi", [key[..Math.Min(cp, key.Length)], key[Math.Min(cp, key.Length)..], cpiSerial])
                : (EpcUriKind.IdPattern, "cpi", [key[..Math.Min(cp, key.Length)], key[Math.Min(cp, key.Length)..], "*"]),
            "8006" when !q.ContainsKey("10") || q.ContainsKey("21") => (q.ContainsKey("21") ? EpcUriKind.Id : EpcUriKind.IdPattern, "itip",
                [.. GtinFields(key[..14], cp), key[14..16], key[16..18], q.GetValueOrDefault("21", "*")]),
            _ => null,
        };
        if (result is not { } r)
        {
            error = new Gs1ParseError(Gs1ParseErrorCode.NoEquivalent, 0, 0, $"a Digital Link with AI ({link.PrimaryKey.Ai}){(q.Count > 0 ? $" and AI ({string.Join(")(", q.Keys)})" : "")} has no EPC URI form");
            return false;
        }
        var candidate = new EpcUri { Kind = r.Kind, Scheme = r.Scheme, Fields = r.Fields };
        // Re-parse the written form: it checks the company prefix length fits this key.
        return TryParse(candidate.ToString(), out epc, out error);
    }

    private static string[] GtinFields(string gtin, int cp) => [gtin[1..(1 + cp)], gtin[..1] + gtin[(1 + cp)..13]];

    private static (EpcUriKind, string, string[]) Serialised(string scheme, string key, int cp)
    {
        var serial = key[13..];
        return (serial.Length == 0 ? EpcUriKind.IdPattern : EpcUriKind.Id, scheme, [key[..cp], key[cp..12], serial.Length == 0 ? "*" : serial]);
    }
}
