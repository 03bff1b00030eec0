using Microsoft.EntityFrameworkCore;
using VnTrace.Gs1.Epcis;
using VnTrace.Gs1.Genealogy;
using VnTrace.Server.Platform.Data;
using VnTrace.Server.Platform.Events;

namespace VnTrace.Server.Trace;

/// <summary>
/// Answers the tracer from the event store, one SQL query per frontier: the events naming any frontier identifier
/// (through the event_identifiers index) that the caller may see (<see cref="TraceVisibility"/>).
/// </summary>
public sealed class DatabaseTraceEventSource(VnTraceDbContext db, TraceVisibility visibility) : ITraceEventSource
{
    public async ValueTask<IReadOnlyList<TraceEvent>> EventsNamingAsync(IReadOnlyCollection<string> identifiers, CancellationToken ct)
    {
        var result = new List<TraceEvent>();
        foreach (var chunk in identifiers.Distinct(StringComparer.Ordinal).Chunk(200))
        {
            var naming = db.EventIdentifiers.Where(i => chunk.Contains(i.Value)).Select(i => i.TraceabilityEventId);
            // A lot also reaches the units written with it (…/10/{lot}/21/{serial}), which events may name alone.
            foreach (var lot in chunk.Where(IsLot))
            {
                var units = IdentifierMatch.EscapeLike(lot) + "/21/%";
                naming = naming.Concat(db.EventIdentifiers
                    .Where(i => EF.Functions.Like(i.Value, units, IdentifierMatch.Escape.ToString()))
                    .Select(i => i.TraceabilityEventId));
            }
            // A party or a location (…/417/…, …/414/…) is named as a source or destination rather than as an EPC.
            var partiesAndPlaces = chunk.Where(IsPartyOrLocation).ToArray();
            if (partiesAndPlaces.Length > 0)
                naming = naming.Concat(db.EventReferences.Where(r => partiesAndPlaces.Contains(r.Value)).Select(r => r.TraceabilityEventId));
            var events = visibility.Filter(db, db.Events.Where(e => naming.Contains(e.Id)));
            var rows = await events.Select(e => new { e.EventId, e.Json }).ToListAsync(ct);
            result.AddRange(rows.Select(r => Project(r.EventId, StoredEventFormat.Deserialize(r.Json))));
        }
        return result;
    }

    /// <summary>A lot: …/01/{gtin}/10/{lot} with no serial after it.</summary>
    private static bool IsLot(string identifier) =>
        identifier.StartsWith("https://id.gs1.org/01/", StringComparison.Ordinal)
        && identifier.Contains("/10/", StringComparison.Ordinal)
        && !identifier.Contains("/21/", StringComparison.Ordinal);

    private static bool IsPartyOrLocation(string identifier) =>
        identifier.StartsWith("https://id.gs1.org/417/", StringComparison.Ordinal)
        || identifier.StartsWith("https://id.gs1.org/414/", StringComparison.Ordinal);

    /// <summary>The tracer's view of a stored event, identifiers in canonical form.</summary>
    internal static TraceEvent Project(string eventId, EpcisEvent e) => new(
        eventId,
        e.Type,
        e.Action,
        e.EventTime,
        e.BizStep,
        e.ReadPoint is null ? null : Identifiers.Canonical(e.ReadPoint),
        e.BizLocation is null ? null : Identifiers.Canonical(e.BizLocation),
        [.. e.EpcList.Select(Identifiers.Canonical)],
        [.. e.QuantityList.Select(Quantity)],
        e.ParentId is null ? null : Identifiers.Canonical(e.ParentId),
        [.. e.InputEpcList.Select(Identifiers.Canonical)],
        [.. e.InputQuantityList.Select(Quantity)],
        [.. e.OutputEpcList.Select(Identifiers.Canonical)],
        [.. e.OutputQuantityList.Select(Quantity)],
        [.. e.SourceList.Select(s => (s.Type, Identifiers.Canonical(s.Value)))],
        [.. e.DestinationList.Select(d => (d.Type, Identifiers.Canonical(d.Value)))]);

    private static TraceQuantity Quantity(QuantityElement q) => new(Identifiers.Canonical(q.EpcClass), q.Quantity, q.Uom);
}
