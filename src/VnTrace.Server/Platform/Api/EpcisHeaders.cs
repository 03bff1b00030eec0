namespace VnTrace.Server.Platform.Api;

/// <summary>
/// The version headers every EPCIS 2.0 REST response carries (REST binding: GS1-EPCIS-Version, GS1-CBV-Version),
/// and the check of a client's requested version range.
/// </summary>
public sealed class EpcisHeadersFilter : IEndpointFilter
{
    public const string EpcisVersion = "2.0.0";
    public const string CbvVersion = "2.0.0";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        http.Response.Headers["GS1-EPCIS-Version"] = EpcisVersion;
        http.Response.Headers["GS1-CBV-Version"] = CbvVersion;

        // A client may ask for a version range (GS1-EPCIS-Min/Max); we speak 2.0 only.
        var min = http.Request.Headers["GS1-EPCIS-Min"].ToString();
        var max = http.Request.Headers["GS1-EPCIS-Max"].ToString();
        if ((min.Length > 0 && !min.StartsWith("2.0", StringComparison.Ordinal) && string.CompareOrdinal(min, EpcisVersion) > 0) ||
            (max.Length > 0 && string.CompareOrdinal(max, "2.0") < 0))
        {
            return EpcisProblems.Result(StatusCodes.Status406NotAcceptable, Gs1.Epcis.EpcisExceptionType.NotAcceptable,
                $"This server speaks EPCIS {EpcisVersion}; the requested range {min}–{max} excludes it.");
        }
        return await next(context);
    }
}
