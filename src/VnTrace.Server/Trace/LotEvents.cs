using Microsoft.EntityFrameworkCore;
using VnTrace.Gs1.Epcis;
using VnTrace.Gs1.Identifiers;
using VnTrace.Server.Organizations;
using VnTrace.Server.Platform.Data;
using VnTrace.Server.Platform.Events;

namespace VnTrace.Server.Trace;

/// <summary>A stored event that names a lot (or a unit, or a container the goods travelled in), with the business that captured it.</summary>
public sealed record LotEvent(long RowId, Guid OwnerId, string EventId, EpcisEvent Event);

/// <param name="Events">Oldest first, corrections and the events they withdraw left out.</param>
/// <param name="DirectRows">How many stored events name the item itself (before containers and corrections).</param>
/// <param name="Containers">The pallets and cases the goods were packed into, with the time they were packed.</param>
public sealed record LotEventSet(List<LotEvent> Events, int DirectRows, IReadOnlyDictionary<string, DateTimeOffset> Containers);

/// <summary>
/// Reads the events that tell an item's story, whoever captured them: those naming it (a lot's units too), and the later
/// events of the containers it was packed into. Who of their authors may be believed is <see cref="LotTrust"/>'s call.
/// </summary>
public static class LotEvents
{
    /// <param name="unitsOf">A lot whose units (…/10/{lot}/21/…) count as the lot.</param>
    /// <param name="max">At most this many events naming the item, and as many again of its containers.</param>
    public static async Task<LotEventSet> ReadAsync(VnTraceDbContext db, IReadOnlyList<string> exact, string? unitsOf, int max, CancellationToken ct)
    {
        var rows = await NamingAsync(db, exact, unitsOf, null, max, ct);
        var events = rows.ToList();

        // The pallets and cases the goods were packed into carry them onward: their later events are the goods' journey.
        var containers = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        foreach (var e in events.Select(x => x.Event))
            if (e.Type == EpcisEventType.AggregationEvent && e.Action == EpcisAction.Add && e.ParentId is { } parent)
            {
                var id = Identifiers.Canonical(parent);
                if (!containers.TryGetValue(id, out var since) || e.EventTime < since)
                    containers[id] = e.EventTime;
            }
        if (containers.Count > 0)
        {
            var since = containers.Values.Min().UtcDateTime;
            var known = rows.Select(r => r.RowId).ToHashSet();
            foreach (var r in await NamingAsync(db, [.. containers.Keys], null, since, max, ct))
                if (known.Add(r.RowId) && NamedContainers(r.Event).Any(c => containers.TryGetValue(c, out var packedAt) && r.Event.EventTime >= packedAt))
                    events.Add(r);
        }

        // A correction (EPCIS 2.0 §7.4.1.2) withdraws the event it declares in error: neither is shown.
        var withdrawn = events.Where(x => x.Event.ErrorDeclaration is not null).Select(x => (x.OwnerId, x.EventId)).ToHashSet();
        events = [.. events.Where(x => !withdrawn.Contains((x.OwnerId, x.EventId))).OrderBy(x => x.Event.EventTime).ThenBy(x => x.RowId)];
        return new LotEventSet(events, rows.Count, containers);
    }

    /// <summary>Events of approved businesses naming one of <paramref name="exact"/> (in any role) or a lot's units, oldest first.</summary>
    private static async Task<List<LotEvent>> NamingAsync(VnTraceDbContext db, IReadOnlyList<string> exact, string? unitsOf, DateTime? since, int max, CancellationToken ct)
    {
        var naming = db.EventIdentifiers.Where(i => exact.Contains(i.Value)).Select(i => i.TraceabilityEventId);
        if (unitsOf is not null)
        {
            var units = IdentifierMatch.EscapeLike(unitsOf) + "/21/%";
            naming = naming.Concat(db.EventIdentifiers.Where(i => EF.Functions.Like(i.Value, units, IdentifierMatch.Escape.ToString())).Select(i => i.TraceabilityEventId));
        }
        var approved = db.Organizations.Where(o => o.Status == OrganizationStatus.Approved && o.Kind == OrganizationKind.Business);
        var query = db.Events.Where(e => naming.Contains(e.Id) && approved.Any(o => o.Id == e.OwnerId));
        if (since is { } from)
            query = query.Where(e => e.EventTime >= from);
        var rows = await query.OrderBy(e => e.EventTime).ThenBy(e => e.Id).Take(max)
            .Select(e => new { e.Id, e.OwnerId, e.EventId, e.Json })
            .ToListAsync(ct);
        return [.. rows.Select(r => new LotEvent(r.Id, r.OwnerId, r.EventId, StoredEventFormat.Deserialize(r.Json)))];
    }

    /// <summary>The GLN of a party or location (…/417/…, …/414/…, or their EPC URIs).</summary>
    public static string? Gln(string? location) =>
        DigitalLink.TryGetGln(location, out var gln) ? gln.ToString() : null;

    public static IEnumerable<string> NamedIdentifiers(EpcisEvent e) =>
        e.EpcList.Concat(e.QuantityList.Select(q => q.EpcClass)).Concat(OutputsRaw(e)).Concat(e.InputEpcList).Concat(e.InputQuantityList.Select(q => q.EpcClass))
            .Select(Identifiers.Canonical);

    public static IEnumerable<string> NamedContainers(EpcisEvent e) =>
        (e.ParentId is null ? e.EpcList : e.EpcList.Append(e.ParentId)).Select(Identifiers.Canonical);

    private static IEnumerable<string> OutputsRaw(EpcisEvent e) => e.OutputEpcList.Concat(e.OutputQuantityList.Select(q => q.EpcClass));

    public static IEnumerable<string> OutputsOf(EpcisEvent e) => OutputsRaw(e).Select(Identifiers.Canonical);

    public static IEnumerable<string> InputsOf(EpcisEvent e) =>
        e.InputEpcList.Concat(e.InputQuantityList.Select(q => q.EpcClass)).Select(Identifiers.Canonical);

    /// <summary>What the event brings into being: an ObjectEvent ADD's objects, a transformation's outputs, an aggregation's new parent.</summary>
    public static IEnumerable<string> CreatedBy(EpcisEvent e) => e.Type switch
    {
        EpcisEventType.ObjectEvent when e.Action == EpcisAction.Add => e.EpcList.Concat(e.QuantityList.Select(q => q.EpcClass)).Select(Identifiers.Canonical),
        EpcisEventType.TransformationEvent => OutputsOf(e),
        EpcisEventType.AggregationEvent when e.Action == EpcisAction.Add && e.ParentId is { } parent => [Identifiers.Canonical(parent)],
        _ => [],
    };
}
