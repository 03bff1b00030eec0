using System.Diagnostics.CodeAnalysis;

namespace VnTrace.Gs1.Identifiers;

/// <summary>The three EPC URI families the EPCIS standard uses (GS1 Tag Data Standard 2.x §6, §8).</summary>
public enum EpcUriKind
{
    /// <summary><c>urn:epc:id:…</c>, a pure identity.</summary>
    Id,
    /// <summary><c>urn:epc:class:…</c>, a class such as the lgtin (GTIN + lot).</summary>
    Class,
    /// <summary><c>urn:epc:idpat:…</c>, a pattern ending in <c>*</c>.</summary>
    IdPattern,
}

/// <summary>
/// A GS1 EPC pure-identity, class or pattern URI, e.g. <c>urn:epc:id:sgtin:0614141.107346.2018</c>
/// (GS1 Tag Data Standard 2.x). <see cref="Fields"/> are the dot-separated parts after the scheme, unescaped
/// (%2F read as '/'); the URI is known to convert to a valid Digital Link.
/// </summary>
public sealed record EpcUri
{
    public required EpcUriKind Kind { get; init; }

    /// <summary>sgtin, sscc, sgln, grai, giai, gsrn, gsrnp, gdti, cpi, sgcn, ginc, gsin, itip, upui, pgln or lgtin.</summary>
    public required string Scheme { get; init; }

    public required IReadOnlyList<string> Fields { get; init; }

    public override string ToString()
    {
        var kind = Kind switch { EpcUriKind.Id => "id", EpcUriKind.Class => "class", _ => "idpat" };
        return $"urn:epc:{kind}:{Scheme}:{string.Join('.', Fields.Select(f => f == "*" ? f : UriEscaping.EpcEscape(f)))}";
    }

    public bool Equals(EpcUri? other) => other is not null && ToString() == other.ToString();

    public override int GetHashCode() => ToString().GetHashCode(StringComparison.Ordinal);

    /// <summary>The equivalent GS1 Digital Link, check digits computed (GS1 Tag Data Standard 2.x §7).</summary>
    public DigitalLink ToDigitalLink() =>
        EpcConversion.TryToDigitalLink(this, out var link, out var error) ? link : throw new Gs1FormatException(error);

    public static bool TryParse(string? s, [NotNullWhen(true)] out EpcUri? epc, [NotNullWhen(false)] out Gs1ParseError? error) =>
        EpcConversion.TryParse(s ?? "", out epc, out error);

    public static EpcUri Parse(string s) => TryParse(s, out var epc, out var error) ? epc : throw new Gs1FormatException(error);

    /// <summary>
    /// The EPC URI for a Digital Link. The link does not say how long the GS1 Company Prefix is:
    /// pass it, or <see cref="Gs1CompanyPrefix.LengthFor"/> supplies one (7 by default).
    /// </summary>
    public static bool TryFromDigitalLink(DigitalLink link, int? companyPrefixLength, [NotNullWhen(true)] out EpcUri? epc, [NotNullWhen(false)] out Gs1ParseError? error) =>
        EpcConversion.TryFromDigitalLink(link, companyPrefixLength, out epc, out error);
}
