using VnTrace.Server.Audit;
using VnTrace.Server.Authority.Organizations;
using VnTrace.Server.Identity.Account;
using VnTrace.Server.Workspace.Lots;

namespace VnTrace.Server.Workspace;

/// <summary>The business workspace and the authority's decisions on businesses.</summary>
public static class WorkspaceSetup
{
    public static WebApplicationBuilder AddWorkspace(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<AuditTrail>();
        builder.Services.AddScoped<BusinessRegistration>();
        builder.Services.AddScoped<OrganizationDecisions>();
        builder.AddLots();
        return builder;
    }
}
