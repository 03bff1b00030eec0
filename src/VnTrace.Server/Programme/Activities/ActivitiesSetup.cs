using VnTrace.Server.Programme.Plans;

namespace VnTrace.Server.Programme.Activities;

/// <summary>Activities (trainings, classes, conferences, articles), their indicators, and their demo year (which sends a needs survey too).</summary>
public static class ActivitiesSetup
{
    public static IServiceCollection AddActivities(this IServiceCollection services)
    {
        services.AddScoped<ActivityService>();
        services.AddScoped<AttendeeRegister>();
        services.AddScoped<ActivityIndicators>();
        AddCount(services, IndicatorCodes.Articles, ActivityKind.Article);
        AddCount(services, IndicatorCodes.Conferences, ActivityKind.Conference);
        AddCount(services, IndicatorCodes.AwarenessClasses, ActivityKind.AwarenessClass);
        AddCount(services, IndicatorCodes.TrainingCourses, ActivityKind.TrainingCourse);
        services.AddScoped<IIndicator>(sp => new AttendanceIndicator(IndicatorCodes.TraineeAttendances, false,
            sp.GetRequiredService<ActivityIndicators>(), sp.GetRequiredService<Platform.Data.VnTraceDbContext>()));
        services.AddScoped<IIndicator>(sp => new AttendanceIndicator(IndicatorCodes.CivilServantAttendances, true,
            sp.GetRequiredService<ActivityIndicators>(), sp.GetRequiredService<Platform.Data.VnTraceDbContext>()));
        services.AddScoped<IIndicator, BusinessesTrainedIndicator>();
        services.AddScoped<Demo.IDemoStep, ActivityDemo>();
        return services;
    }

    private static void AddCount(IServiceCollection services, string code, ActivityKind kind) =>
        services.AddScoped<IIndicator>(sp => new ActivityCountIndicator(code, kind, sp.GetRequiredService<ActivityIndicators>()));

    public static void MapActivitiesApi(RouteGroupBuilder group) => ActivitiesApi.Map(group);
}
