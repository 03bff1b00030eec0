using VnTrace.Gs1.Identifiers;

namespace VnTrace.Server.Platform.Events;

/// <summary>
/// The canonical form under which identifiers are stored and queried: a GS1 key becomes its Digital Link at
/// id.gs1.org (so urn:epc:id:sgtin:… and https://example.vn/01/…/21/… are the same thing); anything else stays as sent.
/// </summary>
public static class Identifiers
{
    public static string Canonical(string value) =>
        EpcDigitalLink.TryToCanonicalDigitalLink(value, out var dl) ? dl : value;

    /// <summary>The Digital Link of the GTIN an SGTIN company prefix and item reference stand for.</summary>
    public static bool TryCanonicalGtinDigitalLink(string companyPrefix, string itemReference, out string digitalLink)
    {
        // Convert a serialised item with a placeholder serial and cut the serial off again.
        if (EpcDigitalLink.TryToCanonicalDigitalLink($"urn:epc:id:sgtin:{companyPrefix}.{itemReference}.0", out var withSerial)
            && withSerial.EndsWith("/21/0", StringComparison.Ordinal))
        {
            digitalLink = withSerial[..^"/21/0".Length];
            return true;
        }
        digitalLink = "";
        return false;
    }
}
