namespace VnTrace.Gs1.Identifiers;

/// <summary>One Application Identifier with its data, e.g. (17) 201225.</summary>
public readonly record struct AiElement(string Ai, string Value)
{
    public override string ToString() => $"({Ai}){Value}";
}
