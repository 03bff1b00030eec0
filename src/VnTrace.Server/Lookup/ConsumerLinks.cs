using Microsoft.Extensions.Localization;
using VnTrace.Server.Resolver;
using VnTrace.Server.Certificates;

namespace VnTrace.Server.Lookup;

/// <summary>
/// The links the resolver publishes for a code, built only from a <see cref="ConsumerView"/> (so only from what the
/// businesses published): the consumer page as the default link and product information page, its journey
/// (gs1:traceability) and the EPCIS query of the item's events (gs1:epcis), each certificate (gs1:certificationInfo)
/// and the recall status (gs1:recallStatus).
/// </summary>
public static class ConsumerLinks
{
    public static Linkset Build(ConsumerView view, ResolverRequest request, IStringLocalizer<LookupText> l, bool english)
    {
        var page = request.Anchor;
        var language = english ? "en" : "vi";
        var description = view.Product?.Name(english) ?? view.Place?.Name ?? view.Producer?.Name;
        var links = new Linkset(request.Anchor, description);
        links.Add(Gs1LinkTypes.DefaultLink, new LinkTarget(page, l["Link.Page"], "text/html", language));
        var tradeItem = view.Subject is LookupSubject.Product or LookupSubject.Lot or LookupSubject.Unit;
        if (tradeItem)
        {
            links.Add(Gs1LinkTypes.ProductInfo, new LinkTarget(page + "?culture=vi", l["Link.ProductInfo"], "text/html", "vi"));
            links.Add(Gs1LinkTypes.ProductInfo, new LinkTarget(page + "?culture=en", l["Link.ProductInfo"], "text/html", "en"));
        }
        if (view.Journey.Count > 0)
        {
            links.Add(Gs1LinkTypes.Traceability, new LinkTarget(page + "#journey", l["Link.Journey"], "text/html", language));
            var (parameter, value) = view.Subject switch
            {
                LookupSubject.Lot => ("MATCH_anyEPCClass", view.LotIdentifier!),
                _ => ("MATCH_anyEPC", view.Canonical),
            };
            links.Add(Gs1LinkTypes.Epcis, new LinkTarget($"{request.Root}/events?{parameter}={Uri.EscapeDataString(value)}",
                l["Link.Epcis"], "application/ld+json"));
        }
        foreach (var c in view.Certificates)
        {
            var href = c.PublicFileId is { } file ? $"{request.Root}/files/{file}" : page + "#certificates";
            var status = c.Valid ? l["Certificate.ValidTo", c.ValidTo?.ToString("yyyy-MM-dd") ?? "—"] : l["Certificate.Expired"];
            links.Add(Gs1LinkTypes.CertificationInfo, new LinkTarget(href, $"{CertificateName(c, l)} {c.Number} ({status})",
                c.PublicFileId is null ? "text/html" : null, c.PublicFileId is null ? language : null));
        }
        if (tradeItem && view.Known)
            links.Add(Gs1LinkTypes.RecallStatus, new LinkTarget(page + "#recall", view.Recalled ? l["Link.Recalled"] : l["Link.NotRecalled"], "text/html", language));
        return links;
    }

    public static string CertificateName(PublicCertificate c, IStringLocalizer<LookupText> l) =>
        c.Kind == CertificateKind.Other && !string.IsNullOrWhiteSpace(c.OtherKindName) ? c.OtherKindName : l["CertificateKind." + c.Kind];

    /// <summary>
    /// Where a linkType request goes: the link with the query string of the request passed on (GS1-Conformant
    /// Resolver 1.2: a resolver passes key=value pairs on when redirecting), linkType itself left out.
    /// </summary>
    public static string WithQuery(string href, VnTrace.Gs1.Identifiers.DigitalLink link)
    {
        var pairs = link.Attributes.Select(a => a.Ai + "=" + Uri.EscapeDataString(a.Value))
            .Concat(link.OtherQueryParameters.Where(p => p.Key != "linkType").Select(p => Uri.EscapeDataString(p.Key) + "=" + Uri.EscapeDataString(p.Value)))
            .ToList();
        if (pairs.Count == 0)
            return href;
        var hash = href.IndexOf('#');
        var (path, fragment) = hash < 0 ? (href, "") : (href[..hash], href[hash..]);
        return path + (path.Contains('?') ? '&' : '?') + string.Join('&', pairs) + fragment;
    }
}
