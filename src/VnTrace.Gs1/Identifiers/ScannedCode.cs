using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace VnTrace.Gs1.Identifiers;

/// <summary>
/// What a person types or a scanner sends for "the code on the package", turned into a Digital Link: a Digital Link
/// URI on any host, an EPC URI, a GS1 element string (bracketed, or raw from a scanner with FNC1/GS and a symbology
/// identifier), or the bare digits of a GTIN (8, 12, 13 or 14) or an SSCC (18). Data attributes of an element string
/// (expiry date, weight…) are kept as attributes; the key and its qualifiers identify the object.
/// </summary>
public static class ScannedCode
{
    public static bool TryToDigitalLink(string? input, [NotNullWhen(true)] out DigitalLink? link, [NotNullWhen(false)] out Gs1ParseError? error)
    {
        link = null;
        var s = (input ?? "").Trim();
        if (s.Length == 0)
        {
            error = new Gs1ParseError(Gs1ParseErrorCode.Empty, 0, 0, "The code is empty.");
            return false;
        }
        if (s.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || s.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
            return DigitalLink.TryParse(s, out link, out error);
        if (s.StartsWith("urn:epc:", StringComparison.OrdinalIgnoreCase))
        {
            if (EpcDigitalLink.TryToCanonicalDigitalLink(s, out var canonical))
                return DigitalLink.TryParse(canonical, out link, out error);
            error = new Gs1ParseError(Gs1ParseErrorCode.NoEquivalent, 0, s.Length, $"'{s}' is not an EPC URI of a GS1 key.");
            return false;
        }
        if (s.All(char.IsAsciiDigit))
        {
            var ai = s.Length switch { 8 or 12 or 13 or 14 => "01", 18 => "00", _ => null };
            if (ai is null)
            {
                error = new Gs1ParseError(Gs1ParseErrorCode.WrongLength, 0, s.Length, $"{s.Length} digits are neither a GTIN (8, 12, 13 or 14 digits) nor an SSCC (18 digits).");
                return false;
            }
            return DigitalLink.TryParse($"{DigitalLink.CanonicalBase}/{ai}/{(ai == "01" ? s.PadLeft(14, '0') : s)}", out link, out error);
        }
        if (!ElementString.TryParse(s, out var elements, out error))
            return false;
        return TryFromElements(elements.Elements, out link, out error);
    }

    private static bool TryFromElements(IReadOnlyList<AiElement> elements, [NotNullWhen(true)] out DigitalLink? link, [NotNullWhen(false)] out Gs1ParseError? error)
    {
        link = null;
        ApplicationIdentifier? key = null;
        AiElement primary = default;
        foreach (var e in elements)
        {
            if (ApplicationIdentifierTable.TryGet(e.Ai, out var ai) && ai.IsDigitalLinkPrimaryKey)
            {
                key = ai;
                primary = e;
                break;
            }
        }
        if (key is null)
        {
            error = new Gs1ParseError(Gs1ParseErrorCode.NoPrimaryKey, 0, 0, "The element string has no GS1 key (GTIN, SSCC, GLN…) to identify the object.");
            return false;
        }
        // Qualifiers in the order of the key's longest qualifier path that holds them all (GS1 Digital Link 1.2 §4.6).
        var present = elements.Where(e => key.DigitalLinkQualifiers!.Any(q => q.Contains(e.Ai))).ToList();
        var path = key.DigitalLinkQualifiers!.Where(q => present.All(e => q.Contains(e.Ai))).OrderByDescending(q => q.Count).FirstOrDefault();
        if (path is null)
        {
            error = new Gs1ParseError(Gs1ParseErrorCode.NoEquivalent, 0, 0, $"AIs {string.Join(", ", present.Select(e => e.Ai))} cannot qualify AI ({key.Code}) together.");
            return false;
        }
        var uri = new StringBuilder(DigitalLink.CanonicalBase).Append('/').Append(primary.Ai).Append('/').Append(UriEscaping.DigitalLinkEncode(primary.Value));
        foreach (var q in present.OrderBy(e => path.ToList().IndexOf(e.Ai)))
            uri.Append('/').Append(q.Ai).Append('/').Append(UriEscaping.DigitalLinkEncode(q.Value));
        var attributes = elements.Where(e => e.Ai != primary.Ai && !present.Contains(e)
            && ApplicationIdentifierTable.TryGet(e.Ai, out var ai) && ai.IsDigitalLinkDataAttribute).ToList();
        for (var i = 0; i < attributes.Count; i++)
            uri.Append(i == 0 ? '?' : '&').Append(attributes[i].Ai).Append('=').Append(Uri.EscapeDataString(attributes[i].Value));
        return DigitalLink.TryParse(uri.ToString(), out link, out error);
    }
}
