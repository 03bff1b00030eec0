using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.EntityFrameworkCore;
using VnTrace.Server.Organizations;
using VnTrace.Server.Platform.Data;

namespace VnTrace.Server.Identity;

/// <summary>
/// The signed-in user's organization for this request: the request's <see cref="ITenant"/>, which the database
/// context's "Tenant" query filter reads too, plus what a workspace page needs of the user. Services take
/// <see cref="Id"/> as an argument; the filter keeps a forgotten Where from showing another business's rows.
/// </summary>
public sealed class CurrentBusiness(IHttpContextAccessor http, ITenant tenant, VnTraceDbContext db)
{
    private Organization? organization;

    public Guid Id => tenant.OrganizationId
        ?? throw new InvalidOperationException("The signed-in user belongs to no organization.");

    public Guid? UserId => http.HttpContext?.User.UserId();

    public bool IsOwner => http.HttpContext?.User.IsInRole(Roles.BusinessOwner) == true;

    public async Task<Organization> GetAsync(CancellationToken ct = default) =>
        organization ??= await db.Organizations.AsNoTracking().FirstAsync(o => o.Id == Id, ct);
}

/// <summary>Sends a business that is not (or no longer) approved to the page that says where it stands.</summary>
public sealed class WorkspaceStatusFilter(CurrentBusiness business) : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        if (context.HttpContext.User.FindOrganizationId() is null)
        {
            context.Result = new Microsoft.AspNetCore.Mvc.RedirectResult("/account/denied");
            return;
        }
        var organization = await business.GetAsync(context.HttpContext.RequestAborted);
        if (organization.Status != OrganizationStatus.Approved)
        {
            context.Result = new Microsoft.AspNetCore.Mvc.RedirectResult("/account/pending");
            return;
        }
        await next();
    }
}
