using Microsoft.AspNetCore.Authentication;
using VnTrace.Server.Identity;
using VnTrace.Server.Programme.Activities;
using VnTrace.Server.Programme.Agencies;
using VnTrace.Server.Programme.Support;
using VnTrace.Server.Programme.Lists;
using VnTrace.Server.Programme.Surveys;

namespace VnTrace.Server.Programme;

/// <summary>
/// The authority's programme: agencies and their officers and keys, and (in their own folders beside Agencies)
/// product lists and risk, activities, surveys, support, inspections, the plan and its indicators.
/// </summary>
public static class ProgrammeSetup
{
    /// <summary>The programme API: agency keys only (<see cref="AgencyKeyAuthenticationHandler"/>).</summary>
    public const string ApiPolicy = "Programme";

    /// <summary>The programme pages of the console: every authority user, each within their agency's scope.</summary>
    public const string ConsolePolicy = "ProgrammeConsole";

    public static WebApplicationBuilder AddProgramme(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<AgencyKeyService>();
        builder.Services.AddScoped<AgencyService>();
        builder.Services.AddScoped<OfficerScopes>();
        builder.Services.AddScoped<CurrentOfficer>();
        builder.Services.AddScoped<Demo.IDemoStep, AgencyDemo>();
        builder.Services.AddScoped<Plans.PlanService>();
        builder.Services.AddScoped<Plans.ProgressService>();
        builder.Services.AddScoped<Plans.IIndicator, Plans.InteroperableBusinessesIndicator>();
        builder.Services.AddScoped<Plans.IIndicator, Plans.NationalConnectionIndicator>();
        builder.Services.AddScoped<Demo.IDemoStep, Plans.PlanDemo>();
        builder.Services.AddSupportAndInspections();
        builder.Services.AddActivities();
        builder.Services.AddSurveys();
        builder.Services.AddProductLists();
        builder.Services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, AgencyKeyAuthenticationHandler>(AgencyKeyAuthenticationHandler.SchemeName, null);
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(ApiPolicy, p => p.AddAuthenticationSchemes(AgencyKeyAuthenticationHandler.SchemeName)
                .RequireClaim(AgencyKeyAuthenticationHandler.AgencyClaim).RequireRole(Roles.Officers))
            .AddPolicy(ConsolePolicy, p => p.RequireRole(Roles.Officers));
        return builder;
    }

    /// <summary>The DoST agency exists from the first start, so every authority user has a scope.</summary>
    public static async Task EnsureProgrammeAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<OfficerScopes>().EnsureDostAsync();
    }

    public static IEndpointRouteBuilder MapProgrammeApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/programme").RequireAuthorization(ApiPolicy).WithTags("Programme")
            .AddEndpointFilter<ProgrammeScopeFilter>();
        ProgrammeOrganizationsApi.Map(group);
        Plans.PlansApi.Map(group);
        SupportSetup.MapSupportAndInspectionsApi(group);
        ActivitiesSetup.MapActivitiesApi(group);
        SurveysSetup.MapSurveysApi(group);
        ListsSetup.MapProductListsApi(group);
        return app;
    }
}
