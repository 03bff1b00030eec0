using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using VnTrace.Gs1.Epcis;
using VnTrace.Server.Platform.Data;
using VnTrace.Server.Platform.Events;

namespace VnTrace.Server.Query;

/// <summary>One page of a query: the stored JSON of its events, and where the next page starts (null on the last).</summary>
public sealed record EventPage(IReadOnlyList<string> EventJson, PageToken? Next);

/// <summary>
/// Runs an <see cref="EventQuery"/> for one owner as a single SQL statement: the filters as WHERE clauses
/// (identifier and reference matches as IN sub-queries that use their indexes) and keyset paging on
/// (sort time, id), so page N costs the same as page 1.
/// </summary>
public sealed class EventQueryExecutor(VnTraceDbContext db)
{
    public async Task<(EventPage? Page, string? TooLarge)> RunAsync(Guid ownerId, EventQuery q, CancellationToken ct)
    {
        await ExpandWithinAsync(ownerId, q.WithinReadPoints, ct);
        await ExpandWithinAsync(ownerId, q.WithinBizLocations, ct);
        var events = Filter(db.Events.Where(e => e.OwnerId == ownerId), q);

        if (q.MaxEventCount is int max)
        {
            var count = await events.Take(max + 1).CountAsync(ct);
            if (count > max)
                return (null, $"The query matches more than maxEventCount={max} events.");
        }

        var delivered = q.After?.Delivered ?? 0;
        var take = q.PerPage;
        if (q.EventCountLimit is int limit)
            take = Math.Min(take, limit - delivered);
        if (take <= 0)
            return (new EventPage([], null), null);

        var page = await Page(events, q).Take(take + 1)
            .Select(e => new { e.Id, e.EventTime, e.RecordTime, e.Json })
            .ToListAsync(ct);
        var hasMore = page.Count > take;
        if (hasMore)
            page.RemoveAt(page.Count - 1);
        PageToken? next = null;
        if (hasMore && page.Count > 0)
        {
            var last = page[^1];
            var sort = q.OrderBy == EventOrder.EventTime ? last.EventTime : last.RecordTime;
            next = new PageToken(sort.Ticks, last.Id, delivered + page.Count);
        }
        return (new EventPage(page.Select(p => p.Json).ToList(), next), null);
    }

    /// <summary>
    /// WD_ (EPCIS 2.0 §8.2.7.1): adds every location the owner's master data places below the given ones, level by
    /// level (at most 20 levels; a cycle in the hierarchy ends where it repeats).
    /// </summary>
    private async Task ExpandWithinAsync(Guid ownerId, List<string> locations, CancellationToken ct)
    {
        if (locations.Count == 0)
            return;
        var all = new HashSet<string>(locations, StringComparer.Ordinal);
        var frontier = locations.ToList();
        for (var level = 0; level < 20 && frontier.Count > 0; level++)
        {
            var parents = frontier;
            var children = await db.LocationHierarchy.Where(h => h.OwnerId == ownerId && parents.Contains(h.ParentId))
                .Select(h => h.ChildId).ToListAsync(ct);
            frontier = children.Where(all.Add).ToList();
        }
        locations.Clear();
        locations.AddRange(all);
    }

    private static IQueryable<TraceabilityEvent> Page(IQueryable<TraceabilityEvent> events, EventQuery q)
    {
        if (q.After is { } after)
        {
            var t = new DateTime(after.SortTicks, DateTimeKind.Utc);
            var id = after.Id;
            events = (q.OrderBy, q.Descending) switch
            {
                (EventOrder.EventTime, false) => events.Where(e => e.EventTime > t || (e.EventTime == t && e.Id > id)),
                (EventOrder.EventTime, true) => events.Where(e => e.EventTime < t || (e.EventTime == t && e.Id < id)),
                (_, false) => events.Where(e => e.RecordTime > t || (e.RecordTime == t && e.Id > id)),
                (_, true) => events.Where(e => e.RecordTime < t || (e.RecordTime == t && e.Id < id)),
            };
        }
        return (q.OrderBy, q.Descending) switch
        {
            (EventOrder.EventTime, false) => events.OrderBy(e => e.EventTime).ThenBy(e => e.Id),
            (EventOrder.EventTime, true) => events.OrderByDescending(e => e.EventTime).ThenByDescending(e => e.Id),
            (_, false) => events.OrderBy(e => e.RecordTime).ThenBy(e => e.Id),
            (_, true) => events.OrderByDescending(e => e.RecordTime).ThenByDescending(e => e.Id),
        };
    }

    private IQueryable<TraceabilityEvent> Filter(IQueryable<TraceabilityEvent> events, EventQuery q)
    {
        if (q.EventTypes.Count > 0) { var v = q.EventTypes; events = events.Where(e => v.Contains(e.EventType)); }
        if (q.GeEventTime is { } geE) events = events.Where(e => e.EventTime >= geE);
        if (q.LtEventTime is { } ltE) events = events.Where(e => e.EventTime < ltE);
        if (q.GeRecordTime is { } geR) events = events.Where(e => e.RecordTime >= geR);
        if (q.LtRecordTime is { } ltR) events = events.Where(e => e.RecordTime < ltR);
        if (q.Actions.Count > 0)
        {
            var v = q.Actions.Cast<EpcisAction?>().ToList();
            events = events.Where(e => v.Contains(e.Action));
        }
        if (q.BizSteps.Count > 0) { var v = q.BizSteps; events = events.Where(e => e.BizStep != null && v.Contains(e.BizStep)); }
        if (q.Dispositions.Count > 0) { var v = q.Dispositions; events = events.Where(e => e.Disposition != null && v.Contains(e.Disposition)); }
        if (q.ReadPoints.Count > 0) { var v = q.ReadPoints; events = events.Where(e => e.ReadPoint != null && v.Contains(e.ReadPoint)); }
        if (q.BizLocations.Count > 0) { var v = q.BizLocations; events = events.Where(e => e.BizLocation != null && v.Contains(e.BizLocation)); }
        if (q.WithinReadPoints.Count > 0) events = events.Where(Within(e => e.ReadPoint, q.WithinReadPoints));
        if (q.WithinBizLocations.Count > 0) events = events.Where(Within(e => e.BizLocation, q.WithinBizLocations));
        if (q.EventIds.Count > 0) { var v = q.EventIds; events = events.Where(e => v.Contains(e.EventId)); }
        if (q.ExistsErrorDeclaration == true) events = events.Where(e => e.HasErrorDeclaration);

        events = Match(events, q.MatchEpc, IdentifierRole.Epc);
        events = Match(events, q.MatchParentId, IdentifierRole.ParentId);
        events = Match(events, q.MatchInputEpc, IdentifierRole.InputEpc);
        events = Match(events, q.MatchOutputEpc, IdentifierRole.OutputEpc);
        events = Match(events, q.MatchAnyEpc, IdentifierRole.Epc, IdentifierRole.ParentId, IdentifierRole.InputEpc, IdentifierRole.OutputEpc);
        events = Match(events, q.MatchEpcClass, IdentifierRole.EpcClass);
        events = Match(events, q.MatchInputEpcClass, IdentifierRole.InputEpcClass);
        events = Match(events, q.MatchOutputEpcClass, IdentifierRole.OutputEpcClass);
        events = Match(events, q.MatchAnyEpcClass, IdentifierRole.EpcClass, IdentifierRole.InputEpcClass, IdentifierRole.OutputEpcClass);

        foreach (var (type, values) in q.BizTransactions)
            events = Reference(events, ReferenceKind.BizTransaction, type, values);
        foreach (var (type, values) in q.Sources)
            events = Reference(events, ReferenceKind.Source, type, values);
        foreach (var (type, values) in q.Destinations)
            events = Reference(events, ReferenceKind.Destination, type, values);
        return events;
    }

    private IQueryable<TraceabilityEvent> Match(IQueryable<TraceabilityEvent> events, List<string> values, params IdentifierRole[] roles)
    {
        if (values.Count == 0)
            return events;
        var match = IdentifierMatch.From(values);
        var roleList = roles.ToList();
        var candidates = db.EventIdentifiers.Where(i => roleList.Contains(i.Role));
        var exact = match.Exact;
        var ids = candidates.Where(i => exact.Contains(i.Value)).Select(i => i.TraceabilityEventId);
        foreach (var pattern in match.Patterns)
            ids = ids.Concat(candidates.Where(i => EF.Functions.Like(i.Value, pattern, IdentifierMatch.Escape.ToString())).Select(i => i.TraceabilityEventId));
        return events.Where(e => ids.Contains(e.Id));
    }

    private IQueryable<TraceabilityEvent> Reference(IQueryable<TraceabilityEvent> events, ReferenceKind kind, string type, List<string> values)
    {
        var ids = db.EventReferences.Where(r => r.Kind == kind && r.Type == type && values.Contains(r.Value)).Select(r => r.TraceabilityEventId);
        return events.Where(e => ids.Contains(e.Id));
    }

    /// <summary>
    /// WD_ (EPCIS 2.0 §8.2.7.1): the location itself or one below it — below in the master data (expanded before),
    /// or in GS1 terms: a sub-location of a GLN is the same GLN with an extension (AI 254), …/414/{gln}/254/{ext}.
    /// </summary>
    private static Expression<Func<TraceabilityEvent, bool>> Within(Expression<Func<TraceabilityEvent, string?>> field, List<string> values)
    {
        var e = field.Parameters[0];
        Expression? body = null;
        var like = typeof(DbFunctionsExtensions).GetMethod(nameof(DbFunctionsExtensions.Like),
            [typeof(DbFunctions), typeof(string), typeof(string), typeof(string)])!;
        foreach (var value in values)
        {
            var equal = Expression.Equal(field.Body, Expression.Constant(value, typeof(string)));
            var below = Expression.Call(like, Expression.Constant(EF.Functions), field.Body,
                Expression.Constant(IdentifierMatch.EscapeLike(value) + "/254/%"), Expression.Constant(IdentifierMatch.Escape.ToString()));
            var either = Expression.OrElse(equal, below);
            body = body is null ? either : Expression.OrElse(body, either);
        }
        return Expression.Lambda<Func<TraceabilityEvent, bool>>(body!, e);
    }
}
