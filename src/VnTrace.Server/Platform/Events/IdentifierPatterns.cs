using System.Text;
using VnTrace.Gs1.Identifiers;

namespace VnTrace.Server.Platform.Events;

/// <summary>
/// What a MATCH_ query value selects among stored (canonical) identifiers: exact values, and LIKE patterns for EPC
/// pattern URIs (TDS urn:epc:idpat:sgtin:…, EPCIS 2.0 §8.2.7.1.1). The escape character is backslash.
/// </summary>
public sealed record IdentifierMatch(List<string> Exact, List<string> Patterns)
{
    public const char Escape = '\\';
    private const string SgtinPattern = "urn:epc:idpat:sgtin:";

    public static IdentifierMatch From(IEnumerable<string> queryValues)
    {
        var match = new IdentifierMatch([], []);
        foreach (var value in queryValues)
        {
            if (value.StartsWith(SgtinPattern, StringComparison.Ordinal))
                match.AddSgtinPattern(value);
            else
                match.Exact.Add(Identifiers.Canonical(value));
        }
        return match;
    }

    /// <summary>urn:epc:idpat:sgtin:CP.IR.SER with * in the trailing fields; as an epcClass it also selects the GTIN's lots.</summary>
    private void AddSgtinPattern(string value)
    {
        var parts = value[SgtinPattern.Length..].Split('.');
        if (parts.Length != 3)
        {
            Exact.Add(value);
            return;
        }
        var (companyPrefix, itemReference, serial) = (parts[0], parts[1], parts[2]);
        if (companyPrefix == "*")
        {
            Patterns.Add("https://id.gs1.org/01/%");
            return;
        }
        if (itemReference == "*")
        {
            // GTIN-14 = indicator digit, company prefix, rest of item reference, check digit: 13 - L unknown digits.
            var gtin = "_" + EscapeLike(companyPrefix) + new string('_', Math.Max(0, 13 - companyPrefix.Length));
            Patterns.Add("https://id.gs1.org/01/" + gtin + "%");
            return;
        }
        if (!DigitalLink.TryToCanonicalGtinLink($"{SgtinPattern}{companyPrefix}.{itemReference}.*", out var gtinClass))
        {
            Exact.Add(value);
            return;
        }
        if (serial == "*")
        {
            var gtinLink = gtinClass.ToString();
            Exact.Add(gtinLink);
            Patterns.Add(EscapeLike(gtinLink) + "/%");
        }
        else
        {
            Exact.Add(Identifiers.Canonical($"urn:epc:id:sgtin:{companyPrefix}.{itemReference}.{serial}"));
        }
    }

    internal static string EscapeLike(string literal)
    {
        var sb = new StringBuilder(literal.Length + 4);
        foreach (var c in literal)
        {
            if (c is '%' or '_' or Escape)
                sb.Append(Escape);
            sb.Append(c);
        }
        return sb.ToString();
    }
}
