namespace VnTrace.Server.Imports;

/// <summary>Spreadsheet imports: the runner; each kind (<see cref="IImportKind"/>) is registered by its feature.</summary>
public static class ImportsSetup
{
    public static WebApplicationBuilder AddImports(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<ImportService>();
        return builder;
    }
}
