using Microsoft.EntityFrameworkCore;
using VnTrace.Gs1.Epcis;
using VnTrace.Gs1.Genealogy;
using VnTrace.Server.Platform.Api;
using VnTrace.Server.Platform.Data;
using VnTrace.Server.Platform.Events;
using VnTrace.Server.Trace;

namespace VnTrace.Server.Exports;

/// <summary>A stored event in an export, with the organization that captured it and its name.</summary>
public sealed record ExportEvent(long Id, EpcisEvent Event, Guid OwnerId, string CapturedBy, DateTime RecordTime);

/// <summary>
/// The events of an export's scope that the caller may see — exactly the trace's visibility: its own events, those a
/// partner shared by naming the caller's party as source or destination, and everything for the authority — in
/// eventTime order. A regulator's export must be complete, so a scope too large for the limits is refused, never cut.
/// </summary>
public sealed class ExportEventReader(VnTraceDbContext db, ExportOptions options, TraceOptions traceOptions)
{
    /// <summary>The events, or why not (404 unknown lot, 413 over a limit).</summary>
    public async Task<(IReadOnlyList<ExportEvent>? Events, ExportFailure? Failure)> ReadAsync(Guid caller, ExportScope scope, CancellationToken ct)
    {
        var visibility = await TraceVisibility.OfAsync(db, caller, ct);
        var visible = visibility.Filter(db, db.Events);

        if (scope.Lot is { } lot)
        {
            var naming = NamingLot(lot);
            if (!await visible.AnyAsync(e => naming.Contains(e.Id), ct))
                return (null, new ExportFailure(StatusCodes.Status404NotFound, EpcisExceptionType.NoSuchName, $"No event you can see names the lot '{lot}'."));
        }

        if (scope is { Lot: { } start, Trace: { } direction })
        {
            var limits = new TraceLimits { MaxNodes = traceOptions.MaxNodes, MaxDepth = traceOptions.MaxDepth };
            var graph = await GenealogyTracer.TraceAsync(start, direction, scope.Window, new DatabaseTraceEventSource(db, visibility), limits, ct);
            if (graph.Truncated)
            {
                return (null, TooLarge($"The genealogy of '{start}' reaches more than the trace limits allow ({traceOptions.MaxNodes} identifiers, "
                    + $"{traceOptions.MaxDepth} steps); an export must be complete, so narrow it with from/to or export the lot without trace."));
            }
            // The tracer names events by eventID; reading them back through the same visibility filter keeps out another
            // owner's event that happens to share an eventID.
            var eventIds = graph.Events.Select(e => e.EventId).ToHashSet(StringComparer.Ordinal);
            var own = InWindow(visible.Where(e => NamingLot(start).Contains(e.Id)), scope.Window);
            eventIds.UnionWith(await own.Select(e => e.EventId).ToListAsync(ct));
            if (eventIds.Count > options.MaxRows)
                return (null, TooLarge(RowLimitMessage()));
            var traced = new List<ExportEvent>();
            foreach (var chunk in eventIds.Chunk(1000))
                traced.AddRange(await LoadAsync(InWindow(visible.Where(e => chunk.Contains(e.EventId)), scope.Window), ct));
            return (traced.OrderBy(e => e.Event.EventTime).ThenBy(e => e.Id).ToList(), null);
        }

        var events = InWindow(visible, scope.Window);
        if (scope.Lot is { } lotOnly)
        {
            var naming = NamingLot(lotOnly);
            events = events.Where(e => naming.Contains(e.Id));
        }
        else if (scope.GtinLink is { } product)
        {
            var below = IdentifierMatch.EscapeLike(product) + "/%";
            var naming = db.EventIdentifiers
                .Where(i => i.Value == product || EF.Functions.Like(i.Value, below, IdentifierMatch.Escape.ToString()))
                .Select(i => i.TraceabilityEventId);
            events = events.Where(e => naming.Contains(e.Id));
        }
        if (await events.Take(options.MaxRows + 1).CountAsync(ct) > options.MaxRows)
            return (null, TooLarge(RowLimitMessage()));
        return (await LoadAsync(events.OrderBy(e => e.EventTime).ThenBy(e => e.Id), ct), null);
    }

    public ExportFailure TooLarge(string detail) => new(StatusCodes.Status413PayloadTooLarge, EpcisExceptionType.QueryTooLarge, detail);

    public string RowLimitMessage() =>
        $"The export would have more than {options.MaxRows:N0} rows (VnTrace:Exports:MaxRows); narrow it with from/to, a gtin or a lot.";

    /// <summary>Events naming the lot, or one of its units written with the lot (…/10/{lot}/21/{serial}).</summary>
    private IQueryable<long> NamingLot(string lot)
    {
        var units = IdentifierMatch.EscapeLike(lot) + "/21/%";
        return db.EventIdentifiers
            .Where(i => i.Value == lot || EF.Functions.Like(i.Value, units, IdentifierMatch.Escape.ToString()))
            .Select(i => i.TraceabilityEventId);
    }

    private static IQueryable<TraceabilityEvent> InWindow(IQueryable<TraceabilityEvent> events, TraceWindow window)
    {
        if (window.From is { } from)
        {
            var f = from.UtcDateTime;
            events = events.Where(e => e.EventTime >= f);
        }
        if (window.To is { } to)
        {
            var t = to.UtcDateTime;
            events = events.Where(e => e.EventTime < t);
        }
        return events;
    }

    private async Task<List<ExportEvent>> LoadAsync(IQueryable<TraceabilityEvent> events, CancellationToken ct)
    {
        var rows = await events.Select(e => new { e.Id, e.OwnerId, e.Json, e.RecordTime }).ToListAsync(ct);
        var owners = rows.Select(r => r.OwnerId).Distinct().ToList();
        var names = await db.Organizations.Where(o => owners.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        return rows.Select(r => new ExportEvent(r.Id, StoredEventFormat.Deserialize(r.Json), r.OwnerId, names.GetValueOrDefault(r.OwnerId, ""), r.RecordTime)).ToList();
    }

    /// <summary>Registered organizations by party GLN, to name the parties an event's sources and destinations give.</summary>
    public async Task<IReadOnlyDictionary<string, string>> PartyNamesAsync(IEnumerable<string> glns, CancellationToken ct)
    {
        var wanted = glns.Distinct(StringComparer.Ordinal).ToList();
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var chunk in wanted.Chunk(1000))
        {
            foreach (var o in await db.Organizations.Where(o => o.Gln != null && chunk.Contains(o.Gln)).Select(o => new { o.Gln, o.Name }).ToListAsync(ct))
                result[o.Gln!] = o.Name;
        }
        return result;
    }
}
