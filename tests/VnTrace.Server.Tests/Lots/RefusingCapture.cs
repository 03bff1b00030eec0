using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using VnTrace.Server.Capture;
using VnTrace.Server.Lots;
using VnTrace.Server.Lots.Diary;
using VnTrace.Server.Platform.Audit;
using VnTrace.Server.Platform.Data;
using VnTrace.Server.Platform.Events;

namespace VnTrace.Server.Tests.Lots;

/// <summary>
/// The diary on the capture path as the API has it, with a writer that loses the race for the eventID at the last
/// moment: what an entry staged must not be saved when its capture is refused.
/// </summary>
public static class RefusingCapture
{
    public static DiaryService Diary(IServiceProvider services)
    {
        var db = services.GetRequiredService<VnTraceDbContext>();
        var clock = services.GetRequiredService<TimeProvider>();
        var t = services.GetRequiredService<IStringLocalizer<LotText>>();
        var capture = new CaptureService(db, new RefusingWriter(), clock, NullLogger<CaptureService>.Instance);
        var checks = new DiaryChecks(clock, t);
        var store = new DiaryStore(db, capture, checks, clock, t, NullLogger<DiaryStore>.Instance);
        return new DiaryService(db, store, checks, services.GetRequiredService<AuditTrail>(), clock, t);
    }

    private sealed class RefusingWriter : IEventWriter
    {
        public Task WriteAsync(VnTraceDbContext db, CaptureJob job, IReadOnlyList<TraceabilityEvent> events, CancellationToken ct) =>
            throw new DuplicateEventException(new InvalidOperationException("taken"));
    }
}
