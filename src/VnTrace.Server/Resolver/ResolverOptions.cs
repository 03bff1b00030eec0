namespace VnTrace.Server.Resolver;

/// <summary>The resolver's public face, bound from "VnTrace:Resolver".</summary>
public sealed class ResolverOptions
{
    /// <summary>
    /// Public base URL of the resolver (e.g. https://truyxuat.daklak.gov.vn), written into linkset anchors and links.
    /// Empty: the scheme and host of each request.
    /// </summary>
    public string? Root { get; set; }

    public string Name { get; set; } = "VnTrace GS1 Digital Link resolver";

    /// <summary>Longer request URIs are refused with 414 before parsing (a Digital Link of real keys is a few hundred characters).</summary>
    public int MaxUriLength { get; set; } = 2048;

    /// <summary>Resolver operator named in /.well-known/gs1resolver, when set.</summary>
    public string? Operator { get; set; }
}
