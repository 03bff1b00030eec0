namespace VnTrace.Server.Certificates;

/// <summary>Certificates: the editor behind the pages and the coverage of products and locations by valid certificates.</summary>
public static class CertificatesSetup
{
    public static WebApplicationBuilder AddCertificates(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<CertificateEditor>();
        builder.Services.AddScoped<CertificateCoverage>();
        return builder;
    }
}
