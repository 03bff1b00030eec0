using VnTrace.Gs1.Epcis;
using VnTrace.Gs1.Identifiers;
using VnTrace.Server.Platform.Api;

namespace VnTrace.Server.Resolver;

/// <summary>The resolver's non-HTML answers, with the headers every answer carries (GS1-Conformant Resolver 1.2 §4.2).</summary>
public static class ResolverResults
{
    public const string AllowedMethods = "GET, HEAD, OPTIONS";

    /// <summary>CORS for any origin (the resolver answers public data to any web app) and the negotiation it varies on.</summary>
    public static void ApplyCommonHeaders(HttpResponse response)
    {
        response.Headers.AccessControlAllowOrigin = "*";
        response.Headers.AccessControlAllowMethods = AllowedMethods;
        response.Headers.AccessControlExposeHeaders = "Link, Location";
        response.Headers.Vary = "Accept";
    }

    public static IResult Linkset(Linkset linkset, string mediaType) => new LinksetResult(linkset, mediaType);

    /// <summary>307: the client repeats its request at the link (GS1 resolvers redirect temporarily, links change).</summary>
    public static IResult Redirect(string target, string anchor) => new RedirectResult(target, anchor);

    public static IResult Options() => new OptionsResult();

    /// <summary>A refused URI as RFC 9457 problem details, with where it went wrong and its <see cref="Gs1ParseErrorCode"/>.</summary>
    public static IResult InvalidLink(int status, Gs1ParseError error) =>
        EpcisProblems.Result(status, EpcisExceptionType.Validation, "Not a GS1 Digital Link this resolver can read: " + error.Message, extensions: new Dictionary<string, object?>
        {
            ["position"] = error.Position,
            ["length"] = error.Length,
            ["ai"] = error.Ai,
            ["code"] = error.Code.ToString(),
        });

    public static IResult NotFound(string detail) => EpcisProblems.NotFound(detail);

    private sealed class LinksetResult(Linkset linkset, string mediaType) : IResult
    {
        public Task ExecuteAsync(HttpContext http)
        {
            ApplyCommonHeaders(http.Response);
            http.Response.ContentType = mediaType;
            http.Response.Headers.Link = $"<{Resolver.Linkset.JsonLdContext}>; rel=\"http://www.w3.org/ns/json-ld#context\"; type=\"application/ld+json\"";
            var body = linkset.ToJson();
            http.Response.ContentLength = body.Length;
            return HttpMethods.IsHead(http.Request.Method) ? Task.CompletedTask : http.Response.Body.WriteAsync(body).AsTask();
        }
    }

    private sealed class RedirectResult(string target, string anchor) : IResult
    {
        public Task ExecuteAsync(HttpContext http)
        {
            ApplyCommonHeaders(http.Response);
            http.Response.StatusCode = StatusCodes.Status307TemporaryRedirect;
            http.Response.Headers.Location = target;
            http.Response.Headers.Link = Resolver.Linkset.LinkHeaderTo(anchor);
            return Task.CompletedTask;
        }
    }

    private sealed class OptionsResult : IResult
    {
        public Task ExecuteAsync(HttpContext http)
        {
            ApplyCommonHeaders(http.Response);
            http.Response.Headers.Allow = AllowedMethods;
            http.Response.Headers.AccessControlAllowHeaders = "Accept, Accept-Language";
            http.Response.Headers.AccessControlMaxAge = "86400";
            http.Response.StatusCode = StatusCodes.Status204NoContent;
            return Task.CompletedTask;
        }
    }
}
