using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using VnTrace.Server.Identity;
using VnTrace.Server.Platform.Data;

namespace VnTrace.Server.Programme.Agencies;

/// <summary>
/// Turns a principal (a signed-in officer's cookie or an agency key) into its <see cref="OfficerScope"/>. An
/// authority user without an agency (the first officer of a deployment, a system administrator) belongs to the
/// DoST, which <see cref="EnsureDostAsync"/> creates on start.
/// </summary>
public sealed class OfficerScopes(VnTraceDbContext db)
{
    /// <summary>Null for anyone who is not an officer (businesses, anonymous).</summary>
    public async Task<OfficerScope?> ResolveAsync(ClaimsPrincipal principal, CancellationToken ct = default)
    {
        var role = Roles.Officers.FirstOrDefault(principal.IsInRole);
        if (role is null)
            return null;
        Agency? agency;
        if (Guid.TryParse(principal.FindFirstValue(AgencyKeyAuthenticationHandler.AgencyClaim), out var agencyId))
            agency = await db.Agencies.AsNoTracking().FirstOrDefaultAsync(a => a.Id == agencyId, ct);
        else
            agency = await DostAsync(ct);
        // A department or commune officer outside an agency of that kind has no scope at all, rather than the province.
        if (agency is null || !Fits(role, agency.Kind))
            return null;
        Guid? keyId = Guid.TryParse(principal.FindFirstValue(AgencyKeyAuthenticationHandler.KeyClaim), out var k) ? k : null;
        return new OfficerScope(agency.Id, agency.Name, agency.Kind, role, agency.Sectors, agency.CommuneCode, principal.UserId(), keyId);
    }

    /// <summary>Which agency kinds each officer role belongs to.</summary>
    public static bool Fits(string role, AgencyKind kind) => role switch
    {
        Roles.DepartmentOfficer => kind == AgencyKind.Department,
        Roles.CommuneOfficer => kind == AgencyKind.Commune,
        _ => kind == AgencyKind.Dost,
    };

    private Task<Agency?> DostAsync(CancellationToken ct) =>
        db.Agencies.AsNoTracking().Where(a => a.Kind == AgencyKind.Dost).OrderBy(a => a.CreatedAt).FirstOrDefaultAsync(ct);

    /// <summary>Creates the DoST agency when there is none, named after the authority organization if there is one.</summary>
    public async Task EnsureDostAsync(CancellationToken ct = default)
    {
        if (await db.Agencies.AnyAsync(a => a.Kind == AgencyKind.Dost, ct))
            return;
        var authorityName = await db.Organizations
            .Where(o => o.Kind == VnTrace.Server.Organizations.OrganizationKind.Authority)
            .OrderBy(o => o.CreatedAt).Select(o => o.Name).FirstOrDefaultAsync(ct);
        db.Agencies.Add(new Agency { Name = authorityName ?? "Sở Khoa học và Công nghệ", Kind = AgencyKind.Dost });
        await db.SaveChangesAsync(ct);
    }
}

/// <summary>The signed-in officer's scope for this request, resolved once (pages; the API resolves per call).</summary>
public sealed class CurrentOfficer(IHttpContextAccessor http, OfficerScopes scopes)
{
    private OfficerScope? scope;

    public async Task<OfficerScope> GetAsync(CancellationToken ct = default) =>
        await TryGetAsync(ct) ?? throw new InvalidOperationException("The signed-in user is not an officer of any agency.");

    /// <summary>Null for a user whose role has no agency of its kind (a department officer bound to no department).</summary>
    public async Task<OfficerScope?> TryGetAsync(CancellationToken ct = default) =>
        scope ??= await scopes.ResolveAsync(http.HttpContext?.User ?? new ClaimsPrincipal(), ct);
}

/// <summary>
/// The console's pages need the officer's scope: a user whose role has no agency of that kind (a department
/// officer not yet bound to a department) is sent to the "not allowed" page instead of failing on the first query.
/// </summary>
public sealed class OfficerScopeFilter(CurrentOfficer officer) : Microsoft.AspNetCore.Mvc.Filters.IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(Microsoft.AspNetCore.Mvc.Filters.PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(Microsoft.AspNetCore.Mvc.Filters.PageHandlerExecutingContext context,
        Microsoft.AspNetCore.Mvc.Filters.PageHandlerExecutionDelegate next)
    {
        if (Roles.Officers.Any(context.HttpContext.User.IsInRole) && await officer.TryGetAsync(context.HttpContext.RequestAborted) is null)
        {
            context.Result = new Microsoft.AspNetCore.Mvc.RedirectResult("/account/denied");
            return;
        }
        await next();
    }
}
