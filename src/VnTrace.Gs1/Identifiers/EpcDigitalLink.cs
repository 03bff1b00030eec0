namespace VnTrace.Gs1.Identifiers;

/// <summary>
/// String-to-string conversion between EPC URIs and GS1 Digital Link URIs, for code that holds identifiers as
/// EPCIS writes them (the event hash, queries). The typed forms are <see cref="EpcUri"/> and <see cref="DigitalLink"/>.
/// </summary>
public static class EpcDigitalLink
{
    /// <summary>
    /// The canonical Digital Link (<c>https://id.gs1.org/…</c>, GTIN as 14 digits, no path prefix, no query
    /// string) for an EPC URI (<c>urn:epc:id:…</c>, <c>urn:epc:class:lgtin:…</c>, <c>urn:epc:idpat:…:*</c>) or for a
    /// Digital Link; false for anything else (other URIs, invalid keys, patterns with no Digital Link form).
    /// </summary>
    public static bool TryToCanonicalDigitalLink(string epcUri, out string digitalLink)
    {
        digitalLink = "";
        if (epcUri is null)
            return false;
        if (epcUri.StartsWith("urn:epc:", StringComparison.Ordinal))
        {
            if (!EpcUri.TryParse(epcUri, out var epc, out _) || !EpcConversion.TryToDigitalLink(epc, out var fromEpc, out _))
                return false;
            digitalLink = fromEpc.ToCanonicalUri();
            return true;
        }
        if (!DigitalLink.TryParse(epcUri, out var link, out _))
            return false;
        digitalLink = link.ToCanonicalUri();
        return true;
    }

    /// <summary>
    /// The EPC URI for a Digital Link, taking the GS1 Company Prefix length from <see cref="Gs1CompanyPrefix.LengthFor"/>
    /// (7 unless the key implies otherwise). An EPC URI given as input is returned in its normal form.
    /// </summary>
    public static bool TryToEpcUri(string digitalLink, out string epcUri) =>
        TryToEpcUri(digitalLink, null, out epcUri);

    /// <summary>The EPC URI for a Digital Link whose GS1 Company Prefix has <paramref name="companyPrefixLength"/> digits.</summary>
    public static bool TryToEpcUri(string digitalLink, int? companyPrefixLength, out string epcUri)
    {
        epcUri = "";
        if (digitalLink is null)
            return false;
        if (digitalLink.StartsWith("urn:epc:", StringComparison.Ordinal))
        {
            if (!EpcUri.TryParse(digitalLink, out var given, out _))
                return false;
            epcUri = given.ToString();
            return true;
        }
        if (!DigitalLink.TryParse(digitalLink, out var link, out _) ||
            !EpcUri.TryFromDigitalLink(link, companyPrefixLength, out var epc, out _))
            return false;
        epcUri = epc.ToString();
        return true;
    }
}
