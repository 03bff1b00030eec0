using VnTrace.Gs1.Identifiers;

namespace VnTrace.Gs1.Epcis.Validation;

/// <summary>
/// How EPCIS 2.0 §7.3.3 identifiers are checked: an EPC URI must parse, an http(s) URI holding a GS1 Digital Link
/// must be a valid Digital Link, anything else must at least be an absolute URI.
/// </summary>
internal static class IdentifierRules
{
    /// <summary>The EPC schemes we convert; other urn:epc:id schemes (gid, adi, bic, imovn, usdod…) are accepted as URIs.</summary>
    private static readonly HashSet<string> Gs1Schemes =
        ["sgtin", "sscc", "sgln", "grai", "giai", "gsrn", "gsrnp", "gdti", "cpi", "sgcn", "ginc", "gsin", "itip", "upui", "pgln", "lgtin"];

    public static void CheckUri(string value, string path, string what, ErrorSink at)
    {
        if (!IsAbsoluteUri(value))
            at.Add(path, value.Length == 0 ? $"{what} is empty; a URI is required" : $"{what} '{value}' is not an absolute URI");
    }

    public static bool IsAbsoluteUri(string value)
    {
        // RFC 3986 §3.1: scheme = ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ) followed by ':'.
        var colon = value.IndexOf(':');
        if (colon < 1 || !char.IsAsciiLetter(value[0]))
            return false;
        for (var i = 1; i < colon; i++)
        {
            if (!(char.IsAsciiLetterOrDigit(value[i]) || value[i] is '+' or '-' or '.'))
                return false;
        }
        return colon < value.Length - 1 && !value.Any(char.IsWhiteSpace) && Uri.TryCreate(value, UriKind.Absolute, out _);
    }

    /// <summary>An identifier of one object (epcList, childEPCs, input/outputEPCList, parentID).</summary>
    public static void CheckInstance(string value, string path, ErrorSink at)
    {
        if (value.StartsWith("urn:epc:class:", StringComparison.Ordinal) || value.StartsWith("urn:epc:idpat:", StringComparison.Ordinal))
        {
            at.Add(path, $"'{value}' names a class of objects, not one object; put it in a quantity list");
            return;
        }
        if (!CheckGs1(value, path, at, out var link))
            return;
        // EPCIS 2.0 §7.3.3.2: an instance needs its serial; a GTIN alone or with a lot is a class.
        if (link is { PrimaryKey.Ai: "01" } && !link.Qualifiers.Any(q => q.Ai is "21" or "235"))
            at.Add(path, $"'{value}' has a GTIN without a serial (AI 21) and names a class, not one object; put it in a quantity list");
        else if (link is { PrimaryKey.Ai: "8006" } && !link.Qualifiers.Any(q => q.Ai == "21"))
            at.Add(path, $"'{value}' has an ITIP without a serial (AI 21) and names a class, not one object; put it in a quantity list");
    }

    /// <summary>An epcClass of a quantity element: lgtin, an EPC pattern, a class-level Digital Link, or another URI.</summary>
    public static void CheckClass(string value, string path, ErrorSink at)
    {
        if (value.StartsWith("urn:epc:id:", StringComparison.Ordinal))
        {
            at.Add(path, $"'{value}' names one object; an epcClass is a class such as urn:epc:class:lgtin or urn:epc:idpat:sgtin");
            return;
        }
        if (!CheckGs1(value, path, at, out var link) || link is null)
            return;
        // Class-level Digital Links (EPCIS 2.0 §7.3.3.3, CBV §8): GTIN with optional CPV/lot, and the keys written
        // without their serial part (GDTI, GCN, GRAI, ITIP, CPID without serial).
        var serialQualifier = link.Qualifiers.FirstOrDefault(q => q.Ai is "21" or "235" or "8011" or "254");
        if (serialQualifier.Ai is not null)
        {
            at.Add(path, $"'{value}' carries AI ({serialQualifier.Ai}) and names one object, not a class");
            return;
        }
        var key = link.PrimaryKey;
        var instanceOnly = key.Ai is "00" or "414" or "417" or "8004" or "8017" or "8018" or "401" or "402"
            || (key.Ai is "253" or "255" && key.Value.Length > 13)
            || (key.Ai == "8003" && key.Value.Length > 14);
        if (instanceOnly)
            at.Add(path, $"'{value}' names one object or place (AI {key.Ai}), not a class of objects");
    }

    /// <summary>readPoint and bizLocation (EPCIS 2.0 §7.3.4): an SGLN, a Digital Link with AI 414 (and 254), or a URI.</summary>
    public static void CheckLocation(string value, string path, string what, ErrorSink at)
    {
        if (value.StartsWith("urn:epc:id:", StringComparison.Ordinal) && !value.StartsWith("urn:epc:id:sgln:", StringComparison.Ordinal))
        {
            at.Add(path, $"{what} '{value}' is an EPC of an object; a location is an SGLN (urn:epc:id:sgln:…) or a Digital Link with AI 414");
            return;
        }
        if (CheckGs1(value, path, at, out var link, what) && link is not null && link.PrimaryKey.Ai != "414")
            at.Add(path, $"{what} '{value}' is a Digital Link with AI ({link.PrimaryKey.Ai}); a location uses AI (414), optionally with (254)");
    }

    /// <summary>Values that may be any GS1 key or URI: source, destination, bizTransaction.</summary>
    public static void CheckReference(string value, string path, string what, ErrorSink at) =>
        CheckGs1(value, path, at, out _, what);

    /// <summary>
    /// Validates an EPC URI or a Digital Link; for other values checks for an absolute URI. False when an error was
    /// added. <paramref name="link"/> is the parsed Digital Link (also for an EPC URI) when there is one.
    /// </summary>
    private static bool CheckGs1(string value, string path, ErrorSink at, out DigitalLink? link, string what = "identifier")
    {
        link = null;
        if (value.StartsWith("urn:epc:", StringComparison.Ordinal))
        {
            var scheme = value.Split(':') is { Length: > 4 } parts ? parts[3] : "";
            if (!Gs1Schemes.Contains(scheme))
            {
                CheckUri(value, path, what, at);
                return IsAbsoluteUri(value);
            }
            if (!EpcUri.TryParse(value, out var epc, out var error))
            {
                at.Add(path, $"'{value}' is not a valid EPC URI: {error.Message}");
                return false;
            }
            link = epc.ToDigitalLink();
            return true;
        }
        if ((value.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || value.StartsWith("http://", StringComparison.OrdinalIgnoreCase))
            && DigitalLink.LooksLikeDigitalLink(value))
        {
            if (!DigitalLink.TryParse(value, out link, out var error))
            {
                at.Add(path, $"'{value}' is not a valid GS1 Digital Link: {error.Message}");
                return false;
            }
            return true;
        }
        if (!IsAbsoluteUri(value))
        {
            CheckUri(value, path, what, at);
            return false;
        }
        return true;
    }
}
