using VnTrace.Gs1.Identifiers;

namespace VnTrace.Server.Resolver;

/// <summary>
/// Matches a first path segment that names a GS1 primary key in a Digital Link (01, 414, 00… and the DL 1.0/1.1 short
/// names gtin, gln, sscc…), so the resolver takes /01/… without catching /events, /workspace or a mistyped page.
/// </summary>
public sealed class Gs1PrimaryKeyRouteConstraint : IRouteConstraint
{
    public const string Name = "gs1key";

    public bool Match(HttpContext? httpContext, IRouter? route, string routeKey, RouteValueDictionary values, RouteDirection routeDirection) =>
        values.TryGetValue(routeKey, out var value) && value is string segment && segment.Length is > 0 and <= 5
        && (ApplicationIdentifierTable.TryGet(segment, out var ai)
            ? ai.IsDigitalLinkPrimaryKey
            : segment.All(char.IsAsciiLetterLower) && DigitalLink.LooksLikeDigitalLink($"https://resolver/{segment}/0"));
}

/// <summary>Matches a single segment shaped like a compressed Digital Link, which the resolver refuses clearly (400).</summary>
public sealed class CompressedDigitalLinkRouteConstraint : IRouteConstraint
{
    public const string Name = "gs1compressed";

    public bool Match(HttpContext? httpContext, IRouter? route, string routeKey, RouteValueDictionary values, RouteDirection routeDirection) =>
        values.TryGetValue(routeKey, out var value) && value is string segment && segment.Length <= 200
        && DigitalLink.LooksCompressed($"https://resolver/{segment}");
}
