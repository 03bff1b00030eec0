using System.Globalization;
using Microsoft.AspNetCore.Localization;
using VnTrace.Server.Identity;

namespace VnTrace.Server.Platform.Web;

/// <summary>
/// The server-rendered web interface: Razor Pages living in their feature folders (Workspace/, Authority/,
/// Identity/Account/…, so the page root is the project root), Vietnamese by default with English as the switch.
/// </summary>
public static class WebInterface
{
    public static readonly CultureInfo[] Cultures = [new("vi"), new("en")];
    public const string CultureCookie = ".VnTrace.Culture";

    public static WebApplicationBuilder AddWebInterface(this WebApplicationBuilder builder)
    {
        // The build's precompressed copies of wwwroot (obj/.../compressed) are found through the static web assets
        // manifest, which the host reads by itself only in Development: without it an unpublished build run in another
        // environment (the tests' "Testing", a `dotnet run` in Production) answers a br/gzip request with an empty
        // file. A published app has no such manifest, and this does nothing there.
        builder.WebHost.UseStaticWebAssets();
        builder.Services.AddLocalization();
        // Vietnamese text as characters, not numeric entities: a third of the bytes on a consumer's 3G phone.
        builder.Services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
            o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddRouting(o => o.LowercaseUrls = true);
        builder.Services.AddRazorPages(o =>
            {
                o.RootDirectory = "/";
                o.Conventions.AuthorizeFolder("/Workspace", Policies.Workspace);
                // Every authority user reaches the console; what each sees is bounded by their agency (OfficerScope).
                // The province-wide pages (organizations, trace, recalls, exports, scans) stay with the DoST's readers.
                o.Conventions.AuthorizeFolder("/Authority", Programme.ProgrammeSetup.ConsolePolicy);
                foreach (var provinceWide in new[] { "/Authority/Organizations", "/Authority/Trace", "/Authority/Recalls", "/Authority/Exports" })
                    o.Conventions.AuthorizeFolder(provinceWide, Policies.AuthorityRead);
                o.Conventions.AddFolderApplicationModelConvention("/Authority",
                    m => m.Filters.Add(new Microsoft.AspNetCore.Mvc.TypeFilterAttribute(typeof(Programme.Agencies.OfficerScopeFilter))));
                // Only an approved business records and issues codes; the others see where their sign-up stands.
                o.Conventions.AddFolderApplicationModelConvention("/Workspace",
                    m => m.Filters.Add(new Microsoft.AspNetCore.Mvc.TypeFilterAttribute(typeof(Identity.WorkspaceStatusFilter))));
            })
            .AddViewLocalization()
            .AddDataAnnotationsLocalization(o => o.DataAnnotationLocalizerProvider = FeatureTextLocalizer.For);
        builder.Services.AddScoped<Identity.CurrentBusiness>();
        builder.Services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture("vi");
            o.SupportedCultures = Cultures;
            o.SupportedUICultures = Cultures;
            // Vietnamese unless the person chose otherwise (the switch sets the cookie; ?culture= for links).
            o.RequestCultureProviders =
            [
                new QueryStringRequestCultureProvider(),
                new CookieRequestCultureProvider { CookieName = CultureCookie },
            ];
        });
        return builder;
    }

    public static WebApplication UseWebInterface(this WebApplication app)
    {
        app.UseRequestLocalization();
        return app;
    }

    public static WebApplication MapWebInterface(this WebApplication app)
    {
        // WithStaticAssets: asp-append-version links name the build's fingerprinted copy of each file
        // (MapStaticAssets serves it compressed and cached for a year), not a ?v= hash computed at run time.
        app.MapRazorPages().WithStaticAssets();
        app.MapGet("/culture/{culture}", SetCulture).ExcludeFromDescription();
        return app;
    }

    /// <summary>The language switch: remembers the choice for a year and goes back where the person was.</summary>
    private static IResult SetCulture(string culture, string? returnUrl, HttpContext http)
    {
        if (!Cultures.Any(c => c.Name == culture))
            return TypedResults.BadRequest();
        http.Response.Cookies.Append(CultureCookie, CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
            new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax, Secure = http.Request.IsHttps, HttpOnly = true });
        return TypedResults.LocalRedirect(IsSafeReturnUrl(returnUrl) ? returnUrl : "/");
    }

    /// <summary>
    /// A path of this site that can go in a Location header: the switch must not become an open redirect ("//host",
    /// "/\\host"), and a control or non-ASCII character (the links escape theirs) cannot be sent in a header at all.
    /// </summary>
    internal static bool IsSafeReturnUrl([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] string? returnUrl) =>
        returnUrl is { Length: > 0 } && returnUrl[0] == '/'
        && !returnUrl.StartsWith("//", StringComparison.Ordinal) && !returnUrl.StartsWith("/\\", StringComparison.Ordinal)
        && returnUrl.AsSpan().IndexOfAnyExceptInRange((char)0x21, (char)0x7E) < 0;
}

/// <summary>Resources shared by every page: navigation, common words, validation messages (SharedText.resx is Vietnamese, SharedText.en.resx English).</summary>
public sealed class SharedText;
