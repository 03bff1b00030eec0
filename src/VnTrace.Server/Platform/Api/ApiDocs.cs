using Scalar.AspNetCore;

namespace VnTrace.Server.Platform.Api;

/// <summary>OpenAPI description at /openapi/v1.json and a browsable reference at /scalar.</summary>
public static class ApiDocs
{
    public static WebApplicationBuilder AddApiDocs(this WebApplicationBuilder builder)
    {
        builder.Services.AddOpenApi(o => o.AddDocumentTransformer((doc, _, _) =>
        {
            doc.Info.Title = "VnTrace EPCIS 2.0 API";
            doc.Info.Description = "EPCIS 2.0 REST binding (capture, events, query parameters, resources). "
                + "Every call carries the header Authorization: Bearer {API key}; a key reads and writes only its organization's events.";
            return Task.CompletedTask;
        }));
        return builder;
    }

    public static WebApplication MapApiDocs(this WebApplication app)
    {
        app.MapOpenApi();
        app.MapScalarApiReference(o => o.WithTitle("VnTrace API"));
        return app;
    }
}
