using VnTrace.Gs1.Identifiers;

namespace VnTrace.Server.Labels;

/// <summary>
/// The resolver's one public link: where the Digital Links printed on labels point (/01/{gtin}/10/{lot}[/21/{serial}])
/// and what every screen shows for a code — labels, lot pages, recall pages, the report form, the consumer page.
/// <c>VnTrace:PublicBaseUrl</c> (e.g. <c>https://txng.daklak.gov.vn</c>) is required outside Development, so a label
/// printed from any address the server is reached by carries the public one; unset in Development (and in the test
/// host), the scheme, host and path base of the request.
/// </summary>
public sealed class DigitalLinkBase
{
    public const string Setting = "VnTrace:PublicBaseUrl";

    /// <summary>The setting's earlier name, still read when <see cref="Setting"/> is unset.</summary>
    public const string EarlierSetting = "VnTrace:DigitalLinkBase";

    private readonly string? configured;

    public DigitalLinkBase(IConfiguration configuration, IHostEnvironment environment)
    {
        var value = string.IsNullOrWhiteSpace(configuration[Setting]) ? configuration[EarlierSetting] : configuration[Setting];
        if (string.IsNullOrWhiteSpace(value))
        {
            // A label printed with the address someone happened to use (an internal host, localhost) cannot be recalled.
            if (!environment.IsDevelopment() && !environment.IsEnvironment("Testing"))
                throw new InvalidOperationException($"{Setting} is required outside Development: the public address of this resolver that QR codes and every screen give, like https://txng.daklak.gov.vn (environment variable VnTrace__PublicBaseUrl).");
            return;
        }
        // Checked at start: a wrong base would be printed on thousands of labels before anyone scanned one.
        if (!Uri.TryCreate(value.Trim(), UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http")
            || uri.Query.Length > 0 || uri.Fragment.Length > 0 || uri.UserInfo.Length > 0)
            throw new InvalidOperationException($"{Setting} must be an absolute http(s) URI without query, fragment or user, like https://txng.daklak.gov.vn; it is '{value}'.");
        configured = uri.GetLeftPart(UriPartial.Path).TrimEnd('/');
    }

    /// <summary>The configured base, or null when labels take the request's.</summary>
    public string? Configured => configured;

    public string For(HttpRequest request) => configured ?? $"{request.Scheme}://{request.Host}{request.PathBase}";

    /// <summary>
    /// The public link of an identifier kept in canonical form (<c>https://id.gs1.org/01/…</c>): the same Digital Link
    /// path on this resolver, as the QR code carries it. Anything else (an EPC URN, a URI of another system) is unchanged.
    /// </summary>
    public string Public(HttpRequest request, string identifier) =>
        identifier.StartsWith(DigitalLink.CanonicalBase + "/", StringComparison.Ordinal)
            ? For(request) + identifier[DigitalLink.CanonicalBase.Length..]
            : identifier;

    /// <summary>The public link of a parsed Digital Link (without its query).</summary>
    public string Public(HttpRequest request, DigitalLink link) => link.ToUri(For(request), includeQuery: false);

    /// <summary>The lot's code, /01/{gtin}/10/{lot}, on <paramref name="baseUri"/>.</summary>
    public static DigitalLink ForLot(string baseUri, string gtin, string lotNumber) =>
        new() { Base = baseUri, PrimaryKey = new("01", gtin), Qualifiers = [new("10", lotNumber)] };

    /// <summary>A serialised unit's code, /01/{gtin}/10/{lot}/21/{serial}, on <paramref name="baseUri"/>.</summary>
    public static DigitalLink ForSerial(string baseUri, string gtin, string lotNumber, string serial) =>
        new() { Base = baseUri, PrimaryKey = new("01", gtin), Qualifiers = [new("10", lotNumber), new("21", serial)] };
}
