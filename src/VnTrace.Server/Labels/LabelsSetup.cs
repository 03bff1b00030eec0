namespace VnTrace.Server.Labels;

/// <summary>Labels (business workspace): Digital Link QR codes on sticker sheets, and single codes.</summary>
public static class LabelsSetup
{
    public static WebApplicationBuilder AddLabels(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<LabelSheetRenderer>();
        return builder;
    }
}
