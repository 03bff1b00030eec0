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
        builder.Services.AddHostedService<PublicBaseUrlCheck>();
        return builder;
    }

    /// <summary>Reads the public base URL at start, so a missing or malformed setting stops the server before a label is printed.</summary>
    private sealed class PublicBaseUrlCheck(IServiceProvider services) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            services.GetRequiredService<DigitalLinkBase>(); // its constructor checks the setting
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
