using System.Diagnostics.CodeAnalysis;

namespace VnTrace.Gs1.Genealogy;

/// <summary>
/// The event times a trace looks at: <see cref="From"/> inclusive, <see cref="To"/> exclusive, either end open, the
/// same half-open interval as the EPCIS query parameters GE_eventTime and LT_eventTime (EPCIS 2.0 §8.2.7.1).
/// <c>default</c> is the unbounded window.
/// </summary>
public readonly record struct TraceWindow
{
    /// <summary>A window; a window that ends before or when it starts throws <see cref="ArgumentException"/>.</summary>
    public TraceWindow(DateTimeOffset? from, DateTimeOffset? to)
    {
        if (Problem(from, to) is { } problem)
            throw new ArgumentException(problem, nameof(to));
        From = from;
        To = to;
    }

    public static TraceWindow Unbounded => default;

    public DateTimeOffset? From { get; }
    public DateTimeOffset? To { get; }

    /// <summary>The window, or false and a message fit for a 400 answer when it ends before or when it starts.</summary>
    public static bool TryCreate(DateTimeOffset? from, DateTimeOffset? to, out TraceWindow window, [NotNullWhen(false)] out string? error)
    {
        error = Problem(from, to);
        window = error is null ? new TraceWindow(from, to) : default;
        return error is null;
    }

    public bool Contains(DateTimeOffset time) => (From is not { } from || time >= from) && (To is not { } to || time < to);

    private static string? Problem(DateTimeOffset? from, DateTimeOffset? to) =>
        from is { } f && to is { } t && f >= t
            ? $"The time window is reversed or empty: it must end after it starts, but 'from' is {f:O} and 'to' is {t:O}."
            : null;
}
