namespace VnTrace.Gs1.Genealogy;

/// <summary>What a node of the trace graph stands for.</summary>
public enum TraceNodeKind
{
    /// <summary>A batch or lot: GTIN with a lot number (AI 01 + 10), the class of a quantity list.</summary>
    Lot,

    /// <summary>A serialised item: GTIN with a serial number (AI 01 + 21).</summary>
    Unit,

    /// <summary>A logistic unit (SSCC, AI 00) or anything used as the parent of an aggregation.</summary>
    Container,

    /// <summary>A place: a GLN with or without extension (AI 414 [+ 254]) or a source/destination of type location.</summary>
    Location,

    /// <summary>A business: a party GLN (AI 417) or a source/destination of type owning_party or possessing_party.</summary>
    Party,

    /// <summary>Anything else: a GTIN alone, a returnable asset, a non-GS1 identifier.</summary>
    Other,
}

/// <summary>One object, place or business in the trace.</summary>
/// <param name="Id">The identifier as the events write it (canonical Digital Link for GS1 keys).</param>
/// <param name="Depth">Steps from the start (0 for the start), the shortest way the walk found.</param>
/// <param name="Direction">
/// How the walk reached it: <see cref="TraceDirection.Backward"/> (upstream), <see cref="TraceDirection.Forward"/>
/// (downstream), or <see cref="TraceDirection.Both"/> for the start and for a node found both ways (a cycle).
/// </param>
/// <param name="Label">A short human label, e.g. "GTIN 08936012000108 · lot LOT1".</param>
/// <param name="Unknown">True only for a start that no event names: the caller answers "not found".</param>
public sealed record TraceNode(string Id, TraceNodeKind Kind, int Depth, TraceDirection Direction, string Label, bool Unknown = false);
