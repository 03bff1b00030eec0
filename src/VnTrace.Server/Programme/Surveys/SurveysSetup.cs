namespace VnTrace.Server.Programme.Surveys;

/// <summary>Needs surveys: the service, the summaries and their API.</summary>
public static class SurveysSetup
{
    public static IServiceCollection AddSurveys(this IServiceCollection services)
    {
        services.AddScoped<SurveyService>();
        services.AddScoped<SurveySummaries>();
        return services;
    }

    public static void MapSurveysApi(RouteGroupBuilder group) => SurveysApi.Map(group);
}
