using VnTrace.Server.Programme.Coverage;
using VnTrace.Server.Programme.Risk;

namespace VnTrace.Server.Programme.Lists;

/// <summary>Items 1–3 of the programme: the yearly product lists, the risk classification, and their coverage.</summary>
public static class ListsSetup
{
    public static IServiceCollection AddProductLists(this IServiceCollection services)
    {
        services.AddScoped<ProductListService>();
        services.AddScoped<RiskService>();
        services.AddScoped<CoverageService>();
        services.AddScoped<Plans.IIndicator, HighRiskTracedIndicator>();
        services.AddScoped<Demo.IDemoStep, ListsDemo>();
        return services;
    }

    public static void MapProductListsApi(RouteGroupBuilder group)
    {
        RiskApi.Map(group);
        ProductListsApi.Map(group);
        CoverageApi.Map(group);
    }
}
