using VnTrace.Server.Lots.Diary;

namespace VnTrace.Server.Lots;

/// <summary>Lots and the production diary: the service that writes diary events, the reader of a lot's history, and the diary import.</summary>
public static class LotsSetup
{
    public static WebApplicationBuilder AddLots(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<DiaryChecks>();
        builder.Services.AddScoped<DiaryStore>();
        builder.Services.AddScoped<CapturedChronology>();
        builder.Services.AddScoped<LotLifecycle>();
        builder.Services.AddScoped<DiaryService>();
        builder.Services.AddScoped<LotReceiving>();
        builder.Services.AddScoped<DiaryCorrections>();
        builder.Services.AddScoped<LotHistory>();
        builder.Services.AddScoped<Imports.IImportKind, DiaryImport>();
        return builder;
    }
}
