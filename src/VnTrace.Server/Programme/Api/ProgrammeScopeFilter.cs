using VnTrace.Server.Programme.Agencies;

namespace VnTrace.Server.Programme;

/// <summary>
/// Resolves the calling agency key's <see cref="OfficerScope"/> once per programme API call, before the endpoint
/// runs; endpoints read it with <see cref="ProgrammeScopeExtensions.ProgrammeScope"/>. A key whose agency was
/// removed or no longer fits its role is refused with 403.
/// </summary>
internal sealed class ProgrammeScopeFilter : IEndpointFilter
{
    private const string ItemKey = "vntrace:programme-scope";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var scope = await http.RequestServices.GetRequiredService<OfficerScopes>().ResolveAsync(http.User, http.RequestAborted);
        if (scope is null)
            return ProgrammeProblems.Result(Refusal.Forbidden("This agency key has no scope: its agency no longer fits its role."));
        http.Items[ItemKey] = scope;
        return await next(context);
    }

    internal static OfficerScope Get(HttpContext http) =>
        http.Items[ItemKey] as OfficerScope ?? throw new InvalidOperationException("The programme scope filter did not run for this endpoint.");
}

public static class ProgrammeScopeExtensions
{
    /// <summary>The scope of the agency key calling a programme API endpoint.</summary>
    public static OfficerScope ProgrammeScope(this HttpContext http) => ProgrammeScopeFilter.Get(http);
}
