namespace VnTrace.Gs1.Genealogy;

/// <summary>The roles an identifier can play in one event (EPCIS 2.0 §7.3: what, where, why dimensions).</summary>
[Flags]
internal enum TraceRoles
{
    None = 0,

    /// <summary>In epcList / childEPCs or the class of quantityList / childQuantityList.</summary>
    Object = 1,

    /// <summary>parentID.</summary>
    Parent = 2,

    /// <summary>In inputEPCList or inputQuantityList.</summary>
    Input = 4,

    /// <summary>In outputEPCList or outputQuantityList.</summary>
    Output = 8,

    /// <summary>A sourceList value.</summary>
    Source = 16,

    /// <summary>A destinationList value.</summary>
    Destination = 32,

    /// <summary>bizLocation or readPoint.</summary>
    Place = 64,
}

internal static class TraceEventRoles
{
    /// <summary>The roles each identifier of <paramref name="wanted"/> plays in the event; only those that play one.</summary>
    public static Dictionary<string, TraceRoles> Find<T>(TraceEvent e, IReadOnlyDictionary<string, T> wanted)
    {
        var found = new Dictionary<string, TraceRoles>(StringComparer.Ordinal);
        void Mark(string? id, TraceRoles role)
        {
            if (id is not null && wanted.ContainsKey(id))
                found[id] = found.GetValueOrDefault(id) | role;
        }
        foreach (var id in e.Epcs)
            Mark(id, TraceRoles.Object);
        foreach (var q in e.Quantities)
            Mark(q.EpcClass, TraceRoles.Object);
        Mark(e.ParentId, TraceRoles.Parent);
        foreach (var id in e.InputEpcs)
            Mark(id, TraceRoles.Input);
        foreach (var q in e.InputQuantities)
            Mark(q.EpcClass, TraceRoles.Input);
        foreach (var id in e.OutputEpcs)
            Mark(id, TraceRoles.Output);
        foreach (var q in e.OutputQuantities)
            Mark(q.EpcClass, TraceRoles.Output);
        foreach (var (_, value) in e.Sources)
            Mark(value, TraceRoles.Source);
        foreach (var (_, value) in e.Destinations)
            Mark(value, TraceRoles.Destination);
        Mark(e.BizLocation, TraceRoles.Place);
        Mark(e.ReadPoint, TraceRoles.Place);
        return found;
    }

    /// <summary>True when the event names the identifier in any role, or names a unit of it when it is a lot.</summary>
    public static bool Mentions(TraceEvent e, string id) =>
        Find(e, new Dictionary<string, bool>(StringComparer.Ordinal) { [id] = true }).Count > 0
        || Objects(e).Any(o => o.Id.StartsWith(id, StringComparison.Ordinal) && TraceIdentifiers.TryGetLotOfUnit(o.Id, out var lot) && lot == id);

    /// <summary>The quantity element the event gives for a class, in any of its quantity lists; null for instances.</summary>
    public static TraceQuantity? QuantityOf(TraceEvent e, string id) =>
        e.Quantities.FirstOrDefault(q => q.EpcClass == id)
        ?? e.InputQuantities.FirstOrDefault(q => q.EpcClass == id)
        ?? e.OutputQuantities.FirstOrDefault(q => q.EpcClass == id);

    /// <summary>Every object the event names (instances, classes, parent, inputs, outputs), each with its quantity.</summary>
    public static IEnumerable<(string Id, TraceQuantity? Quantity)> Objects(TraceEvent e)
    {
        foreach (var id in e.Epcs)
            yield return (id, null);
        foreach (var q in e.Quantities)
            yield return (q.EpcClass, q);
        if (e.ParentId is { } parent)
            yield return (parent, null);
        foreach (var id in e.InputEpcs)
            yield return (id, null);
        foreach (var q in e.InputQuantities)
            yield return (q.EpcClass, q);
        foreach (var id in e.OutputEpcs)
            yield return (id, null);
        foreach (var q in e.OutputQuantities)
            yield return (q.EpcClass, q);
    }

    /// <summary>childEPCs and childQuantityList of an aggregation: a lot counted in quantity is a child like an EPC.</summary>
    public static IEnumerable<(string Id, TraceQuantity? Quantity)> Children(TraceEvent e) =>
        e.Epcs.Select(id => (id, (TraceQuantity?)null)).Concat(e.Quantities.Select(q => (q.EpcClass, (TraceQuantity?)q)));

    public static IEnumerable<(string Id, TraceQuantity? Quantity)> Inputs(TraceEvent e) =>
        e.InputEpcs.Select(id => (id, (TraceQuantity?)null)).Concat(e.InputQuantities.Select(q => (q.EpcClass, (TraceQuantity?)q)));

    public static IEnumerable<(string Id, TraceQuantity? Quantity)> Outputs(TraceEvent e) =>
        e.OutputEpcs.Select(id => (id, (TraceQuantity?)null)).Concat(e.OutputQuantities.Select(q => (q.EpcClass, (TraceQuantity?)q)));

    /// <summary>CBV §7.2 bizStep: shipping and receiving, or any other step that names a source or destination.</summary>
    public static TraceEdgeKind TransferKind(TraceEvent e) => TraceIdentifiers.BareWord(e.BizStep) switch
    {
        "shipping" => TraceEdgeKind.Shipped,
        "receiving" => TraceEdgeKind.Received,
        _ => TraceEdgeKind.Transferred,
    };
}
