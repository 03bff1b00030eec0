using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using VnTrace.Gs1.Identifiers;
using VnTrace.Server.Lookup.Publication;
using VnTrace.Server.Lookup.Scans;
using VnTrace.Server.Platform.Text;
using VnTrace.Server.Platform.Web;
using VnTrace.Server.Resolver;

namespace VnTrace.Server.Lookup;

/// <summary>
/// Every Digital Link path (/01/…, /414/…, /00/…, short names too) lands here. The resolver negotiation decides the
/// answer: the consumer page for a browser, the linkset for linkType=all or a client asking for JSON, a 307 for
/// linkType=gs1:…, a friendly 400 page or problem+json for a URI that is no Digital Link. The page works without
/// JavaScript; a small script adds the map and, on per-unit pages, offers to share a rounded position.
/// </summary>
[CountsScans]
[OutputCache(PolicyName = LookupCachePolicy.Name)]
[EnableRateLimiting(LookupSetup.UncachedPolicy)]
[IgnoreAntiforgeryToken]
public sealed class ConsumerPageModel(ConsumerLookup lookup, ConsumerViewCache views, Authenticity authenticity, LookupOptions options,
    IStringLocalizer<LookupText> l) : PageModel
{
    public ResolverRequest Resolver { get; private set; } = null!;
    public ConsumerView? View { get; private set; }
    public Verdict Verdict { get; private set; } = new(VerdictKind.Unknown);
    public Gs1ParseError? Error { get; private set; }
    public bool English { get; } = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";
    public MapOptions Map => options.Map;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Resolver = ResolverRequest.Of(HttpContext);
        ResolverResults.ApplyCommonHeaders(Response);
        if (Resolver.Error is { } error)
        {
            if (Resolver.PrefersJson)
                return new ResultAction(ResolverResults.InvalidLink(Resolver.ErrorStatus, error));
            Error = error;
            Response.StatusCode = Resolver.ErrorStatus;
            return Page();
        }

        var link = Resolver.Link!;
        // Per-unit pages are built for each view (their verdict counts earlier scans), from a cached view of the unit.
        var view = Resolver.Answer == ResolverAnswer.Page && ConsumerLookup.SubjectOf(link) == LookupSubject.Unit
            ? await views.GetOrCreateAsync(link.ToString(), () => lookup.FindAsync(link, ct))
            : await lookup.FindAsync(link, ct);
        LookupCachePolicy.TagResponse(HttpContext, view);
        switch (Resolver.Answer)
        {
            case ResolverAnswer.Linkset:
                return new ResultAction(view.Known
                    ? ResolverResults.Linkset(ConsumerLinks.Build(view, Resolver, l, English), Resolver.LinksetMediaType)
                    : ResolverResults.NotFound(l["NotFound.Problem", view.Canonical]));
            case ResolverAnswer.LinkType:
                if (!view.Known)
                    return new ResultAction(ResolverResults.NotFound(l["NotFound.Problem", view.Canonical]));
                var links = ConsumerLinks.Build(view, Resolver, l, English);
                // A link type that is not published falls back to the default link (the consumer page itself).
                var target = links.Choose(Resolver.LinkType!, English ? "en" : "vi") ?? links.Choose(Gs1LinkTypes.DefaultLink, English ? "en" : "vi")!;
                return new ResultAction(ResolverResults.Redirect(ConsumerLinks.WithQuery(target.Href, Resolver.Link!), Resolver.Anchor));
        }

        View = view;
        Verdict = view.Subject == LookupSubject.Unit
            ? await authenticity.OfUnitAsync(view, ScanCounting.TimeOf(HttpContext), ScanCounting.UserAgentHash(Request.Headers.UserAgent.ToString()),
                ScanCounting.AddressHashOf(HttpContext), ct)
            : Authenticity.Of(view);
        Response.Headers.Link = Linkset.LinkHeaderTo(Resolver.Anchor);
        // The page changes with every scan of a unit and after a new event; browsers ask again each time.
        Response.Headers.CacheControl = "no-cache";
        if (!view.Known && !view.Suspended)
            Response.StatusCode = StatusCodes.Status404NotFound;
        return Page();
    }

    public IActionResult OnOptions() => new ResultAction(ResolverResults.Options());

    public bool Shows(PublicField field) => View?.Publication.Shows(field) == true;

    /// <summary>This page's path with the query it was asked with, for the language switch and the report form.</summary>
    public string HerePath => Resolver.Link is { } link ? link.ToUri("", includeQuery: false) : "/";

    public string FormatDate(DateOnly date) => Readable.Date(date);

    /// <summary>An event's time in Viet Nam's time, which is the consumer's, whatever offset the business recorded it with.</summary>
    public string FormatTime(DateTimeOffset time) => Readable.Time(time);

    /// <summary>The map's places for the script, as JSON in a data attribute (HTML-encoded by Razor like any attribute).</summary>
    public string MapJson() => JsonSerializer.Serialize(View!.MapPlaces.Select(p => new MapPlace(p.Name, p.Commune, p.Latitude!.Value, p.Longitude!.Value)).ToArray(),
        LookupJson.Default.MapPlaceArray);

    public sealed record MapPlace(string Name, string? Commune, double Lat, double Lon);
}

[System.Text.Json.Serialization.JsonSourceGenerationOptions(PropertyNamingPolicy = System.Text.Json.Serialization.JsonKnownNamingPolicy.CamelCase)]
[System.Text.Json.Serialization.JsonSerializable(typeof(ConsumerPageModel.MapPlace[]))]
internal sealed partial class LookupJson : System.Text.Json.Serialization.JsonSerializerContext;
