using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;

namespace VnTrace.Server.Tests.Infrastructure;

/// <summary>
/// Page tests without a browser: a client for the server's HTML pages through the in-memory TestServer that behaves
/// like a browser submitting forms. It keeps cookies in <see cref="Cookies"/> and talks to https://localhost, so the
/// Secure cookies (antiforgery, sign-in) are sent back; it reads the antiforgery token (<see cref="AntiforgeryField"/>)
/// from a page's form and posts the form's fields with it. Redirects are followed only when asked, so a test can assert
/// a POST's 302 and its Location.
/// </summary>
/// <example>
/// <code>
/// using var pages = new PageClient(fixture.App);
/// var response = await pages.SubmitFormAsync("/Account/Login", new Dictionary&lt;string, string&gt;
/// {
///     ["Input.Email"] = "an@example.vn",
///     ["Input.Password"] = "…",
/// });
/// Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
/// var html = await pages.GetPageAsync(response.Headers.Location!.ToString()); // with the sign-in cookie
/// </code>
/// </example>
public sealed partial class PageClient : IDisposable
{
    public const string AntiforgeryField = "__RequestVerificationToken";
    public const string SignOutAction = "/account/sign-out";
    private const int MaxRedirects = 10;

    public static Uri BaseAddress { get; } = new("https://localhost");

    public CookieContainer Cookies { get; } = new();

    /// <summary>The underlying client (cookies handled, redirects not followed), for requests the helpers do not cover.</summary>
    public HttpClient Http { get; }

    public PageClient(VnTraceApp app)
    {
        if (app.ServerAddress is not null)
            throw new InvalidOperationException("PageClient talks to the in-memory TestServer; this server was started with Kestrel (use a browser for it).");
        Http = app.CreateDefaultClient(BaseAddress, new CookieContainerHandler(Cookies));
    }

    public Task<HttpResponseMessage> GetAsync(string path, bool followRedirects = true) =>
        SendAsync(HttpMethod.Get, new Uri(BaseAddress, path), fields: null, followRedirects);

    /// <summary>The HTML of a page, following redirects; fails unless the final answer is 200 with HTML.</summary>
    public async Task<string> GetPageAsync(string path)
    {
        using var response = await GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.OK || response.Content.Headers.ContentType?.MediaType != "text/html")
            throw new InvalidOperationException($"GET {path}: expected 200 text/html, got {(int)response.StatusCode} {response.Content.Headers.ContentType}: {body}");
        return body;
    }

    /// <summary>
    /// Does what a browser does when the form on <paramref name="pagePath"/> is submitted: GETs the page (which also
    /// sets the antiforgery cookie), takes its POST form (the first, or the one whose action is
    /// <paramref name="formAction"/>), and posts the form's hidden inputs — the antiforgery token among them —
    /// with <paramref name="fields"/> replacing inputs of the same name, to the form's action.
    /// </summary>
    public async Task<HttpResponseMessage> SubmitFormAsync(string pagePath, IEnumerable<KeyValuePair<string, string>> fields,
        string? formAction = null, bool followRedirects = false)
    {
        var html = await GetPageAsync(pagePath);
        var form = FindForm(html, formAction)
            ?? throw new InvalidOperationException($"GET {pagePath}: no POST form{(formAction is null ? "" : $" with action {formAction}")} in the page.");
        var given = fields.ToList();
        var names = given.Select(f => f.Key).ToHashSet(StringComparer.Ordinal);
        var posted = form.HiddenFields.Where(f => !names.Contains(f.Key)).Concat(given).ToList();
        var target = new Uri(new Uri(BaseAddress, pagePath), form.Action ?? "");
        return await SendAsync(HttpMethod.Post, target, posted, followRedirects);
    }

    /// <summary>
    /// Posts <paramref name="fields"/> as application/x-www-form-urlencoded, with <paramref name="antiforgeryToken"/>
    /// when given (from <see cref="FindForm"/> on a page this client fetched, so the matching cookie is present).
    /// </summary>
    public Task<HttpResponseMessage> PostFormAsync(string path, IEnumerable<KeyValuePair<string, string>> fields,
        string? antiforgeryToken, bool followRedirects = false)
    {
        var posted = fields.ToList();
        if (antiforgeryToken is not null)
            posted.Add(new(AntiforgeryField, antiforgeryToken));
        return SendAsync(HttpMethod.Post, new Uri(BaseAddress, path), posted, followRedirects);
    }

    /// <summary>
    /// The first POST form of <paramref name="html"/> other than the layout's sign-out (or the one whose action attribute is <paramref name="action"/>):
    /// its action and its hidden inputs, antiforgery token included. A small scan for the markup our pages render,
    /// not an HTML parser.
    /// </summary>
    public static HtmlForm? FindForm(string html, string? action = null)
    {
        foreach (Match form in FormElement().Matches(html))
        {
            var attributes = Attributes(form.Groups["attributes"].Value);
            if (!string.Equals(attributes.GetValueOrDefault("method"), "post", StringComparison.OrdinalIgnoreCase))
                continue;
            var formAction = attributes.GetValueOrDefault("action");
            if (action is not null && formAction != action)
                continue;
            // The layout's sign-out button is a form too; "the page's form" means the page's own.
            if (action is null && formAction == SignOutAction)
                continue;
            var hidden = new List<KeyValuePair<string, string>>();
            foreach (Match input in InputElement().Matches(form.Groups["content"].Value))
            {
                var inputAttributes = Attributes(input.Value);
                if (string.Equals(inputAttributes.GetValueOrDefault("type"), "hidden", StringComparison.OrdinalIgnoreCase)
                    && inputAttributes.GetValueOrDefault("name") is { } name)
                    hidden.Add(new(name, inputAttributes.GetValueOrDefault("value") ?? ""));
            }
            return new HtmlForm(formAction, hidden);
        }
        return null;
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, Uri uri, List<KeyValuePair<string, string>>? fields, bool followRedirects)
    {
        for (var hops = 0; ; hops++)
        {
            using var request = new HttpRequestMessage(method, uri);
            if (fields is not null)
                request.Content = new FormUrlEncodedContent(fields);
            var response = await Http.SendAsync(request);
            var status = (int)response.StatusCode;
            if (!followRedirects || status is < 300 or > 399 || response.Headers.Location is not { } location)
                return response;
            if (hops == MaxRedirects)
                throw new InvalidOperationException($"More than {MaxRedirects} redirects from {uri}.");
            response.Dispose();
            uri = new Uri(uri, location);
            // 307 and 308 repeat the request as it was; the others turn it into a GET (RFC 9110 §15.4).
            if (status is not (307 or 308))
            {
                method = HttpMethod.Get;
                fields = null;
            }
        }
    }

    private static Dictionary<string, string> Attributes(string markup)
    {
        var attributes = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (Match a in Attribute().Matches(markup))
        {
            var value = a.Groups["dq"].Success ? a.Groups["dq"].Value : a.Groups["sq"].Success ? a.Groups["sq"].Value : a.Groups["bare"].Value;
            attributes.TryAdd(a.Groups["name"].Value, WebUtility.HtmlDecode(value));
        }
        return attributes;
    }

    [GeneratedRegex(@"<form\b(?<attributes>[^>]*)>(?<content>.*?)</form\s*>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex FormElement();

    [GeneratedRegex(@"<input\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex InputElement();

    [GeneratedRegex("""(?<name>[A-Za-z_:][-A-Za-z0-9_:.]*)\s*=\s*(?:"(?<dq>[^"]*)"|'(?<sq>[^']*)'|(?<bare>[^\s"'=<>`]+))""")]
    private static partial Regex Attribute();

    public void Dispose() => Http.Dispose();
}

/// <summary>A form found by <see cref="PageClient.FindForm"/>: its action attribute (null: the page itself) and hidden inputs.</summary>
public sealed record HtmlForm(string? Action, IReadOnlyList<KeyValuePair<string, string>> HiddenFields)
{
    public string? AntiforgeryToken =>
        HiddenFields.Where(f => f.Key == PageClient.AntiforgeryField).Select(f => f.Value).FirstOrDefault();
}
