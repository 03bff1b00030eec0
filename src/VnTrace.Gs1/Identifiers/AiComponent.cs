namespace VnTrace.Gs1.Identifiers;

/// <summary>Character type of an AI data component, the letters of the GS1 Barcode Syntax Dictionary.</summary>
public enum AiCharacterType
{
    /// <summary>"N": digits.</summary>
    Numeric,
    /// <summary>"X": GS1 character set 82.</summary>
    Cset82,
    /// <summary>"Y": GS1 character set 39.</summary>
    Cset39,
    /// <summary>"Z": base64url.</summary>
    Base64Url,
}

/// <summary>
/// One component of an AI's data field, for example the <c>N14,csum</c> of AI (01) or the optional <c>[X..17]</c>
/// serial of the GDTI: character type, length bounds, and the named content checks ("linters") that apply.
/// </summary>
public sealed record AiComponent(AiCharacterType Type, int MinLength, int MaxLength, bool Optional, IReadOnlyList<string> Linters)
{
    public bool IsFixedLength => MinLength == MaxLength;

    /// <summary>The component in the dictionary's notation, e.g. <c>N6,yymmd0</c> or <c>[X..17]</c>.</summary>
    public override string ToString()
    {
        var letter = Type switch
        {
            AiCharacterType.Numeric => "N",
            AiCharacterType.Cset82 => "X",
            AiCharacterType.Cset39 => "Y",
            _ => "Z",
        };
        var length = IsFixedLength ? $"{MaxLength}" : $"..{MaxLength}";
        var body = Optional ? $"[{letter}{length}]" : $"{letter}{length}";
        return Linters.Count == 0 ? body : $"{body},{string.Join(',', Linters)}";
    }

    /// <summary>Reads one component in the dictionary's notation, as our table writes it.</summary>
    internal static AiComponent Parse(string spec)
    {
        var parts = spec.Split(',');
        var head = parts[0];
        var optional = head.StartsWith('[');
        if (optional)
            head = head.Trim('[', ']');
        var type = head[0] switch
        {
            'N' => AiCharacterType.Numeric,
            'X' => AiCharacterType.Cset82,
            'Y' => AiCharacterType.Cset39,
            'Z' => AiCharacterType.Base64Url,
            _ => throw new FormatException($"unknown component type in '{spec}'"),
        };
        var variable = head.AsSpan(1).StartsWith("..");
        var max = int.Parse(head.AsSpan(variable ? 3 : 1), System.Globalization.CultureInfo.InvariantCulture);
        return new AiComponent(type, variable ? 1 : max, max, optional, parts[1..]);
    }
}
