using System.Diagnostics.CodeAnalysis;
using VnTrace.Gs1.Identifiers;

namespace VnTrace.Gs1.Genealogy;

/// <summary>What the tracer reads from an identifier itself: its canonical form, kind, label and lot.</summary>
internal static class TraceIdentifiers
{
    /// <summary>The canonical Digital Link for a Digital Link or EPC URI; any other identifier as given, trimmed.</summary>
    public static string Canonical(string identifier)
    {
        var trimmed = identifier.Trim();
        return EpcDigitalLink.TryToCanonicalDigitalLink(trimmed, out var canonical) ? canonical : trimmed;
    }

    public static TraceNodeKind KindOf(string identifier)
    {
        if (!TryParse(identifier, out var link))
            return TraceNodeKind.Other;
        return link.PrimaryKey.Ai switch
        {
            "01" when Has(link, "21") => TraceNodeKind.Unit,
            "01" when Has(link, "10") => TraceNodeKind.Lot,
            "00" => TraceNodeKind.Container,
            "414" => TraceNodeKind.Location,
            "417" => TraceNodeKind.Party,
            _ => TraceNodeKind.Other,
        };
    }

    /// <summary>The kind a source or destination gives its value (CBV §8.4: owning_party, possessing_party, location).</summary>
    public static TraceNodeKind KindOfSourceDestination(string type, string value) => BareWord(type) switch
    {
        "owning_party" or "possessing_party" => TraceNodeKind.Party,
        "location" => TraceNodeKind.Location,
        _ => KindOf(value) == TraceNodeKind.Location ? TraceNodeKind.Location : TraceNodeKind.Party,
    };

    public static bool IsParty(string type) => BareWord(type) is "owning_party" or "possessing_party";

    public static string BareWord(string? vocabulary) =>
        vocabulary is null ? "" : vocabulary[(vocabulary.LastIndexOfAny([':', '/', '-']) + 1)..];

    /// <summary>"GTIN 08936012000108 · lot LOT1", "SSCC 089360120000000016", "GLN 8936012000023"; else the identifier.</summary>
    public static string LabelOf(string identifier)
    {
        if (!TryParse(identifier, out var link))
            return identifier;
        var parts = new List<string>();
        foreach (var e in (IEnumerable<AiElement>)[link.PrimaryKey, .. link.Qualifiers])
        {
            parts.Add(e.Ai switch
            {
                "01" => $"GTIN {e.Value}",
                "10" => $"lot {e.Value}",
                "21" => $"serial {e.Value}",
                "22" => $"variant {e.Value}",
                "00" => $"SSCC {e.Value}",
                "414" or "417" => $"GLN {e.Value}",
                "254" => $"ext {e.Value}",
                _ => e.ToString(),
            });
        }
        return string.Join(" · ", parts);
    }

    /// <summary>
    /// The lot of a unit written with both lot and serial (…/01/G/10/L/21/S gives …/01/G/10/L): GS1 Digital Link lets
    /// the serial qualify a GTIN+lot, and such a unit is one item of that lot.
    /// </summary>
    public static bool TryGetLotOfUnit(string identifier, [NotNullWhen(true)] out string? lot)
    {
        lot = null;
        if (!identifier.Contains("/10/", StringComparison.Ordinal) || !identifier.Contains("/21/", StringComparison.Ordinal) ||
            !TryParse(identifier, out var link) || link.PrimaryKey.Ai != "01" || !Has(link, "10") || !Has(link, "21"))
            return false;
        lot = (link with { Qualifiers = [.. link.Qualifiers.Where(q => q.Ai != "21")] }).ToCanonicalUri();
        return true;
    }

    private static bool TryParse(string identifier, [NotNullWhen(true)] out DigitalLink? link)
    {
        link = null;
        return identifier.StartsWith("http", StringComparison.Ordinal) && DigitalLink.TryParse(identifier, out link, out _);
    }

    private static bool Has(DigitalLink link, string ai)
    {
        foreach (var q in link.Qualifiers)
        {
            if (q.Ai == ai)
                return true;
        }
        return false;
    }
}
