using System.Collections.Frozen;

namespace VnTrace.Gs1.Epcis.Cbv;

/// <summary>The CBV 2.0 standard vocabularies that EPCIS event fields draw from.</summary>
public enum CbvVocabulary
{
    /// <summary>bizStep (CBV 2.0 §7.1).</summary>
    BizStep,

    /// <summary>disposition and persistentDisposition set/unset (CBV 2.0 §7.2).</summary>
    Disposition,

    /// <summary>bizTransaction type (CBV 2.0 §7.3).</summary>
    BizTransactionType,

    /// <summary>source and destination type (CBV 2.0 §7.4).</summary>
    SourceDestType,

    /// <summary>errorDeclaration reason (CBV 2.0 §7.5).</summary>
    ErrorReason,
}

/// <summary>
/// The CBV 2.0 standard vocabularies as data, and conversions between the forms a value may take:
/// the bare word of the JSON-LD context ("shipping"), the URN ("urn:epcglobal:cbv:bizstep:shipping"),
/// the GS1 web URI ("https://ref.gs1.org/cbv/BizStep-shipping") and its CURIE ("cbv:BizStep-shipping").
/// </summary>
/// <remarks>
/// The lists are those of GS1's JSON-LD contexts cbv-context-bizstep, -disposition, -biztransaction-type,
/// -sourcedest-type and -error-reason. Only standard values change form; any other string (a user vocabulary URI,
/// an unknown bare word) is returned unchanged, so a caller never loses what the document said.
/// </remarks>
public static class Cbv
{
    /// <summary>Base of the CBV 2.0 web vocabulary (the "cbv:" prefix of the EPCIS context).</summary>
    public const string WebBase = "https://ref.gs1.org/cbv/";

    /// <summary>Base of every CBV URN.</summary>
    public const string UrnBase = "urn:epcglobal:cbv:";

    public static readonly IReadOnlyList<string> BizSteps =
    [
        "accepting", "arriving", "assembling", "collecting", "commissioning", "consigning",
        "creating_class_instance", "cycle_counting", "decommissioning", "departing", "destroying", "disassembling",
        "dispensing", "encoding", "entering_exiting", "holding", "inspecting", "installing", "killing", "loading",
        "other", "packing", "picking", "receiving", "removing", "repackaging", "repairing", "replacing", "reserving",
        "retail_selling", "sampling", "sensor_reporting", "shipping", "staging_outbound", "stock_taking", "stocking",
        "storing", "transporting", "unloading", "unpacking", "void_shipping",
    ];

    public static readonly IReadOnlyList<string> Dispositions =
    [
        "active", "available", "completeness_verified", "completeness_inferred", "conformant", "container_closed",
        "container_open", "damaged", "destroyed", "dispensed", "disposed", "encoded", "expired", "in_progress",
        "in_transit", "inactive", "mismatch_instance", "mismatch_class", "mismatch_quantity", "needs_replacement",
        "no_pedigree_match", "non_conformant", "non_sellable_other", "partially_dispensed", "recalled", "reserved",
        "retail_sold", "returned", "sellable_accessible", "sellable_not_accessible", "stolen", "unavailable",
        "unknown",
    ];

    public static readonly IReadOnlyList<string> BizTransactionTypes =
    [
        "bol", "cert", "desadv", "inv", "pedigree", "po", "poc", "prodorder", "recadv", "rma", "testprd", "testres",
        "upevt",
    ];

    public static readonly IReadOnlyList<string> SourceDestTypes = ["owning_party", "possessing_party", "location"];

    public static readonly IReadOnlyList<string> ErrorReasons = ["did_not_occur", "incorrect_data"];

    private sealed record Vocabulary(string UrnPrefix, string WebPrefix, FrozenSet<string> Words);

    private static readonly Vocabulary[] vocabularies =
    [
        new(UrnBase + "bizstep:", WebBase + "BizStep-", BizSteps.ToFrozenSet(StringComparer.Ordinal)),
        new(UrnBase + "disp:", WebBase + "Disp-", Dispositions.ToFrozenSet(StringComparer.Ordinal)),
        new(UrnBase + "btt:", WebBase + "BTT-", BizTransactionTypes.ToFrozenSet(StringComparer.Ordinal)),
        new(UrnBase + "sdt:", WebBase + "SDT-", SourceDestTypes.ToFrozenSet(StringComparer.Ordinal)),
        new(UrnBase + "er:", WebBase + "ER-", ErrorReasons.ToFrozenSet(StringComparer.Ordinal)),
    ];

    /// <summary>The standard values of one vocabulary, as bare words.</summary>
    public static IReadOnlyList<string> Values(CbvVocabulary vocabulary) => vocabulary switch
    {
        CbvVocabulary.BizStep => BizSteps,
        CbvVocabulary.Disposition => Dispositions,
        CbvVocabulary.BizTransactionType => BizTransactionTypes,
        CbvVocabulary.SourceDestType => SourceDestTypes,
        CbvVocabulary.ErrorReason => ErrorReasons,
        _ => throw new ArgumentOutOfRangeException(nameof(vocabulary)),
    };

    /// <summary>"urn:epcglobal:cbv:bizstep:" and so on.</summary>
    public static string UrnPrefix(CbvVocabulary vocabulary) => Get(vocabulary).UrnPrefix;

    /// <summary>"https://ref.gs1.org/cbv/BizStep-" and so on.</summary>
    public static string WebUriPrefix(CbvVocabulary vocabulary) => Get(vocabulary).WebPrefix;

    /// <summary>True when <paramref name="value"/> is a standard value in any of its four forms.</summary>
    public static bool IsStandard(CbvVocabulary vocabulary, string value) => TryGetWord(vocabulary, value, out _);

    /// <summary>
    /// The bare word of a standard value in any form ("shipping" for "urn:epcglobal:cbv:bizstep:shipping");
    /// false for anything else.
    /// </summary>
    public static bool TryGetWord(CbvVocabulary vocabulary, string value, out string word)
    {
        ArgumentNullException.ThrowIfNull(value);
        var vocab = Get(vocabulary);
        var candidate = value;
        if (value.StartsWith(vocab.UrnPrefix, StringComparison.Ordinal))
            candidate = value[vocab.UrnPrefix.Length..];
        else if (value.StartsWith(vocab.WebPrefix, StringComparison.Ordinal))
            candidate = value[vocab.WebPrefix.Length..];
        else if (value.StartsWith("cbv:", StringComparison.Ordinal)
                 && value.AsSpan(4).StartsWith(vocab.WebPrefix.AsSpan(WebBase.Length), StringComparison.Ordinal))
            candidate = value[(4 + vocab.WebPrefix.Length - WebBase.Length)..];

        if (vocab.Words.TryGetValue(candidate, out var actual))
        {
            word = actual;
            return true;
        }
        word = "";
        return false;
    }

    /// <summary>A standard value in URN form, whatever form it came in; any other value unchanged.</summary>
    public static string ToUrn(CbvVocabulary vocabulary, string value) =>
        TryGetWord(vocabulary, value, out var word) ? Get(vocabulary).UrnPrefix + word : value;

    /// <summary>A standard value as the bare word the JSON-LD context defines; any other value unchanged.</summary>
    public static string ToBareWord(CbvVocabulary vocabulary, string value) =>
        TryGetWord(vocabulary, value, out var word) ? word : value;

    /// <summary>A standard value as its GS1 web URI; any other value unchanged.</summary>
    public static string ToWebUri(CbvVocabulary vocabulary, string value) =>
        TryGetWord(vocabulary, value, out var word) ? Get(vocabulary).WebPrefix + word : value;

    private static Vocabulary Get(CbvVocabulary vocabulary) =>
        (uint)vocabulary < (uint)vocabularies.Length
            ? vocabularies[(int)vocabulary]
            : throw new ArgumentOutOfRangeException(nameof(vocabulary));
}
