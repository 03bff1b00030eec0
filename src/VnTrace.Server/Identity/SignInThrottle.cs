using System.Collections.Concurrent;
using System.Net;

namespace VnTrace.Server.Identity;

/// <summary>Settings under VnTrace:SignIn.</summary>
public sealed class SignInOptions
{
    /// <summary>Wrong passwords for one user name from one address before each further try has to wait.</summary>
    public int FreeFailures { get; set; } = 4;
    /// <summary>The first wait; every further failure doubles it, up to <see cref="MaxDelaySeconds"/>.</summary>
    public int BaseDelaySeconds { get; set; } = 15;
    public int MaxDelaySeconds { get; set; } = 900;
    /// <summary>Sign-in and sign-up form posts a client address may make a minute.</summary>
    public int PostsPerMinutePerAddress { get; set; } = 20;
}

/// <summary>
/// Progressive delays per (user name, client address) instead of locking the account: a stranger guessing an
/// officer's password from one address slows down only their own tries, and the officer signs in from theirs. The
/// key does not depend on whether the user exists, so the answer tells nothing about which names are taken.
/// In memory, per process: a restart forgives, which the per-address rate limit (IdentitySetup) bounds.
/// </summary>
public sealed class SignInThrottle(SignInOptions options, TimeProvider clock)
{
    private const int MaxEntries = 100_000;
    private readonly ConcurrentDictionary<(string User, string Address), Failures> failures = new();

    private sealed record Failures(int Count, DateTimeOffset Last);

    /// <summary>How long this user name and address must still wait before the next try; zero when it may try now.</summary>
    public TimeSpan WaitFor(string userName, IPAddress? address)
    {
        if (!failures.TryGetValue(Key(userName, address), out var f))
            return TimeSpan.Zero;
        var wait = f.Last + DelayAfter(f.Count) - clock.GetUtcNow();
        return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
    }

    public void Failed(string userName, IPAddress? address)
    {
        if (failures.Count >= MaxEntries)
            Forget();
        var now = clock.GetUtcNow();
        failures.AddOrUpdate(Key(userName, address), _ => new Failures(1, now), (_, f) => new Failures(f.Count + 1, now));
    }

    public void Succeeded(string userName, IPAddress? address) => failures.TryRemove(Key(userName, address), out _);

    private TimeSpan DelayAfter(int count)
    {
        var beyond = count - Math.Max(0, options.FreeFailures);
        if (beyond <= 0)
            return TimeSpan.Zero;
        var seconds = Math.Max(1, options.BaseDelaySeconds) * Math.Pow(2, Math.Min(beyond - 1, 20));
        return TimeSpan.FromSeconds(Math.Min(seconds, Math.Max(1, options.MaxDelaySeconds)));
    }

    /// <summary>Drops entries whose wait is over, so that a flood of names cannot grow the table without bound.</summary>
    private void Forget()
    {
        var now = clock.GetUtcNow();
        foreach (var (key, f) in failures)
            if (f.Last + DelayAfter(f.Count) + TimeSpan.FromSeconds(Math.Max(1, options.MaxDelaySeconds)) < now)
                failures.TryRemove(key, out _);
        if (failures.Count >= MaxEntries)
            failures.Clear();
    }

    private static (string, string) Key(string userName, IPAddress? address) =>
        (userName.Trim().ToUpperInvariant(), address?.ToString() ?? "");
}
