using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace VnTrace.Gs1.Identifiers;

/// <summary>
/// An uncompressed GS1 Digital Link URI (GS1 Digital Link URI Syntax 1.x): any host and path prefix, a primary key,
/// its key qualifiers in the order the AI table allows, AI data attributes in the query string, and other query
/// parameters (linkType, context…) kept as given. Every AI value has been checked against the AI table, and all the
/// link's AIs together against the pairing rules (<see cref="AiPairingRules"/>).
/// </summary>
/// <remarks>Two links are equal when they write the same URI.</remarks>
public sealed record DigitalLink : ISpanParsable<DigitalLink>
{
    /// <summary>GS1's resolver, the host of the canonical form.</summary>
    public const string CanonicalBase = "https://id.gs1.org";

    /// <summary>Scheme, host and path prefix before the primary key, e.g. <c>https://example.vn/some/prefix</c>.</summary>
    public string Base { get; init; } = CanonicalBase;

    public required AiElement PrimaryKey { get; init; }
    public IReadOnlyList<AiElement> Qualifiers { get; init; } = [];

    /// <summary>AI data attributes from the query string, in the order given (e.g. 17=201225).</summary>
    public IReadOnlyList<AiElement> Attributes { get; init; } = [];

    /// <summary>Non-AI query parameters (linkType, context, …), decoded, in the order given.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> OtherQueryParameters { get; init; } = [];

    /// <summary>Primary key, qualifiers and data attributes as element-string elements.</summary>
    public IEnumerable<AiElement> Elements => [PrimaryKey, .. Qualifiers, .. Attributes];

    /// <summary>The URI as parsed: its own host and prefix, all query parameters.</summary>
    public override string ToString() => ToUri(Base, includeQuery: true);

    /// <summary>
    /// The canonical GS1 Digital Link URI: <c>https://id.gs1.org</c>, primary key (GTIN as 14 digits) and key
    /// qualifiers, no query string. This is the identity form EPCIS and the CBV event hash use.
    /// </summary>
    public string ToCanonicalUri() => ToUri(CanonicalBase, includeQuery: false);

    /// <summary>The link on another host and prefix, e.g. <c>https://truyxuat.example.vn/dl</c>.</summary>
    public string ToUri(string baseUri, bool includeQuery = true)
    {
        var sb = new StringBuilder(baseUri.TrimEnd('/'));
        foreach (var e in (IEnumerable<AiElement>)[PrimaryKey, .. Qualifiers])
            sb.Append('/').Append(e.Ai).Append('/').Append(UriEscaping.DigitalLinkEncode(e.Value));
        if (includeQuery)
        {
            var separator = '?';
            foreach (var e in Attributes)
            {
                sb.Append(separator).Append(e.Ai).Append('=').Append(UriEscaping.DigitalLinkEncode(e.Value));
                separator = '&';
            }
            foreach (var (key, value) in OtherQueryParameters)
            {
                sb.Append(separator).Append(Uri.EscapeDataString(key)).Append('=').Append(Uri.EscapeDataString(value));
                separator = '&';
            }
        }
        return sb.ToString();
    }

    /// <summary>
    /// The GLN when the primary key is AI (414), a location (with or without a (254) extension), or AI (417), a party;
    /// false for any other key.
    /// </summary>
    public bool TryGetGln(out Gln gln, out GlnKind kind)
    {
        kind = PrimaryKey.Ai == "417" ? GlnKind.Party : GlnKind.Location;
        if (PrimaryKey.Ai is "414" or "417" && Gln.TryParse(PrimaryKey.Value, out gln, out _))
            return true;
        gln = default;
        return false;
    }

    /// <summary>
    /// The GLN a location or party identifier names, in every form EPCIS carries one: a GS1 Digital Link on any host
    /// with AI (414) (optionally /254/ and an extension) or AI (417), short names /gln/ and /party/ included, or an
    /// EPC URI <c>urn:epc:id:sgln:…</c> or <c>urn:epc:id:pgln:…</c> (GS1 Tag Data Standard 2.x §6.3.3, §6.3.17).
    /// False for anything else, including a bare 13-digit number: EPCIS never names a place by its digits alone.
    /// </summary>
    /// <param name="kind">Which AI named it: <see cref="GlnKind.Location"/> for 414/sgln, <see cref="GlnKind.Party"/> for 417/pgln.</param>
    public static bool TryGetGln([NotNullWhen(true)] string? identifier, out Gln gln, out GlnKind kind)
    {
        gln = default;
        kind = default;
        return TryRead(identifier, out var link) && link.TryGetGln(out gln, out kind);
    }

    /// <summary>The GLN a location or party identifier names; see <see cref="TryGetGln(string?, out Gln, out GlnKind)"/>.</summary>
    public static bool TryGetGln([NotNullWhen(true)] string? identifier, out Gln gln) => TryGetGln(identifier, out gln, out _);

    /// <summary>
    /// The class-level identifier of a trade item, as EPCIS writes an epcClass (EPCIS 2.0 §7.3.3.3, GS1 Digital Link
    /// URI Syntax 1.x §4.4): <c>https://id.gs1.org/01/{GTIN-14}</c>, and <c>/10/{lot}</c> (percent-encoded where the
    /// syntax needs it) when a batch/lot number is given.
    /// </summary>
    /// <exception cref="Gs1FormatException"><paramref name="lot"/> is not an AI (10) value: empty, over 20 characters or outside GS1 character set 82; the error names the bad character.</exception>
    public static DigitalLink ForGtin(Gtin gtin, string? lot = null)
    {
        var key = new AiElement("01", gtin.ToString());
        if (lot is null)
            return new DigitalLink { PrimaryKey = key };
        if (AiLinters.Validate(ApplicationIdentifierTable.Get("10"), lot) is { } error)
            throw new Gs1FormatException(error);
        return new DigitalLink { PrimaryKey = key, Qualifiers = [new AiElement("10", lot)] };
    }

    /// <summary>
    /// The canonical GTIN-level link (the GTIN alone, or the GTIN and its batch/lot number) that a class-level
    /// identifier names: the EPC pattern <c>urn:epc:idpat:sgtin:CompanyPrefix.ItemRef.*</c>, an LGTIN
    /// <c>urn:epc:class:lgtin:CompanyPrefix.ItemRef.Lot</c> (GS1 Tag Data Standard 2.x), or a Digital Link
    /// on any host and path prefix whose key is a GTIN of 8, 12, 13 or 14 digits, with no qualifier but AI (10).
    /// The result is on <see cref="CanonicalBase"/>, GTIN as 14 digits, no query string.
    /// False for anything else: a serialised item (AI 21), a consumer product variant (AI 22), another key, bad input.
    /// </summary>
    public static bool TryToCanonicalGtinLink([NotNullWhen(true)] string? identifier, [NotNullWhen(true)] out DigitalLink? link)
    {
        link = null;
        if (!TryRead(identifier, out var read) || read.PrimaryKey.Ai != "01" || read.Qualifiers is not ([] or [{ Ai: "10" }]))
            return false;
        link = new DigitalLink { PrimaryKey = read.PrimaryKey, Qualifiers = read.Qualifiers };
        return true;
    }

    /// <summary>A Digital Link on any host, or the Digital Link form of an EPC URI.</summary>
    private static bool TryRead([NotNullWhen(true)] string? identifier, [NotNullWhen(true)] out DigitalLink? link)
    {
        link = null;
        if (string.IsNullOrEmpty(identifier))
            return false;
        if (identifier.StartsWith("urn:epc:", StringComparison.Ordinal))
            return EpcUri.TryParse(identifier, out var epc, out _) && EpcConversion.TryToDigitalLink(epc, out link, out _);
        return DigitalLinkParser.TryParse(identifier, out link, out _);
    }

    public bool Equals(DigitalLink? other) => other is not null && ToString() == other.ToString();

    public override int GetHashCode() => ToString().GetHashCode(StringComparison.Ordinal);

    /// <summary>True when <paramref name="uri"/> is http(s) and its path holds a GS1 primary key AI with a value.</summary>
    public static bool LooksLikeDigitalLink(string uri) => DigitalLinkParser.LooksLikeDigitalLink(uri);

    /// <summary>
    /// True when <paramref name="uri"/> has no primary key in its path but ends in one base64url segment of eight or
    /// more characters mixing upper-case letters with lower-case ones or digits: the shape of a compressed Digital
    /// Link (GS1 Digital Link: Compression), which <see cref="TryParse(string?, out DigitalLink?, out Gs1ParseError?)"/>
    /// refuses. Lets a resolver route such a path to a clear refusal instead of a plain "not found".
    /// </summary>
    public static bool LooksCompressed(string uri) => DigitalLinkParser.LooksCompressed(uri);

    public static bool TryParse(string? s, [NotNullWhen(true)] out DigitalLink? link, [NotNullWhen(false)] out Gs1ParseError? error)
    {
        if (s is null)
        {
            link = null;
            error = new Gs1ParseError(Gs1ParseErrorCode.Empty, 0, 0, "no Digital Link given");
            return false;
        }
        return DigitalLinkParser.TryParse(s, out link, out error);
    }

    public static DigitalLink Parse(string s) =>
        TryParse(s, out var link, out var error) ? link : throw new Gs1FormatException(error);

    public static DigitalLink Parse(string s, IFormatProvider? provider) => Parse(s);

    public static bool TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, [MaybeNullWhen(false)] out DigitalLink result) =>
        TryParse(s, out result, out _);

    public static DigitalLink Parse(ReadOnlySpan<char> s, IFormatProvider? provider) => Parse(s.ToString());

    public static bool TryParse(ReadOnlySpan<char> s, IFormatProvider? provider, [MaybeNullWhen(false)] out DigitalLink result) =>
        TryParse(s.ToString(), out result, out _);
}
