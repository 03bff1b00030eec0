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
}
