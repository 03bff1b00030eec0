namespace VnTrace.Gs1.Identifiers;

/// <summary>
/// One GS1 Application Identifier as our table describes it (GS1 General Specifications §3.2; the GS1 Barcode Syntax
/// Dictionary): its data components, whether a barcode needs an FNC1 separator after it, and its GS1 Digital Link role.
/// </summary>
public sealed record ApplicationIdentifier
{
    public required string Code { get; init; }
    public required string Title { get; init; }
    public required IReadOnlyList<AiComponent> Components { get; init; }

    /// <summary>
    /// False for the AIs of predefined length (GS1 General Specifications Figure 7.8.5-1: 00–04, 11–20, 31–36, 41),
    /// which never need a separator after them.
    /// </summary>
    public required bool RequiresFnc1 { get; init; }

    /// <summary>May appear in the query string of a GS1 Digital Link URI (GS1 Digital Link URI Syntax §4.6).</summary>
    public bool IsDigitalLinkDataAttribute { get; init; }

    /// <summary>
    /// Null when the AI is not a Digital Link primary key; otherwise the alternative, ordered sequences of key
    /// qualifiers it accepts (empty when it takes none). <c>dlpkey=22,10,21|235</c> is [[22,10,21],[235]].
    /// </summary>
    public IReadOnlyList<IReadOnlyList<string>>? DigitalLinkQualifiers { get; init; }

    public bool IsDigitalLinkPrimaryKey => DigitalLinkQualifiers is not null;

    /// <summary>
    /// The dictionary's <c>req=</c> rules: each needs one of its groups of AIs in the same data (GS1 General
    /// Specifications §4.14.2, mandatory associations). <c>req=01,8006 req=21</c> on (250) is two rules.
    /// </summary>
    public IReadOnlyList<AiRequisite> Requisites { get; init; } = [];

    /// <summary>The dictionary's <c>ex=</c> list: AIs that must not appear with this one (§4.14.1, invalid pairs).</summary>
    public IReadOnlyList<AiPattern> Exclusions { get; init; } = [];

    /// <summary>The pairing rules in the dictionary's notation, e.g. <c>req=01,02 ex=310n</c>; empty when there are none.</summary>
    public string Pairing
    {
        get
        {
            var rules = Requisites.Select(r => r.ToString()).ToList();
            if (Exclusions.Count > 0)
                rules.Add("ex=" + string.Join(',', Exclusions));
            return string.Join(' ', rules);
        }
    }

    public int MinLength => Components.Where(c => !c.Optional).Sum(c => c.MinLength);
    public int MaxLength => Components.Sum(c => c.MaxLength);

    /// <summary>True when the data field has a mod-10 check digit (linter <c>csum</c>).</summary>
    public bool HasCheckDigit => Components.Any(c => c.Linters.Contains(AiLinters.Csum));

    /// <summary>The date rule of the first date component (yymmdd, yymmd0 or yyyymmdd), or null.</summary>
    public string? DateRule => Components.SelectMany(c => c.Linters).FirstOrDefault(AiLinters.IsDate);

    /// <summary>The data format in the dictionary's notation, e.g. <c>N13,csum,gcppos1 [X..17]</c>.</summary>
    public string Format => string.Join(' ', Components);

    public override string ToString() => $"({Code}) {Title}";
}
