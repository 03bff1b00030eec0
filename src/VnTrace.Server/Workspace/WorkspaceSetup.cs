using VnTrace.Server.Audit;
using VnTrace.Server.Authority.Organizations;
using VnTrace.Server.Identity.Account;
using VnTrace.Server.Workspace.Certificates;
using VnTrace.Server.Workspace.Gs1Allocation;
using VnTrace.Server.Workspace.Staff;
using VnTrace.Server.Workspace.Locations;
using VnTrace.Server.Workspace.Imports;
using VnTrace.Server.Workspace.Products;
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
        builder.Services.AddScoped<CertificateEditor>();
        builder.Services.AddScoped<CertificateCoverage>();
        builder.Services.AddScoped<StaffService>();
        builder.Services.AddGs1Numbering();
        builder.AddLocations();
        builder.AddProducts();
        builder.AddImports();
        builder.AddLots();
        return builder;
    }
}
