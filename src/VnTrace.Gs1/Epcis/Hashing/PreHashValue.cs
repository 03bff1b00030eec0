using System.Globalization;
using System.Text.RegularExpressions;
using VnTrace.Gs1.Epcis.Cbv;
using VnTrace.Gs1.Identifiers;

namespace VnTrace.Gs1.Epcis.Hashing;

/// <summary>
/// How one value is written into the CBV 2.0 pre-hash string (CBV 2.0 §8.9.1, rules 5–9 and 14–18):
/// trimmed, timestamps in UTC at millisecond precision, numbers without trailing zeros, standard vocabulary
/// as GS1 web URIs, well-known CURIEs expanded, EPC URIs and GS1 Digital Link URIs as constrained canonical
/// Digital Link URIs.
/// </summary>
internal static partial class PreHashValue
{
    private const string Gs1Voc = "https://gs1.org/voc/";
    private const string EpcisVoc = "https://ref.gs1.org/epcis/";

    private static readonly CbvVocabulary[] vocabularies = Enum.GetValues<CbvVocabulary>();

    /// <summary>
    /// UTC with 'Z' and exactly three decimals (rules 8–9); a fourth decimal of 5–9 rounds the third up,
    /// so 11:04:03.1415Z becomes 11:04:03.142Z.
    /// </summary>
    public static string Time(DateTimeOffset time)
    {
        var ticks = time.UtcTicks;
        var belowMillisecond = ticks % TimeSpan.TicksPerMillisecond;
        ticks += belowMillisecond >= TimeSpan.TicksPerMillisecond / 2
            ? TimeSpan.TicksPerMillisecond - belowMillisecond
            : -belowMillisecond;
        return new DateTime(ticks, DateTimeKind.Utc)
            .ToString("yyyy'-'MM'-'dd'T'HH':'mm':'ss'.'fff'Z'", CultureInfo.InvariantCulture);
    }

    /// <summary>A quantity without trailing zeros and without exponent (rules 6–7): 25.0 → "25", 0.50 → "0.5".</summary>
    public static string Number(decimal value) =>
        value == 0m ? "0" : value.ToString("0.############################", CultureInfo.InvariantCulture);

    /// <summary>
    /// A value whose type the document does not state (a user extension: XML text has no type, JSON may say
    /// 20.0 where XML says 20). A decimal numeral is written as a number; anything else as a URI or text.
    /// </summary>
    public static string Untyped(string raw)
    {
        var value = raw.Trim();
        if (Numeral().IsMatch(value)
            && decimal.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
            return Number(number);
        return Uri(value);
    }

    /// <summary>
    /// A URI-valued field: standard vocabulary as its web URI (rule 14), well-known CURIEs expanded (rule 15),
    /// EPC URIs and Digital Link URIs in constrained canonical Digital Link form (rules 17–18). Other text is kept.
    /// </summary>
    public static string Uri(string raw, CbvVocabulary? vocabulary = null)
    {
        var value = raw.Trim();
        if (vocabulary is { } known)
            value = Cbv.Cbv.ToWebUri(known, value);
        else if (value.StartsWith(Cbv.Cbv.UrnBase, StringComparison.Ordinal))
            value = AnyVocabularyToWebUri(value);

        value = ExpandWellKnownCurie(value);
        return EpcDigitalLink.TryToCanonicalDigitalLink(value, out var digitalLink) ? MostFineGrained(digitalLink) : value;
    }

    // Rule 18 (III): a constrained canonical Digital Link keeps its primary key and only the qualifier that names
    // the finest level of identification: 01 with 21, 235 or 10; 8006 with 21 or 10; 414 with 254; 8010 with 8011.
    // So a serialised item is the same whether or not the link also names its lot or consumer product variant.
    private static readonly Dictionary<string, string[]> keptQualifiers = new(StringComparer.Ordinal)
    {
        ["01"] = ["21", "235", "10"],
        ["8006"] = ["21", "10"],
        ["414"] = ["254"],
        ["8010"] = ["8011"],
    };

    private static string MostFineGrained(string canonical)
    {
        // canonical is https://id.gs1.org/{key}/{value}[/{qualifier}/{value}]…, values percent-encoded (no bare '/').
        var path = canonical.AsSpan(DigitalLink.CanonicalBase.TrimEnd('/').Length + 1).ToString().Split('/');
        if (path.Length <= 2 || path.Length % 2 != 0)
            return canonical;
        var head = DigitalLink.CanonicalBase.TrimEnd('/') + "/" + path[0] + "/" + path[1];
        if (!keptQualifiers.TryGetValue(path[0], out var preferred))
            return head;
        foreach (var qualifier in preferred)
        {
            for (var i = 2; i < path.Length; i += 2)
            {
                if (path[i] == qualifier)
                    return head + "/" + qualifier + "/" + path[i + 1];
            }
        }
        return head;
    }

    /// <summary>
    /// A term of a GS1 web vocabulary that JSON-LD may write as a bare word (sensorReport type and exception:
    /// "Temperature" means gs1:Temperature); a CURIE or URI is handled as <see cref="Uri"/>.
    /// </summary>
    public static string Term(string raw, string bareWordBase)
    {
        var value = raw.Trim();
        return value.Length > 0 && !value.Contains(':') ? bareWordBase + value : Uri(value);
    }

    /// <summary>Base of sensorReport type and exception terms written as bare words.</summary>
    public const string Gs1VocabularyBase = Gs1Voc;

    /// <summary>Base of sensorReport component terms written as bare words ("x" means cbv:Comp-x).</summary>
    public const string ComponentBase = Cbv.Cbv.WebBase + "Comp-";

    private static string AnyVocabularyToWebUri(string value)
    {
        foreach (var vocabulary in vocabularies)
        {
            var web = Cbv.Cbv.ToWebUri(vocabulary, value);
            if (!ReferenceEquals(web, value) && web != value)
                return web;
        }
        return value;
    }

    // CBV 2.0 §8.9.1 rule 15 names the prefixes that every implementation expands; a document's own prefixes
    // (example:x) stay as written, since the pre-hash of one event cannot depend on the document around it.
    private static string ExpandWellKnownCurie(string value)
    {
        if (value.StartsWith("gs1:", StringComparison.Ordinal))
            return Gs1Voc + value[4..];
        if (value.StartsWith("cbv:", StringComparison.Ordinal))
            return Cbv.Cbv.WebBase + value[4..];
        if (value.StartsWith("epcis:", StringComparison.Ordinal))
            return EpcisVoc + value[6..];
        return value;
    }

    [GeneratedRegex(@"^[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Numeral();
}
