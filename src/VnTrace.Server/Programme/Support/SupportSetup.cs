using VnTrace.Server.Programme.Inspections;
using VnTrace.Server.Programme.Plans;

namespace VnTrace.Server.Programme.Support;

/// <summary>The support programme and inspections with certification (issue 13, items 6 and 7).</summary>
public static class SupportSetup
{
    public static IServiceCollection AddSupportAndInspections(this IServiceCollection services)
    {
        services.AddScoped<SupportService>();
        services.AddScoped<SupportBudget>();
        services.AddScoped<SupportQueries>();
        services.AddScoped<InspectionService>();
        services.AddScoped<InspectionQueries>();
        services.AddScoped<CertificationService>();
        services.AddScoped<IIndicator, BusinessesSupportedIndicator>();
        services.AddScoped<IIndicator, ProductsSupportedIndicator>();
        services.AddScoped<IIndicator, BusinessesCertifiedIndicator>();
        services.AddScoped<Demo.IDemoStep, SupportDemo>();
        return services;
    }

    public static void MapSupportAndInspectionsApi(RouteGroupBuilder programme)
    {
        SupportApi.Map(programme);
        InspectionApi.Map(programme);
    }
}
