using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using VnTrace.Gs1.Epcis;
using VnTrace.Gs1.Epcis.Hashing;
using VnTrace.Server.Locations;
using VnTrace.Server.Platform.Data;
using VnTrace.Server.Platform.Events;

namespace VnTrace.Server.Capture;

/// <summary>The result of capturing a document: the job, and the errors that refused it (none on success).</summary>
public sealed record CaptureOutcome(CaptureJob Job, IReadOnlyList<EpcisError> Errors, bool IsConflict)
{
    public bool Success => Errors.Count == 0;

    /// <summary>The eventID each event was stored under (its hash when it came without one), in document order.</summary>
    public IReadOnlyList<string> EventIds { get; init; } = [];
}

/// <summary>
/// Stores a validated EPCIS document for one organization, atomically: all its new events or none.
/// Every event gets its CBV 2.0 hash; one without an eventID is identified by that hash. An eventID the owner
/// already has is accepted again only with the same content (idempotent re-send); other content is a conflict.
/// </summary>
public sealed class CaptureService(VnTraceDbContext db, IEventWriter writer, TimeProvider clock, ILogger<CaptureService> logger,
    IEnumerable<IIdentifierChangeObserver>? changeObservers = null)
{
    /// <param name="eventPointer">Builds the location of event i in the input, for error messages.</param>
    /// <param name="masterData">Master data from the document header; location hierarchies are kept for WD_ queries.</param>
    /// <param name="channel">How the events arrived (kept on the job; the API counts as an interoperable system).</param>
    public async Task<CaptureOutcome> CaptureAsync(Guid ownerId, IReadOnlyList<EpcisEvent> events,
        Func<int, string> eventPointer, CancellationToken ct, IReadOnlyList<VocabularyElement>? masterData = null,
        CaptureChannel channel = CaptureChannel.Unknown)
    {
        var hierarchy = await NewHierarchyAsync(ownerId, masterData ?? [], ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var job = new CaptureJob { OwnerId = ownerId, CreatedAt = now, EventCount = events.Count, Channel = channel };
        var errors = new List<EpcisError>();

        // Identify every event and catch conflicting duplicates inside the document itself.
        var prepared = new List<(EpcisEvent Event, string EventId, string Hash)>(events.Count);
        var seen = new Dictionary<string, (string Hash, int Index)>(StringComparer.Ordinal);
        for (var i = 0; i < events.Count; i++)
        {
            var e = events[i];
            var eventHash = EventHash.Compute(e);
            var eventId = string.IsNullOrEmpty(e.EventId) ? eventHash : e.EventId;
            var hash = ContentFingerprint(e, eventHash);
            if (seen.TryGetValue(StorageKey(eventId, e), out var earlier))
            {
                if (earlier.Hash != hash)
                    errors.Add(new EpcisError(eventPointer(i) + "/eventID",
                        $"eventID '{eventId}' is used by event {earlier.Index} of this document with different content."));
                continue;
            }
            seen[StorageKey(eventId, e)] = (hash, i);
            prepared.Add((e, eventId, hash));
        }

        if (errors.Count > 0)
            return await FailAsync(job, errors, isConflict: true, ct);

        // Compare with what the owner already stored: one index look-up, cheaper than writing and rolling back
        // when a document is sent again (bench/: a re-send costs a fraction of a new document this way).
        var stored = await StoredHashesAsync(ownerId, prepared.Select(p => p.EventId).Distinct().ToList(), ct);
        var toStore = new List<(EpcisEvent Event, string EventId, string Hash)>(prepared.Count);
        foreach (var p in prepared)
        {
            var key = StorageKey(p.EventId, p.Event);
            if (!stored.TryGetValue(key, out var storedHash))
                toStore.Add(p);
            else if (storedHash != p.Hash)
                errors.Add(new EpcisError(eventPointer(seen[key].Index) + "/eventID",
                    $"eventID '{p.EventId}' was captured before with different content; corrections are new events with an errorDeclaration, never edits."));
        }
        if (errors.Count > 0)
            return await FailAsync(job, errors, isConflict: true, ct);
        if (await TryWriteAsync(job, toStore, hierarchy, now, ct))
            return new CaptureOutcome(job, [], false) { EventIds = [.. prepared.Select(p => p.EventId)] };

        // Another capture stored one of these eventIDs between our look and our write.
        logger.LogInformation("Concurrent capture of the same eventID for {Owner}", ownerId);
        return await FailAsync(job, [new EpcisError("/", "Another capture stored one of these eventIDs at the same moment; send the document again.")],
            isConflict: true, ct);
    }

    private static readonly string[] LocationVocabularies =
        ["urn:epcglobal:epcis:vtype:BusinessLocation", "urn:epcglobal:epcis:vtype:ReadPoint"];

    /// <summary>Location parent → child pairs of this capture's master data that the owner has not stored yet.</summary>
    private async Task<List<LocationHierarchy>> NewHierarchyAsync(Guid ownerId, IReadOnlyList<VocabularyElement> masterData, CancellationToken ct)
    {
        var pairs = masterData
            .Where(v => LocationVocabularies.Contains(v.VocabularyType) && v.Id.Length > 0)
            .SelectMany(v => v.Children.Select(c => (Parent: Identifiers.Canonical(v.Id), Child: Identifiers.Canonical(c))))
            .Where(p => p.Parent != p.Child)
            .Distinct()
            .ToList();
        if (pairs.Count == 0)
            return [];
        var parents = pairs.Select(p => p.Parent).Distinct().ToList();
        var stored = (await db.LocationHierarchy.Where(h => h.OwnerId == ownerId && parents.Contains(h.ParentId))
                .Select(h => new { h.ParentId, h.ChildId }).ToListAsync(ct))
            .Select(h => (h.ParentId, h.ChildId)).ToHashSet();
        return [.. pairs.Where(p => !stored.Contains(p)).Select(p => new LocationHierarchy { OwnerId = ownerId, ParentId = p.Parent, ChildId = p.Child })];
    }

    private async Task<bool> TryWriteAsync(CaptureJob job, List<(EpcisEvent Event, string EventId, string Hash)> toStore,
        List<LocationHierarchy> hierarchy, DateTime now, CancellationToken ct)
    {
        // Stored with the job, in the same transaction as the events.
        db.LocationHierarchy.AddRange(hierarchy);
        var entities = toStore.Select(p => ToEntity(job.OwnerId, job.Id, p.Event, p.EventId, p.Hash, now)).ToList();
        job.StoredCount = entities.Count;
        job.Running = false;
        job.Success = true;
        job.FinishedAt = clock.GetUtcNow().UtcDateTime;
        try
        {
            await writer.WriteAsync(db, job, entities, ct);
        }
        catch (DuplicateEventException)
        {
            return false;
        }
        // Public caches (the consumer page of a lot) drop what these events change.
        var named = entities.SelectMany(e => e.Identifiers.Select(i => i.Value)).ToHashSet(StringComparer.Ordinal);
        await IdentifierChanges.NotifyAsync(changeObservers, named, logger, ct);
        return true;
    }

    /// <summary>Records a refused capture so GET /capture/{id} can show why; nothing else is written.</summary>
    public async Task<CaptureOutcome> FailAsync(CaptureJob job, IReadOnlyList<EpcisError> errors, bool isConflict, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        job.Running = false;
        job.Success = false;
        job.StoredCount = 0;
        job.FinishedAt = clock.GetUtcNow().UtcDateTime;
        job.ErrorsJson = JsonSerializer.Serialize(errors.Select(e => new CaptureJobError(e.Path, e.Message)).ToArray(),
            CaptureJson.Default.CaptureJobErrorArray);
        db.CaptureJobs.Add(job);
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        return new CaptureOutcome(job, errors, isConflict);
    }

    internal async Task<Dictionary<string, string>> StoredHashesAsync(Guid ownerId, List<string> eventIds, CancellationToken ct)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var chunk in eventIds.Chunk(500))
        {
            var rows = db.Database.IsNpgsql()
                // One index probe per eventID, whatever the statistics say. The plain "OwnerId = … AND EventId = ANY(…)"
                // goes wrong for an organization that is new since the last ANALYZE: PostgreSQL then expects a handful of
                // rows for the owner and scans all of them through another index (bench/: 27 ms instead of 0.8 ms at
                // 60,000 events). LIMIT keeps the lateral sub-query from being flattened into an ordinary join.
                ? await db.Database.SqlQuery<StoredKey>($"""
                    SELECT x."EventId", x."ContentHash", x."HasErrorDeclaration"
                    FROM unnest({chunk}::text[]) AS k(id)
                    CROSS JOIN LATERAL (
                        SELECT e."EventId", e."ContentHash", e."HasErrorDeclaration" FROM events AS e
                        WHERE e."OwnerId" = {ownerId} AND e."EventId" = k.id LIMIT 2) AS x
                    """).ToListAsync(ct)
                : await db.Events
                    .Where(e => e.OwnerId == ownerId && chunk.Contains(e.EventId))
                    .Select(e => new StoredKey(e.EventId, e.ContentHash, e.HasErrorDeclaration))
                    .ToListAsync(ct);
            foreach (var r in rows)
                result[StorageKey(r.EventId, r.HasErrorDeclaration)] = r.ContentHash;
        }
        return result;
    }

    private sealed record StoredKey(string EventId, string ContentHash, bool HasErrorDeclaration);

    /// <summary>
    /// An error declaration (EPCIS 2.0 §7.4.1.2) repeats the erroneous event — same eventID, same hash, since the hash
    /// leaves errorDeclaration out — and adds the declaration; it is stored beside the original, never over it.
    /// </summary>
    private static string StorageKey(string eventId, EpcisEvent e) => StorageKey(eventId, e.ErrorDeclaration is not null);

    private static string StorageKey(string eventId, bool hasErrorDeclaration) => hasErrorDeclaration ? eventId + "\u0000ed" : eventId;

    /// <summary>The event hash, plus for an error declaration the declaration itself, so a changed declaration is a conflict.</summary>
    private static string ContentFingerprint(EpcisEvent e, string eventHash)
    {
        if (e.ErrorDeclaration is not { } d)
            return eventHash;
        var declaration = string.Join('\n', [d.DeclarationTime.UtcDateTime.ToString("O"), d.Reason ?? "", .. d.CorrectiveEventIds.Order(StringComparer.Ordinal)]);
        return eventHash + ";ed=" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(declaration)))[..16];
    }

    /// <summary>The row of an event as stored: its eventID and recordTime stamped on a copy, the caller's event left as it was.</summary>
    internal static TraceabilityEvent ToEntity(Guid ownerId, Guid captureId, EpcisEvent captured, string eventId, string hash, DateTime recordTime)
    {
        var e = captured.ShallowCopy();
        e.EventId = eventId;
        e.RecordTime = new DateTimeOffset(recordTime, TimeSpan.Zero);
        var entity = new TraceabilityEvent
        {
            OwnerId = ownerId,
            CaptureId = captureId,
            EventId = eventId,
            ContentHash = hash,
            EventType = e.Type,
            EventTime = e.EventTime.UtcDateTime,
            EventTimeZoneOffset = e.EventTimeZoneOffset,
            RecordTime = recordTime,
            Action = e.Action,
            BizStep = e.BizStep,
            Disposition = e.Disposition,
            ReadPoint = e.ReadPoint is null ? null : Identifiers.Canonical(e.ReadPoint),
            BizLocation = e.BizLocation is null ? null : Identifiers.Canonical(e.BizLocation),
            HasErrorDeclaration = e.ErrorDeclaration is not null,
            Json = StoredEventFormat.Serialize(e),
        };
        AddIdentifiers(entity, IdentifierRole.Epc, e.EpcList);
        if (e.ParentId is not null)
            AddIdentifiers(entity, IdentifierRole.ParentId, [e.ParentId]);
        AddIdentifiers(entity, IdentifierRole.InputEpc, e.InputEpcList);
        AddIdentifiers(entity, IdentifierRole.OutputEpc, e.OutputEpcList);
        AddIdentifiers(entity, IdentifierRole.EpcClass, e.QuantityList.Select(q => q.EpcClass));
        AddIdentifiers(entity, IdentifierRole.InputEpcClass, e.InputQuantityList.Select(q => q.EpcClass));
        AddIdentifiers(entity, IdentifierRole.OutputEpcClass, e.OutputQuantityList.Select(q => q.EpcClass));
        foreach (var t in e.BizTransactionList)
            entity.References.Add(new EventReference { Kind = ReferenceKind.BizTransaction, Type = t.Type ?? "", Value = t.Value });
        foreach (var s in e.SourceList)
            entity.References.Add(new EventReference { Kind = ReferenceKind.Source, Type = s.Type, Value = Identifiers.Canonical(s.Value) });
        foreach (var d in e.DestinationList)
            entity.References.Add(new EventReference { Kind = ReferenceKind.Destination, Type = d.Type, Value = Identifiers.Canonical(d.Value) });
        // A reference named twice is one fact (and one row of the natural key).
        entity.References = entity.References.DistinctBy(r => (r.Kind, r.Type, r.Value)).ToList();
        return entity;
    }

    private static void AddIdentifiers(TraceabilityEvent entity, IdentifierRole role, IEnumerable<string> values)
    {
        foreach (var value in values.Select(Identifiers.Canonical).Distinct(StringComparer.Ordinal))
            entity.Identifiers.Add(new EventIdentifier { Role = role, Value = value });
    }
}

public sealed record CaptureJobError(string Path, string Message);

[System.Text.Json.Serialization.JsonSourceGenerationOptions(PropertyNamingPolicy = System.Text.Json.Serialization.JsonKnownNamingPolicy.CamelCase)]
[System.Text.Json.Serialization.JsonSerializable(typeof(CaptureJobError[]))]
internal sealed partial class CaptureJson : System.Text.Json.Serialization.JsonSerializerContext;
