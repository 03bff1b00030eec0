using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using VnTrace.Server.Platform.Data;

namespace VnTrace.Server.Identity;

public static class OrganizationPrincipal
{
    /// <summary>The caller's organization: an API key's, or a signed-in user's. Endpoints and pages behind the
    /// ApiKey or Workspace policies always have one.</summary>
    public static Guid OrganizationId(this ClaimsPrincipal user) =>
        user.FindOrganizationId() ?? throw new InvalidOperationException("The caller belongs to no organization.");

    public static Guid? FindOrganizationId(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(ApiKeyAuthenticationHandler.OrganizationClaim), out var id) ? id : null;

    public static Guid? UserId(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

    /// <summary>Authority officers and inspectors read everyone's data.</summary>
    public static bool IsAuthorityReader(this ClaimsPrincipal user) =>
        user.IsInRole(Roles.Authority) || user.IsInRole(Roles.Inspector) || user.IsInRole(Roles.SystemAdmin);
}

/// <summary>Policy names used on endpoint groups and page folders.</summary>
public static class Policies
{
    public const string ApiKey = "ApiKey";
    /// <summary>Business owners and staff, in the workspace of their own organization.</summary>
    public const string Workspace = "Workspace";
    /// <summary>Business owners only: staff, API keys, organization profile.</summary>
    public const string WorkspaceOwner = "WorkspaceOwner";
    /// <summary>Authority officers, inspectors and system administrators: read everything.</summary>
    public const string AuthorityRead = "AuthorityRead";
    /// <summary>Authority officers and system administrators: decide (approve, recall).</summary>
    public const string AuthorityWrite = "AuthorityWrite";
}

/// <summary>Puts the user's organization into the sign-in cookie, so pages and APIs find it the same way.</summary>
internal sealed class OrganizationClaimsFactory(UserManager<AppUser> users, RoleManager<Microsoft.AspNetCore.Identity.IdentityRole<Guid>> roles,
    IOptions<IdentityOptions> options) : UserClaimsPrincipalFactory<AppUser, Microsoft.AspNetCore.Identity.IdentityRole<Guid>>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        if (user.OrganizationId is { } org)
            identity.AddClaim(new Claim(ApiKeyAuthenticationHandler.OrganizationClaim, org.ToString()));
        if (user.AgencyId is { } agency)
            identity.AddClaim(new Claim(VnTrace.Server.Programme.Agencies.AgencyKeyAuthenticationHandler.AgencyClaim, agency.ToString()));
        identity.AddClaim(new Claim("vntrace:name", user.FullName));
        return identity;
    }
}

public static class IdentitySetup
{
    /// <summary>Sign-in and sign-up posts per client address (on SignInModel and SignUpModel): a script guessing
    /// passwords or filling the sign-up queue gets 429 (the limiter's page, LookupSetup) after a few tries a minute.</summary>
    public const string SignInRateLimit = "sign-in";

    public static WebApplicationBuilder AddIdentityAndKeys(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<ApiKeyService>();
        var signInOptions = builder.Configuration.GetSection("VnTrace:SignIn").Get<SignInOptions>() ?? new SignInOptions();
        builder.Services.AddSingleton(signInOptions);
        builder.Services.AddSingleton<SignInThrottle>();
        builder.Services.Configure<RateLimiterOptions>(o => o.AddPolicy(SignInRateLimit, http => HttpMethods.IsPost(http.Request.Method)
            ? RateLimitPartition.GetFixedWindowLimiter("sign-in:" + http.Connection.RemoteIpAddress, _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = Math.Max(1, signInOptions.PostsPerMinutePerAddress),
                Window = TimeSpan.FromMinutes(1),
                QueueLimit = 0,
            })
            : RateLimitPartition.GetNoLimiter("showing the form")));
        builder.Services.AddScoped<Staff.StaffService>();
        builder.Services.AddMemoryCache();
        // Behind TLS (VnTrace:RequireHttps, the production setting) every cookie is Secure and plain HTTP is
        // redirected; the embedded default on http://localhost keeps them Secure whenever the request is HTTPS.
        var secure = builder.Configuration.GetValue("VnTrace:RequireHttps", false) ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;

        // People: ASP.NET Core Identity with cookies. E-mail is optional (sign-up is approved by the authority,
        // not by a mail link), so the user name is what people sign in with.
        builder.Services.AddIdentity<AppUser, Microsoft.AspNetCore.Identity.IdentityRole<Guid>>(o =>
            {
                // Lockout only for accounts locked on purpose (a removed member); wrong passwords are slowed down
                // per user name and address by SignInThrottle instead of locking the account for everyone.
                o.Lockout.AllowedForNewUsers = true;
                o.User.RequireUniqueEmail = false;
                o.User.AllowedUserNameCharacters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._@+";
                o.SignIn.RequireConfirmedAccount = false;
            })
            .AddEntityFrameworkStores<VnTraceDbContext>()
            .AddDefaultTokenProviders()
            .AddClaimsPrincipalFactory<OrganizationClaimsFactory>()
            .AddErrorDescriber<LocalizedIdentityErrors>();
        // PasswordPolicy instead of Identity's composition rules (its o.Password options are therefore not read).
        builder.Services.RemoveAll<IPasswordValidator<AppUser>>();
        builder.Services.AddScoped<IPasswordValidator<AppUser>, PasswordPolicy>();

        builder.Services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "vntrace.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SecurePolicy = CookieSecurePolicy.Always;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.LoginPath = "/account/sign-in";
            o.LogoutPath = "/account/sign-out";
            o.AccessDeniedPath = "/account/denied";
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.SlidingExpiration = true;
        });
        // The security stamp is checked on every request: a removed staff member, a changed role or a signed-out
        // session (SignOut renews the stamp) loses access at once, and a copied cookie with it.
        builder.Services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.Zero);
        builder.Services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "vntrace.af";
            o.Cookie.SecurePolicy = secure;
            o.Cookie.SameSite = SameSiteMode.Strict;
        });

        // Machines: API keys. Identity made its cookie the default scheme; APIs name theirs through the policy.
        builder.Services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(Policies.ApiKey, p => p.AddAuthenticationSchemes(ApiKeyAuthenticationHandler.SchemeName).RequireClaim(ApiKeyAuthenticationHandler.OrganizationClaim))
            .AddPolicy(Policies.Workspace, p => p.RequireRole(Roles.BusinessOwner, Roles.BusinessStaff).RequireClaim(ApiKeyAuthenticationHandler.OrganizationClaim))
            .AddPolicy(Policies.WorkspaceOwner, p => p.RequireRole(Roles.BusinessOwner).RequireClaim(ApiKeyAuthenticationHandler.OrganizationClaim))
            .AddPolicy(Policies.AuthorityRead, p => p.RequireRole(Roles.Authority, Roles.Inspector, Roles.SystemAdmin))
            .AddPolicy(Policies.AuthorityWrite, p => p.RequireRole(Roles.Authority, Roles.SystemAdmin));
        return builder;
    }

    /// <summary>HTTPS redirection and HSTS when the deployment requires HTTPS; X-Forwarded-Proto/For from a trusted proxy.</summary>
    public static WebApplication UseTransportSecurity(this WebApplication app)
    {
        if (app.Configuration.GetValue("VnTrace:TrustForwardedHeaders", false))
            app.UseForwardedHeaders(new ForwardedHeadersOptions
            {
                ForwardedHeaders = Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedFor | Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedProto,
            });
        if (app.Configuration.GetValue("VnTrace:RequireHttps", false))
        {
            // HSTS itself goes on every https response, from SecurityHeaders.
            app.UseHttpsRedirection();
        }
        return app;
    }

    /// <summary>Creates the fixed roles on start when missing.</summary>
    public static async Task EnsureRolesAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<Microsoft.AspNetCore.Identity.IdentityRole<Guid>>>();
        foreach (var role in Roles.All)
            if (!await roles.RoleExistsAsync(role))
                await roles.CreateAsync(new Microsoft.AspNetCore.Identity.IdentityRole<Guid>(role) { Id = Guid.CreateVersion7() });
    }
}
