namespace VnTrace.Server.Capture;

/// <summary>Capture limits, advertised by OPTIONS /capture (GS1-EPCIS-Capture-Limit, GS1-EPCIS-Capture-File-Size-Limit).</summary>
public sealed class CaptureOptions
{
    /// <summary>Largest request body accepted by /capture and /events, in bytes (VnTrace__Capture__MaxBodyBytes).</summary>
    public long MaxBodyBytes { get; set; } = 16 * 1024 * 1024;

    /// <summary>Most events one document may hold (VnTrace__Capture__MaxEvents).</summary>
    public int MaxEvents { get; set; } = 10_000;
}
