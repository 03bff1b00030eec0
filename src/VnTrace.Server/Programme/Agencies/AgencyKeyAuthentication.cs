using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using VnTrace.Server.Identity;

namespace VnTrace.Server.Programme.Agencies;

/// <summary>
/// "Authorization: Bearer vta_…" for the programme API. The principal carries the agency, the key's role and,
/// as its name identifier, the officer who created the key (so the audit trail names a person).
/// </summary>
public sealed class AgencyKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    AgencyKeyService keys)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "AgencyKey";
    public const string AgencyClaim = "vntrace:agency";
    public const string KeyClaim = "vntrace:agency-key";

    private string? failure;

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? header = Request.Headers.Authorization;
        if (string.IsNullOrEmpty(header))
            return AuthenticateResult.NoResult();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            return Fail("The Authorization header must be 'Bearer <agency API key>'.");
        var presented = header["Bearer ".Length..].Trim();
        if (!presented.StartsWith(AgencyKeyService.KeyPrefix, StringComparison.Ordinal))
            return Fail("The programme API takes an agency key (vta_…), created by an officer in the authority console; organization keys are for the EPCIS and business APIs.");
        var holder = await keys.FindAsync(presented, Context.RequestAborted);
        if (holder is null)
            return Fail("Unknown or revoked agency key, or its officer is no longer with the agency.");
        var identity = new ClaimsIdentity(
        [
            new Claim(AgencyClaim, holder.AgencyId.ToString()),
            new Claim(KeyClaim, holder.KeyId.ToString()),
            new Claim(ClaimTypes.NameIdentifier, holder.UserId.ToString()),
            new Claim(ClaimTypes.Role, holder.Role),
        ], SchemeName, ClaimTypes.NameIdentifier, ClaimTypes.Role);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    private AuthenticateResult Fail(string why)
    {
        failure = why;
        return AuthenticateResult.Fail(why);
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties) =>
        ProgrammeProblems.Write(Context, StatusCodes.Status401Unauthorized,
            failure ?? "An agency API key is required: send 'Authorization: Bearer <key>'.");

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        ProgrammeProblems.Write(Context, StatusCodes.Status403Forbidden, "This agency key may not do that.");
}
