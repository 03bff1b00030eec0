using Microsoft.AspNetCore.Http.Features;
using Microsoft.Net.Http.Headers;
using VnTrace.Gs1.Identifiers;

namespace VnTrace.Server.Resolver;

/// <summary>What a client asks of the resolver (GS1-Conformant Resolver 1.2 §4–§5).</summary>
public enum ResolverAnswer
{
    /// <summary>The default link: the consumer page, for browsers.</summary>
    Page,
    /// <summary>All published links, as an RFC 9264 linkset (linkType=all or linkset, or Accept asking for JSON).</summary>
    Linkset,
    /// <summary>One link type (linkType=gs1:…): a 307 to that link.</summary>
    LinkType,
    /// <summary>OPTIONS: the methods and CORS headers.</summary>
    Options,
}

/// <summary>
/// A request to the resolver, read once per request: the Digital Link parsed from the raw request target (so an
/// escaped slash inside a lot number stays inside it), or why it could not be, and the answer the client negotiated
/// with linkType and Accept.
/// </summary>
public sealed class ResolverRequest
{
    private const string ItemKey = "VnTrace.ResolverRequest";

    public DigitalLink? Link { get; private init; }
    public Gs1ParseError? Error { get; private init; }
    /// <summary>400 for a URI that is no Digital Link, 414 for one too long to read.</summary>
    public int ErrorStatus { get; private init; } = StatusCodes.Status400BadRequest;
    public ResolverAnswer Answer { get; private init; }
    /// <summary>The requested link type as a full URI (https://gs1.org/voc/pip), for <see cref="ResolverAnswer.LinkType"/>.</summary>
    public string? LinkType { get; private init; }
    /// <summary>The client ranks JSON above HTML: errors go out as problem+json, the default answer as the linkset.</summary>
    public bool PrefersJson { get; private init; }
    /// <summary>application/linkset+json unless the client asked for plain application/json only.</summary>
    public string LinksetMediaType { get; private init; } = Linkset.MediaType;
    /// <summary>The resolver's base URL, without a trailing slash.</summary>
    public required string Root { get; init; }

    /// <summary>The item's Digital Link on this resolver: the linkset anchor and the consumer page's address.</summary>
    public string Anchor => Link?.ToUri(Root, includeQuery: false) ?? Root;

    public static ResolverRequest Of(HttpContext http)
    {
        if (http.Items.TryGetValue(ItemKey, out var cached) && cached is ResolverRequest request)
            return request;
        request = Read(http, http.RequestServices.GetRequiredService<ResolverOptions>());
        http.Items[ItemKey] = request;
        return request;
    }

    private static ResolverRequest Read(HttpContext http, ResolverOptions options)
    {
        var root = string.IsNullOrWhiteSpace(options.Root) ? $"{http.Request.Scheme}://{http.Request.Host}" : options.Root.TrimEnd('/');
        var (prefersJson, linksetType) = Negotiate(http.Request);
        var isOptions = HttpMethods.IsOptions(http.Request.Method);
        var target = RawTarget(http);
        if (target.Length > options.MaxUriLength)
        {
            return new ResolverRequest
            {
                Root = root,
                Error = new Gs1ParseError(Gs1ParseErrorCode.TooLong, options.MaxUriLength, target.Length - options.MaxUriLength,
                    $"the URI is {target.Length} characters long; a Digital Link here has at most {options.MaxUriLength}"),
                ErrorStatus = StatusCodes.Status414UriTooLong,
                PrefersJson = prefersJson,
                Answer = isOptions ? ResolverAnswer.Options : ResolverAnswer.Page,
            };
        }
        // Positions in errors count from the start of the path, as the person sees it after the host.
        const string host = "https://resolver";
        if (!DigitalLink.TryParse(host + target, out var link, out var error))
        {
            return new ResolverRequest
            {
                Root = root,
                Error = error with { Position = Math.Max(0, error.Position - host.Length) },
                PrefersJson = prefersJson,
                Answer = isOptions ? ResolverAnswer.Options : ResolverAnswer.Page,
            };
        }
        var linkType = link.OtherQueryParameters.FirstOrDefault(p => p.Key == "linkType").Value;
        var answer = isOptions ? ResolverAnswer.Options
            : linkType is "all" or "linkset" ? ResolverAnswer.Linkset
            : !string.IsNullOrWhiteSpace(linkType) ? ResolverAnswer.LinkType
            : prefersJson ? ResolverAnswer.Linkset
            : ResolverAnswer.Page;
        return new ResolverRequest
        {
            Root = root,
            Link = link,
            Answer = answer,
            LinkType = answer == ResolverAnswer.LinkType ? Gs1LinkTypes.Normalize(linkType) : null,
            PrefersJson = prefersJson,
            LinksetMediaType = linksetType,
        };
    }

    /// <summary>The path and query as the client sent them (Request.Path has %XX decoded, which would split "A%2FB").</summary>
    private static string RawTarget(HttpContext http)
    {
        var raw = http.Features.Get<IHttpRequestFeature>()?.RawTarget;
        if (!string.IsNullOrEmpty(raw) && raw[0] == '/')
            return raw;
        if (!string.IsNullOrEmpty(raw) && Uri.TryCreate(raw, UriKind.Absolute, out var absolute))
            return absolute.PathAndQuery;
        return http.Request.PathBase.ToUriComponent() + http.Request.Path.ToUriComponent() + http.Request.QueryString.ToUriComponent();
    }

    /// <summary>
    /// HTML unless the client ranks a JSON type above every HTML type (a browser's */* never counts for JSON); equal
    /// ranks go to HTML, the default link.
    /// </summary>
    internal static (bool PrefersJson, string LinksetMediaType) Negotiate(HttpRequest request)
    {
        var accept = request.Headers.Accept;
        if (accept.Count == 0 || !MediaTypeHeaderValue.TryParseList(accept, out var types))
            return (false, Linkset.MediaType);
        double html = -1, any = -1, json = -1, linkset = -1;
        foreach (var t in types)
        {
            var q = t.Quality ?? 1;
            var type = t.MediaType.Value ?? "";
            if (type.Equals("text/html", StringComparison.OrdinalIgnoreCase) || type.Equals("application/xhtml+xml", StringComparison.OrdinalIgnoreCase))
                html = Math.Max(html, q);
            else if (type.Equals("application/linkset+json", StringComparison.OrdinalIgnoreCase))
                linkset = Math.Max(linkset, q);
            else if (type.Equals("application/json", StringComparison.OrdinalIgnoreCase) || type.Equals("application/ld+json", StringComparison.OrdinalIgnoreCase)
                     || type.Equals("application/problem+json", StringComparison.OrdinalIgnoreCase))
                json = Math.Max(json, q);
            else if (type is "*/*" or "text/*")
                any = Math.Max(any, q);
        }
        var bestJson = Math.Max(json, linkset);
        var bestHtml = html >= 0 ? html : any;
        var prefersJson = bestJson > 0 && bestJson > bestHtml;
        var media = json > linkset ? "application/json" : Linkset.MediaType;
        return (prefersJson, media);
    }
}
