using VnTrace.Gs1.Identifiers;

namespace VnTrace.Server.Labels;

/// <summary>
/// Where the Digital Links printed on labels point: this server's resolver (/01/{gtin}/10/{lot}[/21/{serial}]).
/// <c>VnTrace:DigitalLinkBase</c> (e.g. <c>https://txng.daklak.gov.vn</c>) in production, so a label printed from
/// any address the server is reached by carries the public one; unset, the scheme, host and path base of the request.
/// </summary>
public sealed class DigitalLinkBase
{
    public const string Setting = "VnTrace:DigitalLinkBase";

    private readonly string? configured;

    public DigitalLinkBase(IConfiguration configuration)
    {
        var value = configuration[Setting];
        if (string.IsNullOrWhiteSpace(value))
            return;
        // Checked at start: a wrong base would be printed on thousands of labels before anyone scanned one.
        if (!Uri.TryCreate(value.Trim(), UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http")
            || uri.Query.Length > 0 || uri.Fragment.Length > 0 || uri.UserInfo.Length > 0)
            throw new InvalidOperationException($"{Setting} must be an absolute http(s) URI without query, fragment or user, like https://txng.daklak.gov.vn; it is '{value}'.");
        configured = uri.GetLeftPart(UriPartial.Path).TrimEnd('/');
    }

    /// <summary>The configured base, or null when labels take the request's.</summary>
    public string? Configured => configured;

    public string For(HttpRequest request) => configured ?? $"{request.Scheme}://{request.Host}{request.PathBase}";

    /// <summary>The lot's code, /01/{gtin}/10/{lot}, on <paramref name="baseUri"/>.</summary>
    public static DigitalLink ForLot(string baseUri, string gtin, string lotNumber) =>
        new() { Base = baseUri, PrimaryKey = new("01", gtin), Qualifiers = [new("10", lotNumber)] };

    /// <summary>A serialised unit's code, /01/{gtin}/10/{lot}/21/{serial}, on <paramref name="baseUri"/>.</summary>
    public static DigitalLink ForSerial(string baseUri, string gtin, string lotNumber, string serial) =>
        new() { Base = baseUri, PrimaryKey = new("01", gtin), Qualifiers = [new("10", lotNumber), new("21", serial)] };
}
