namespace VnTrace.Gs1.Genealogy;

/// <summary>Which way a trace walks the chain from its start.</summary>
public enum TraceDirection
{
    /// <summary>Where it came from: inputs, contents, suppliers (one step back and beyond).</summary>
    Backward,

    /// <summary>Where it went: outputs, containers, customers (one step forward and beyond).</summary>
    Forward,

    /// <summary>The union of the backward and the forward trace (not the whole connected network).</summary>
    Both,
}
