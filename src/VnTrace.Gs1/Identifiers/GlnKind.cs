namespace VnTrace.Gs1.Identifiers;

/// <summary>
/// What a GLN in an identifier stands for. One GLN number may name both a company and its site, but the AI says
/// which is meant (GS1 General Specifications §3.7.10, §3.7.13; GS1 Digital Link URI Syntax §4.3).
/// </summary>
public enum GlnKind
{
    /// <summary>AI (414): a physical location, optionally a sub-location with AI (254); EPC URI <c>sgln</c>.</summary>
    Location,

    /// <summary>AI (417): a party, the legal or functional entity; EPC URI <c>pgln</c>.</summary>
    Party,
}
