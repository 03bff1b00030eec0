using System.Diagnostics.CodeAnalysis;

namespace VnTrace.Gs1.Identifiers;

/// <summary>Reads uncompressed GS1 Digital Link URIs (GS1 Digital Link URI Syntax §4, §7).</summary>
internal static class DigitalLinkParser
{
    private readonly record struct Segment(string Raw, int Position);

    public static bool LooksLikeDigitalLink(string uri)
    {
        if (!TrySplit(uri, out _, out var segments, out _, out _))
            return false;
        for (var i = 0; i + 1 < segments.Count; i++)
        {
            if (TryGetPathAi(segments[i].Raw, out var ai) && ai.IsDigitalLinkPrimaryKey)
                return true;
        }
        return false;
    }

    /// <summary>True when the path holds no primary key but has the shape of a compressed Digital Link.</summary>
    public static bool LooksCompressed(string uri) =>
        TrySplit(uri, out _, out var segments, out _, out _) && !LooksLikeDigitalLink(uri) && LooksCompressed(segments);

    public static bool TryParse(string uri, [NotNullWhen(true)] out DigitalLink? link, [NotNullWhen(false)] out Gs1ParseError? error)
    {
        link = null;
        if (!TrySplit(uri, out var authorityEnd, out var segments, out var query, out error))
            return false;

        // The primary key is the first segment naming a primary-key AI that leaves whole AI/value pairs after it;
        // whatever precedes it is the link's own path prefix (GS1 Digital Link URI Syntax §4.1).
        var keyIndex = -1;
        for (var i = 0; i < segments.Count; i++)
        {
            if (TryGetPathAi(segments[i].Raw, out var candidate) && candidate.IsDigitalLinkPrimaryKey)
            {
                if ((segments.Count - i) % 2 == 0)
                {
                    keyIndex = i;
                    break;
                }
                error ??= new Gs1ParseError(segments[i].Position, segments[i].Raw.Length, $"AI ({candidate.Code}) in the path has no value after it", candidate.Code) { Kind = Gs1ErrorKind.Missing };
            }
        }
        if (keyIndex < 0)
        {
            error ??= LooksCompressed(segments)
                ? new Gs1ParseError(segments[^1].Position, segments[^1].Raw.Length, "compressed Digital Link is not supported") { Kind = Gs1ErrorKind.Compressed }
                : new Gs1ParseError(authorityEnd, uri.Length - authorityEnd, "the path holds no GS1 primary key (such as /01/ and a GTIN)") { Kind = Gs1ErrorKind.NoPrimaryKey };
            return false;
        }
        error = null;

        if (!TryGetPathAi(segments[keyIndex].Raw, out var pk))
            throw new InvalidOperationException("unreachable: the key segment was matched above");
        if (!TryValue(pk, segments[keyIndex + 1], out var keyValue, out error))
            return false;

        var qualifiers = new List<AiElement>();
        for (var i = keyIndex + 2; i < segments.Count; i += 2)
        {
            var seg = segments[i];
            if (!TryGetPathAi(seg.Raw, out var q))
            {
                error = new Gs1ParseError(seg.Position, seg.Raw.Length, $"'{seg.Raw}' is not an Application Identifier; a key qualifier of AI ({pk.Code}) was expected here") { Kind = Gs1ErrorKind.UnknownAi };
                return false;
            }
            if (!QualifierOrderAllowed(pk, [.. qualifiers.Select(e => e.Ai), q.Code]))
            {
                error = new Gs1ParseError(seg.Position, seg.Raw.Length, QualifierMessage(pk, q, qualifiers), q.Code) { Kind = Gs1ErrorKind.UnknownAi };
                return false;
            }
            if (!TryValue(q, segments[i + 1], out var value, out error))
                return false;
            qualifiers.Add(new AiElement(q.Code, value));
        }

        var attributes = new List<AiElement>();
        var others = new List<KeyValuePair<string, string>>();
        if (query is { } q0 && !TryQuery(uri, q0, attributes, others, out error))
            return false;

        link = new DigitalLink
        {
            Base = uri[..segments[keyIndex].Position].TrimEnd('/'),
            PrimaryKey = new AiElement(pk.Code, keyValue),
            Qualifiers = qualifiers,
            Attributes = attributes,
            OtherQueryParameters = others,
        };
        return true;
    }

    /// <summary>
    /// Short names GS1 Digital Link 1.0/1.1 allowed in place of the numeric AI in the path (e.g. /gtin/…/lot/…);
    /// accepted on input and always written back as numbers.
    /// </summary>
    private static readonly Dictionary<string, string> ShortNames = new(StringComparer.Ordinal)
    {
        ["gtin"] = "01",
        ["itip"] = "8006",
        ["cpv"] = "22",
        ["lot"] = "10",
        ["ser"] = "21",
        ["sscc"] = "00",
        ["gln"] = "414",
        ["glnx"] = "254",
        ["party"] = "417",
        ["gsrnp"] = "8017",
        ["gsrn"] = "8018",
        ["gcn"] = "255",
        ["gdti"] = "253",
        ["ginc"] = "401",
        ["gsin"] = "402",
        ["grai"] = "8003",
        ["giai"] = "8004",
        ["cpid"] = "8010",
        ["cpsn"] = "8011",
        ["upui"] = "235",
        ["gmn"] = "8013",
    };

    private static bool TryGetPathAi(string segment, [NotNullWhen(true)] out ApplicationIdentifier? ai)
    {
        if (ApplicationIdentifierTable.TryGet(segment, out ai))
            return true;
        ai = null;
        return ShortNames.TryGetValue(segment, out var code) && ApplicationIdentifierTable.TryGet(code, out ai);
    }

    private static bool TrySplit(string uri, out int authorityEnd, out List<Segment> segments, out (int Start, int End)? query, [NotNullWhen(false)] out Gs1ParseError? error)
    {
        segments = [];
        query = null;
        authorityEnd = 0;
        error = null;
        var schemeEnd = uri.StartsWith("https://", StringComparison.OrdinalIgnoreCase) ? 8
            : uri.StartsWith("http://", StringComparison.OrdinalIgnoreCase) ? 7 : -1;
        if (schemeEnd < 0)
        {
            error = new Gs1ParseError(0, Math.Min(uri.Length, 8), "a Digital Link starts with https:// or http://") { Kind = Gs1ErrorKind.NotALink };
            return false;
        }
        var end = uri.IndexOf('#');
        if (end < 0)
            end = uri.Length;
        var queryStart = uri.IndexOf('?', 0, end);
        var pathEnd = queryStart < 0 ? end : queryStart;
        authorityEnd = uri.IndexOf('/', schemeEnd, pathEnd - schemeEnd);
        if (authorityEnd < 0)
            authorityEnd = pathEnd;
        if (authorityEnd == schemeEnd)
        {
            error = new Gs1ParseError(schemeEnd, 0, "the Digital Link has no host") { Kind = Gs1ErrorKind.NotALink };
            return false;
        }
        for (var i = uri.IndexOf(' ', 0, end); i >= 0;)
        {
            error = new Gs1ParseError(i, 1, $"' ' at position {i} is not allowed in a URI") { Kind = Gs1ErrorKind.Character };
            return false;
        }
        var pos = authorityEnd + 1;
        while (pos <= pathEnd && authorityEnd < pathEnd)
        {
            var slash = uri.IndexOf('/', pos, pathEnd - pos);
            var segEnd = slash < 0 ? pathEnd : slash;
            if (segEnd > pos)
                segments.Add(new Segment(uri[pos..segEnd], pos));
            pos = segEnd + 1;
        }
        if (queryStart >= 0)
            query = (queryStart + 1, end);
        if (segments.Count == 0)
        {
            error = new Gs1ParseError(authorityEnd, 0, "the path holds no GS1 primary key (such as /01/ and a GTIN)") { Kind = Gs1ErrorKind.NoPrimaryKey };
            return false;
        }
        return true;
    }

    private static bool TryValue(ApplicationIdentifier ai, Segment seg, out string value, [NotNullWhen(false)] out Gs1ParseError? error)
    {
        if (!UriEscaping.TryPercentDecode(seg.Raw, out value, out var bad))
        {
            error = new Gs1ParseError(seg.Position + bad, 1, $"AI ({ai.Code}): '%' at position {bad} does not start a %XX escape", ai.Code) { Kind = Gs1ErrorKind.Character };
            return false;
        }
        // A GTIN-8, -12 or -13 may stand in the path; its canonical form is 14 digits (Digital Link URI Syntax §4.4).
        var padding = 0;
        if (ai.Code == "01" && value.Length is 8 or 12 or 13 && Gs1Charset.IsAllDigits(value))
        {
            padding = 14 - value.Length;
            value = value.PadLeft(14, '0');
        }
        error = AiLinters.Validate(ai, value);
        if (error is null)
            return true;
        var position = value.Length - padding == seg.Raw.Length ? seg.Position + error.Position - padding : seg.Position;
        error = error with { Position = Math.Max(seg.Position, position), Ai = ai.Code };
        return false;
    }

    private static bool TryQuery(string uri, (int Start, int End) query, List<AiElement> attributes, List<KeyValuePair<string, string>> others, [NotNullWhen(false)] out Gs1ParseError? error)
    {
        error = null;
        var pos = query.Start;
        while (pos < query.End)
        {
            var amp = uri.IndexOf('&', pos, query.End - pos);
            var paramEnd = amp < 0 ? query.End : amp;
            var param = uri.AsSpan(pos, paramEnd - pos);
            if (!param.IsEmpty)
            {
                var eq = param.IndexOf('=');
                var rawKey = eq < 0 ? param : param[..eq];
                var rawValue = eq < 0 ? [] : param[(eq + 1)..];
                if (Gs1Charset.IsAllDigits(rawKey) && !rawKey.IsEmpty)
                {
                    if (!ApplicationIdentifierTable.TryGet(rawKey, out var ai))
                    {
                        error = new Gs1ParseError(pos, rawKey.Length, $"'{rawKey}' in the query string is not an Application Identifier") { Kind = Gs1ErrorKind.UnknownAi };
                        return false;
                    }
                    if (!ai.IsDigitalLinkDataAttribute)
                    {
                        error = new Gs1ParseError(pos, rawKey.Length, $"AI ({ai.Code}) {ai.Title} is not allowed as a Digital Link data attribute", ai.Code) { Kind = Gs1ErrorKind.UnknownAi };
                        return false;
                    }
                    if (!TryValue(ai, new Segment(rawValue.ToString(), pos + rawKey.Length + 1), out var value, out error))
                        return false;
                    attributes.Add(new AiElement(ai.Code, value));
                }
                else
                {
                    var key = Uri.UnescapeDataString(rawKey.ToString().Replace('+', ' '));
                    var value = Uri.UnescapeDataString(rawValue.ToString().Replace('+', ' '));
                    others.Add(new(key, value));
                }
            }
            pos = paramEnd + 1;
        }
        return true;
    }

    /// <summary>True when the qualifiers so far, in this order, fit one of the key's alternative sequences.</summary>
    internal static bool QualifierOrderAllowed(ApplicationIdentifier pk, IReadOnlyList<string> codes)
    {
        foreach (var sequence in pk.DigitalLinkQualifiers!)
        {
            var next = 0;
            var fits = true;
            foreach (var code in codes)
            {
                var at = -1;
                for (var k = next; k < sequence.Count; k++)
                {
                    if (sequence[k] == code)
                    {
                        at = k;
                        break;
                    }
                }
                if (at < 0)
                {
                    fits = false;
                    break;
                }
                next = at + 1;
            }
            if (fits)
                return true;
        }
        return false;
    }

    private static string QualifierMessage(ApplicationIdentifier pk, ApplicationIdentifier q, List<AiElement> before)
    {
        var allowed = pk.DigitalLinkQualifiers!.Where(s => s.Count > 0).Select(s => string.Join(", ", s)).ToList();
        if (allowed.Count == 0)
            return $"AI ({pk.Code}) {pk.Title} takes no key qualifiers, but AI ({q.Code}) follows it";
        var order = string.Join(" or ", allowed);
        if (!pk.DigitalLinkQualifiers!.Any(s => s.Contains(q.Code)))
            return $"AI ({q.Code}) {q.Title} is not a key qualifier of AI ({pk.Code}); allowed: {order}";
        return $"AI ({q.Code}) cannot follow AI ({before[^1].Ai}) here; AI ({pk.Code}) takes qualifiers in the order {order}";
    }

    /// <summary>
    /// A compressed Digital Link (GS1 Digital Link: Compression) writes the whole AI string as one base64url path
    /// segment; we recognise its shape only to say so.
    /// </summary>
    private static bool LooksCompressed(List<Segment> segments)
    {
        // Base64url of binary data mixes upper-case letters with lower-case letters or digits; a page name
        // such as "no-such-page" does not.
        var last = segments[^1].Raw;
        return last.Length >= 8 && last.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_')
            && last.Any(char.IsAsciiLetterUpper) && last.Any(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c));
    }
}
