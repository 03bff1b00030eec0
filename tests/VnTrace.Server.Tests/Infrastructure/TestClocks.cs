namespace VnTrace.Server.Tests.Infrastructure;

/// <summary>
/// The test server's clock: the system's time plus an offset that a test moves forward with <see cref="Advance"/>,
/// so "later" needs no <c>Task.Delay</c>. Every test app uses one; it reads as the system clock until advanced.
/// </summary>
public sealed class TestClock : TimeProvider
{
    private long offsetTicks;

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow().AddTicks(Interlocked.Read(ref offsetTicks));

    /// <summary>Moves this clock (never the system's) forward.</summary>
    public void Advance(TimeSpan by)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(by, TimeSpan.Zero);
        Interlocked.Add(ref offsetTicks, by.Ticks);
    }
}

/// <summary>A clock stopped at one instant, for services tested without a server.</summary>
public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now.ToUniversalTime();
}
