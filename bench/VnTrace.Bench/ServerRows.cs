using VnTrace.Gs1.Epcis;
using VnTrace.Gs1.Epcis.Hashing;
using VnTrace.Gs1.Epcis.Json;
using VnTrace.Server.Capture;
using VnTrace.Server.Platform.Events;

namespace VnTrace.Bench;

/// <summary>
/// The rows the server stores for a document, made by the server's own code: the library's reader, the CBV event
/// hash, and <c>CaptureService.ToEntity</c> (internal, visible to the benchmark: a copy would drift from what the
/// server writes).
/// </summary>
public static class ServerRows
{
    /// <summary>The server's mapping of one event to its rows (events, event_identifiers, event_references).</summary>
    public static TraceabilityEvent ToEntity(Guid owner, Guid captureId, EpcisEvent e, string eventId, string hash, DateTime recordTime) =>
        CaptureService.ToEntity(owner, captureId, e, eventId, hash, recordTime);

    /// <summary>Parses a document as POST /capture does and maps every event as CaptureService does for a new event.</summary>
    public static (List<TraceabilityEvent> Events, CaptureJob Job) FromDocument(byte[] body, Guid owner, DateTime recordTime) =>
        FromDocument(body, owner, recordTime, out _);

    /// <param name="firstEpc">The first EPC of the first event as the document wrote it, a sample for queries.</param>
    public static (List<TraceabilityEvent> Events, CaptureJob Job) FromDocument(byte[] body, Guid owner, DateTime recordTime, out string? firstEpc)
    {
        var read = EpcisJsonReader.ReadDocument(body);
        if (!read.Success)
            throw new InvalidOperationException("A generated document is invalid: " + string.Join("; ", read.Errors.Take(5)));
        var job = new CaptureJob
        {
            OwnerId = owner,
            CreatedAt = recordTime,
            FinishedAt = recordTime,
            Running = false,
            Success = true,
            EventCount = read.Document!.Events.Count,
            StoredCount = read.Document.Events.Count,
        };
        firstEpc = read.Document.Events.FirstOrDefault()?.EpcList.FirstOrDefault();
        var rows = new List<TraceabilityEvent>(read.Document.Events.Count);
        foreach (var e in read.Document.Events)
        {
            if (e.ErrorDeclaration is not null)
                throw new InvalidOperationException("The generator writes no error declarations; their content fingerprint differs from the hash.");
            // CaptureService: the hash identifies an event without eventID, and is its content fingerprint.
            var hash = EventHash.Compute(e);
            rows.Add(ToEntity(owner, job.Id, e, string.IsNullOrEmpty(e.EventId) ? hash : e.EventId, hash, recordTime));
        }
        return (rows, job);
    }
}
