namespace VnTrace.Server.Labels;

/// <summary>Labels (business workspace): issuing Digital Link trace codes, QR codes on sticker sheets, single codes.</summary>
public static class LabelsSetup
{
    public static WebApplicationBuilder AddLabels(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<LabelSheetRenderer>();
        builder.Services.AddSingleton<DigitalLinkBase>();
        builder.Services.AddScoped<CodeIssuer>();
        builder.Services.AddSingleton<LabelSheetLimiter>();
        return builder;
    }
}
