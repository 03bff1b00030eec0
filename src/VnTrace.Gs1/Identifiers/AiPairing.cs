namespace VnTrace.Gs1.Identifiers;

/// <summary>
/// An AI or a family of AIs as the GS1 Barcode Syntax Dictionary writes them in its pairing rules: <c>01</c>, or
/// <c>310n</c> / <c>31nn</c>, where each trailing <c>n</c> stands for any digit.
/// </summary>
public readonly record struct AiPattern
{
    private readonly string text;

    public AiPattern(string text)
    {
        var digits = text.TrimEnd('n');
        if (text.Length is < 2 or > 4 || !Gs1Charset.IsAllDigits(digits))
            throw new FormatException($"'{text}' is not an AI pattern: 2 to 4 characters, digits then any 'n' wildcards");
        this.text = text;
    }

    public string Text => text ?? "";

    /// <summary>True when <paramref name="ai"/> has the pattern's length and digits, any digit at each <c>n</c>.</summary>
    public bool Matches(string ai)
    {
        if (ai.Length != Text.Length)
            return false;
        for (var i = 0; i < ai.Length; i++)
        {
            if (Text[i] == 'n' ? !char.IsAsciiDigit(ai[i]) : Text[i] != ai[i])
                return false;
        }
        return true;
    }

    public override string ToString() => Text;
}

/// <summary>
/// One <c>req=</c> rule of the GS1 Barcode Syntax Dictionary: alternatives separated by ',', each a group of AIs
/// joined by '+' that must all be present. <c>req=01+21,02</c> holds with (01) and (21) together, or with (02).
/// </summary>
public sealed record AiRequisite(IReadOnlyList<IReadOnlyList<AiPattern>> Alternatives)
{
    /// <summary>Reads the list after <c>req=</c>, e.g. <c>01+21,02,35nn</c>.</summary>
    public static AiRequisite Parse(string list) =>
        new([.. list.Split(',').Select(group => (IReadOnlyList<AiPattern>)[.. group.Split('+').Select(p => new AiPattern(p))])]);

    /// <summary>The rule in the dictionary's notation, e.g. <c>req=01+21,02</c>.</summary>
    public override string ToString() => "req=" + string.Join(',', Alternatives.Select(g => string.Join('+', g)));

    /// <summary>The alternatives for a message: "AI (01)+(21) or (02)".</summary>
    internal string Describe()
    {
        var groups = Alternatives.Select(g => string.Join('+', g.Select(p => $"({p})"))).ToList();
        return "AI " + (groups.Count == 1 ? groups[0] : $"{string.Join(", ", groups[..^1])} or {groups[^1]}");
    }
}

/// <summary>
/// The AI pairing rules of the GS1 Barcode Syntax Dictionary over one item's AI data: no AI twice with different
/// data, no two mutually exclusive AIs (<c>ex=</c>), and each AI with the AIs it requires (<c>req=</c>); GS1 General
/// Specifications §4.14 (invalid pairs and mandatory associations of element strings).
/// </summary>
/// <remarks>
/// As in the GS1 Barcode Syntax Engine, an AI neither excludes nor satisfies itself: (3103) with ex=310n rules out
/// (3102), not a second (3103) with the same data. The dictionary asks for the rules over the data of all carriers
/// on an item; <see cref="Check(IReadOnlyList{AiElement})"/> takes such combined data, while element strings and
/// Digital Links check their own.
/// </remarks>
public static class AiPairingRules
{
    /// <summary>The first broken rule in <paramref name="elements"/>, or null; the error has no position.</summary>
    public static Gs1ParseError? Check(IReadOnlyList<AiElement> elements) => Check(elements, null);

    /// <param name="where">Position and length of each element's AI in the input, for the error.</param>
    internal static Gs1ParseError? Check(IReadOnlyList<AiElement> elements, IReadOnlyList<(int Position, int Length)>? where)
    {
        var ais = new ApplicationIdentifier[elements.Count];
        for (var i = 0; i < elements.Count; i++)
        {
            if (!ApplicationIdentifierTable.TryGet(elements[i].Ai, out var ai))
                return Error(Gs1ParseErrorCode.UnknownAi, i, where, $"'{elements[i].Ai}' is not a GS1 Application Identifier", null);
            ais[i] = ai;
        }
        for (var i = 0; i < elements.Count; i++)
        {
            for (var j = 0; j < i; j++)
            {
                if (elements[j].Ai == elements[i].Ai && elements[j].Value != elements[i].Value)
                    return Error(Gs1ParseErrorCode.DuplicateAi, i, where, $"AI ({ais[i].Code}) appears twice with different data", ais[i].Code);
            }
        }
        for (var i = 0; i < elements.Count; i++)
        {
            for (var j = 0; j < i; j++)
            {
                if (ais[j].Code != ais[i].Code && (Excludes(ais[i], ais[j].Code) || Excludes(ais[j], ais[i].Code)))
                    return Error(Gs1ParseErrorCode.ExclusiveAis, i, where, $"AI ({ais[i].Code}) {ais[i].Title} cannot be used together with AI ({ais[j].Code}) {ais[j].Title}", ais[i].Code);
            }
        }
        for (var i = 0; i < elements.Count; i++)
        {
            foreach (var requisite in ais[i].Requisites)
            {
                if (!requisite.Alternatives.Any(group => group.All(p => Present(p, ais[i].Code, ais))))
                    return Error(Gs1ParseErrorCode.MissingRequisiteAi, i, where, $"AI ({ais[i].Code}) {ais[i].Title} needs {requisite.Describe()} with it", ais[i].Code);
            }
        }
        return null;
    }

    private static bool Excludes(ApplicationIdentifier ai, string other) => ai.Exclusions.Any(p => p.Matches(other));

    private static bool Present(AiPattern pattern, string self, ApplicationIdentifier[] ais) =>
        ais.Any(a => a.Code != self && pattern.Matches(a.Code));

    private static Gs1ParseError Error(Gs1ParseErrorCode code, int index, IReadOnlyList<(int Position, int Length)>? where, string message, string? ai)
    {
        var (position, length) = where is null ? (0, 0) : where[index];
        return new Gs1ParseError(code, position, length, message, ai);
    }
}
