using VnTrace.Gs1.Identifiers;

namespace VnTrace.Server.Lots;

/// <summary>
/// The identifiers a lot's diary writes, all as canonical GS1 Digital Links (the form the event store indexes,
/// see Events/Identifiers.Canonical): the lot class (AI 01 + 10), places (AI 414) and parties (AI 417).
/// </summary>
public static class LotCodes
{
    private static readonly ApplicationIdentifier LotAi = ApplicationIdentifierTable.Get("10");

    /// <summary>
    /// Checks an AI (10) batch/lot number: 1 to 20 characters of GS1 character set 82 (GS1 General Specifications
    /// §3.4.1, figure 7.11-1). Null when valid; otherwise where and what is wrong.
    /// </summary>
    public static Gs1ParseError? CheckLotNumber(string lotNumber) =>
        lotNumber.Length == 0 ? new Gs1ParseError(Gs1ParseErrorCode.DataMissing, 0, 0, "empty", "10") : AiLinters.Validate(LotAi, lotNumber);

    /// <summary>
    /// The EPCIS class-level identifier of a lot (EPCIS 2.0 §7.3.3.3, GS1 Digital Link URI Syntax §4): the canonical
    /// Digital Link https://id.gs1.org/01/{gtin}/10/{lot}, the lot number percent-encoded where needed.
    /// </summary>
    public static string LotClass(string gtin, string lotNumber) => DigitalLink.ForGtin(Gtin.Parse(gtin), lotNumber).ToString();

    /// <summary>A business location as readPoint / bizLocation / source-destination location: GLN with AI 414.</summary>
    public static string Place(string gln) => $"{DigitalLink.CanonicalBase}/414/{gln}";

    /// <summary>A party as owning_party source or destination: party GLN with AI 417.</summary>
    public static string Party(string gln) => $"{DigitalLink.CanonicalBase}/417/{gln}";

    /// <summary>GTIN and lot number of a lot class (…/01/{gtin}/10/{lot}, any of its forms); false for anything else.</summary>
    public static bool TryReadLotClass(string identifier, out string gtin, out string lotNumber)
    {
        gtin = lotNumber = "";
        if (!EpcDigitalLink.TryToCanonicalDigitalLink(identifier, out var canonical)
            || !DigitalLink.TryParse(canonical, out var link, out _)
            || link.PrimaryKey.Ai != "01")
            return false;
        var lot = link.Qualifiers.FirstOrDefault(q => q.Ai == "10");
        if (lot.Ai is null)
            return false;
        gtin = link.PrimaryKey.Value;
        lotNumber = lot.Value;
        return true;
    }

    /// <summary>
    /// What a receiver typed or scanned off a partner's label, as the identifier the shipping event names: a lot
    /// class (…/01/G/10/L, also from a unit's code …/01/G/10/L/21/S) or a logistic unit (…/00/SSCC). The forms
    /// accepted are the library's <see cref="Gs1.Identifiers.ScannedCode"/>'s (Digital Link, element string, EPC URI, bare digits).
    /// </summary>
    public static ReceivedCode ReadScannedCode(string input)
    {
        if (string.IsNullOrWhiteSpace(input))
            return new ReceivedCode(null, ScannedCodeProblem.Empty, null);
        if (!Gs1.Identifiers.ScannedCode.TryToDigitalLink(input, out var link, out var error))
            return new ReceivedCode(null, ScannedCodeProblem.Unreadable, error);
        if (link.PrimaryKey.Ai == "00")
            return new ReceivedCode(link.ToCanonicalUri(), null, null);
        if (link.PrimaryKey.Ai != "01")
            return new ReceivedCode(null, ScannedCodeProblem.NotALotOrContainer, null);
        var lot = link.Qualifiers.FirstOrDefault(q => q.Ai == "10");
        return lot.Ai is null
            ? new ReceivedCode(null, ScannedCodeProblem.NoLotNumber, null)
            : new ReceivedCode(LotClass(link.PrimaryKey.Value, lot.Value), null, null);
    }
}

public enum ScannedCodeProblem
{
    Empty,
    /// <summary>Not a Digital Link, element string, EPC URI or SSCC; <see cref="ReceivedCode.Error"/> says where.</summary>
    Unreadable,
    /// <summary>A valid GS1 code, but neither a lot nor a logistic unit (a GLN, a GTIN-less key…).</summary>
    NotALotOrContainer,
    /// <summary>A GTIN without a lot number: it names a product, not goods that were shipped.</summary>
    NoLotNumber,
}

/// <summary>The result of reading a scanned code: the canonical identifier, or why there is none.</summary>
public sealed record ReceivedCode(string? Identifier, ScannedCodeProblem? Problem, Gs1ParseError? Error);
