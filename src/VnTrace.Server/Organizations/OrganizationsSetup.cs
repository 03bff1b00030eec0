namespace VnTrace.Server.Organizations;

/// <summary>Organizations: sign-up of a business and the authority's decisions on it.</summary>
public static class OrganizationsSetup
{
    public static WebApplicationBuilder AddOrganizations(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<BusinessRegistration>();
        builder.Services.AddScoped<OrganizationDecisions>();
        builder.Services.AddScoped<OrganizationRecords>();
        return builder;
    }
}
