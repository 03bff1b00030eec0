using VnTrace.Gs1.Genealogy;

namespace VnTrace.Gs1.Tests.Genealogy;

/// <summary>An event source over a list, indexed by every identifier an event names, that counts its calls.</summary>
internal sealed class InMemoryTraceEventSource : ITraceEventSource
{
    private readonly Dictionary<string, List<TraceEvent>> _byIdentifier = new(StringComparer.Ordinal);

    /// <param name="matchUnitsOfLot">Also answer a lot …/10/L with the events naming its units …/10/L/21/S.</param>
    public InMemoryTraceEventSource(IEnumerable<TraceEvent> events, bool matchUnitsOfLot = false)
    {
        foreach (var e in events)
        {
            foreach (var id in Named(e, matchUnitsOfLot).Distinct())
            {
                if (!_byIdentifier.TryGetValue(id, out var list))
                    _byIdentifier[id] = list = [];
                list.Add(e);
            }
        }
    }

    public int Calls { get; private set; }

    /// <summary>The size of the largest single request: the widest frontier.</summary>
    public int WidestRequest { get; private set; }

    public ValueTask<IReadOnlyList<TraceEvent>> EventsNamingAsync(IReadOnlyCollection<string> identifiers, CancellationToken ct)
    {
        Calls++;
        WidestRequest = Math.Max(WidestRequest, identifiers.Count);
        var found = new Dictionary<string, TraceEvent>(StringComparer.Ordinal);
        foreach (var id in identifiers)
        {
            foreach (var e in _byIdentifier.GetValueOrDefault(id) ?? [])
                found.TryAdd(e.EventId, e);
        }
        return ValueTask.FromResult<IReadOnlyList<TraceEvent>>([.. found.Values]);
    }

    private static IEnumerable<string> Named(TraceEvent e, bool matchUnitsOfLot)
    {
        IEnumerable<string> ids =
        [
            .. e.Epcs, .. e.Quantities.Select(q => q.EpcClass), .. e.InputEpcs, .. e.InputQuantities.Select(q => q.EpcClass),
            .. e.OutputEpcs, .. e.OutputQuantities.Select(q => q.EpcClass), .. e.Sources.Select(s => s.Value),
            .. e.Destinations.Select(d => d.Value),
        ];
        foreach (var id in ids)
        {
            yield return id;
            var serial = id.IndexOf("/21/", StringComparison.Ordinal);
            if (matchUnitsOfLot && serial > 0 && id.Contains("/10/", StringComparison.Ordinal))
                yield return id[..serial];
        }
        if (e.ParentId is { } parent)
            yield return parent;
        if (e.BizLocation is { } location)
            yield return location;
        if (e.ReadPoint is { } readPoint)
            yield return readPoint;
    }
}
