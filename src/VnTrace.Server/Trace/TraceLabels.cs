using Microsoft.Extensions.Localization;
using VnTrace.Gs1.Identifiers;

namespace VnTrace.Server.Trace;

/// <summary>
/// A short readable identifier for something the trace names but nobody named ("Sản phẩm GTIN 0893… · lô L1",
/// "GLN 8936…"): what the page shows only when no product, place or business name is known, in the reader's language
/// ("lô", not "lot"), and never the Digital Link URI itself.
/// </summary>
public static class TraceLabels
{
    public static string Of(string identifier, IStringLocalizer<TraceText> l)
    {
        if (!identifier.StartsWith("http", StringComparison.Ordinal) || !DigitalLink.TryParse(identifier, out var link, out _))
            return identifier;
        var parts = new List<string>();
        foreach (var e in (IEnumerable<AiElement>)[link.PrimaryKey, .. link.Qualifiers])
        {
            parts.Add(e.Ai switch
            {
                "01" => l["Label.Gtin", e.Value].Value,
                "10" => l["Label.Lot", e.Value].Value,
                "21" => l["Label.Serial", e.Value].Value,
                "22" => l["Label.Variant", e.Value].Value,
                "00" => l["Label.Sscc", e.Value].Value,
                "414" or "417" => l["Label.Gln", e.Value].Value,
                "254" => l["Label.Extension", e.Value].Value,
                _ => e.ToString(),
            });
        }
        return string.Join(" · ", parts);
    }
}
