using System.Threading.RateLimiting;

namespace VnTrace.Server.Labels;

/// <summary>
/// How many label sheets (PDF) are made at once: a sheet of 100,000 labels costs about 50 s of CPU, so a few people
/// printing at the same moment would otherwise starve every other request. Beyond
/// VnTrace:Labels:ConcurrentSheets (default half the processors, at least one) a request waits in a queue of
/// VnTrace:Labels:QueuedSheets (default 4), oldest first; beyond that it is refused at once with Retry-After.
/// </summary>
public sealed class LabelSheetLimiter : IDisposable
{
    /// <summary>What a refused request is told to wait, in seconds: about one large sheet.</summary>
    public const int RetryAfterSeconds = 60;

    private readonly ConcurrencyLimiter limiter;

    public LabelSheetLimiter(IConfiguration configuration) =>
        limiter = new ConcurrencyLimiter(new ConcurrencyLimiterOptions
        {
            PermitLimit = Math.Max(1, configuration.GetValue("VnTrace:Labels:ConcurrentSheets", Environment.ProcessorCount / 2)),
            QueueLimit = Math.Max(0, configuration.GetValue("VnTrace:Labels:QueuedSheets", 4)),
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        });

    /// <summary>A lease to make one sheet; not acquired when the queue is full. Dispose it when the sheet is written.</summary>
    public ValueTask<RateLimitLease> AcquireAsync(CancellationToken ct) => limiter.AcquireAsync(1, ct);

    public void Dispose() => limiter.Dispose();
}
