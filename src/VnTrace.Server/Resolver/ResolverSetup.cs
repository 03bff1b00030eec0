using System.Buffers;
using System.Text.Json;

namespace VnTrace.Server.Resolver;

/// <summary>
/// The GS1 Digital Link resolver: route constraints that send Digital Link paths (/01/…, /414/…, /00/…) to the
/// consumer page, which negotiates page, linkset or redirect (see <see cref="ResolverRequest"/>), and the resolver
/// description at /.well-known/gs1resolver.
/// </summary>
public static class ResolverSetup
{
    public static WebApplicationBuilder AddResolver(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton(builder.Configuration.GetSection("VnTrace:Resolver").Get<ResolverOptions>() ?? new ResolverOptions());
        builder.Services.Configure<RouteOptions>(o =>
        {
            o.SetParameterPolicy<Gs1PrimaryKeyRouteConstraint>(Gs1PrimaryKeyRouteConstraint.Name);
            o.SetParameterPolicy<CompressedDigitalLinkRouteConstraint>(CompressedDigitalLinkRouteConstraint.Name);
        });
        return builder;
    }

    public static WebApplication MapResolver(this WebApplication app)
    {
        app.MapMethods("/.well-known/gs1resolver", ["GET", "HEAD"], Describe).ExcludeFromDescription();
        return app;
    }

    /// <summary>The primary keys whose items the resolver describes (others parse, and answer "not found").</summary>
    public static readonly string[] SupportedPrimaryKeys = ["01", "414", "417", "00"];

    /// <summary>
    /// The resolver description file (GS1-Conformant Resolver 1.2 §6, schema
    /// https://ref.gs1.org/standards/resolver/description-file-schema): resolverRoot and supportedPrimaryKeys are
    /// required; the rest says what this resolver does with linkType and languages.
    /// </summary>
    internal static IResult Describe(HttpContext http, ResolverOptions options)
    {
        var root = string.IsNullOrWhiteSpace(options.Root) ? $"{http.Request.Scheme}://{http.Request.Host}" : options.Root.TrimEnd('/');
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = Linkset.Encoder }))
        {
            w.WriteStartObject();
            w.WriteString("name", options.Name);
            w.WriteString("resolverRoot", root);
            w.WriteStartArray("supportedPrimaryKeys");
            foreach (var key in SupportedPrimaryKeys)
                w.WriteStringValue(key);
            w.WriteEndArray();
            w.WriteStartArray("supportedLinkType");
            w.WriteStartObject();
            w.WriteString("namespace", Gs1LinkTypes.Vocabulary);
            w.WriteString("prefix", "gs1:");
            w.WriteEndObject();
            w.WriteEndArray();
            w.WriteBoolean("linkTypeDefaultCanBeLinkset", false);
            w.WriteBoolean("linkTypeDefaultCanBeAll", false);
            w.WriteBoolean("supportsSemanticInterpretation", false);
            // True since DigitalLink.TryParse checks the Syntax Dictionary's req=/ex= pairings (AiPairingRules).
            w.WriteBoolean("validatesAIcombinations", true);
            w.WriteBoolean("supportsLanguageVariants", true);
            w.WriteStartArray("supportedContextValuesEnumerated");
            w.WriteEndArray();
            if (options.Operator is { Length: > 0 } name)
            {
                w.WriteStartObject("contact");
                w.WriteString("fn", name);
                w.WriteEndObject();
            }
            w.WriteEndObject();
        }
        ResolverResults.ApplyCommonHeaders(http.Response);
        http.Response.Headers.CacheControl = "public, max-age=3600";
        return TypedResults.Bytes(buffer.WrittenMemory.ToArray(), "application/json");
    }
}
