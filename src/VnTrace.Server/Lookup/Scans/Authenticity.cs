using Microsoft.EntityFrameworkCore;
using VnTrace.Gs1.Identifiers;
using VnTrace.Server.Platform.Data;

namespace VnTrace.Server.Lookup.Scans;

public enum VerdictKind
{
    /// <summary>No approved business on VnTrace has this product or code.</summary>
    Unknown,
    /// <summary>The product, lot or place is registered: a genuine code (lot codes are shared by many packages, so no count).</summary>
    Genuine,
    /// <summary>The product is registered but no lot with this number was recorded.</summary>
    LotNotRecorded,
    /// <summary>A serialised code scanned for the first time.</summary>
    FirstScan,
    /// <summary>A serialised code scanned before, <see cref="Verdict.PreviousScans"/> times.</summary>
    ScannedBefore,
    /// <summary>The product is registered but this serial was never issued on a label nor named by an event: likely a fake.</summary>
    NeverIssued,
    /// <summary>The serial's scans break the copied-label rule (<see cref="AuthenticityOptions"/>).</summary>
    Suspicious,
    /// <summary>The authority suspended the code's business: nothing is vouched for until it is restored.</summary>
    Suspended,
}

public sealed record Verdict(VerdictKind Kind, int PreviousScans = 0, int ScansInWindow = 0, int PlacesInWindow = 0);

/// <summary>
/// The authenticity verdict of a scan (docs/lookup.md, "Authenticity"). For a serialised code it counts the code's
/// earlier viewers and applies the copied-label rule over <see cref="AuthenticityOptions.WindowHours"/>. A viewer is
/// an address (<see cref="Scan.AddressHash"/>, keyed anew each day): whatever User-Agents one address sends, it adds
/// at most one viewer a day and one place, so a script on one address cannot brand a genuine serial as copied. Scans
/// without an address hash (older rows, or no known address) count as before: one browser looking again within
/// <see cref="AuthenticityOptions.RepeatMinutes"/> is one view.
/// </summary>
public sealed class Authenticity(VnTraceDbContext db, LookupOptions options)
{
    /// <summary>At most this many earlier scans are read for a verdict; a label scanned more is suspicious anyway.</summary>
    private const int MaxScansRead = 1000;

    /// <summary>The verdict of a page that is the same for every view (product, lot, place): it can be cached.</summary>
    public static Verdict Of(ConsumerView view) =>
        view.Suspended ? new Verdict(VerdictKind.Suspended)
        : !view.Known ? new Verdict(VerdictKind.Unknown)
        : view.Subject == LookupSubject.Lot && view.Lot?.Recorded != true ? new Verdict(VerdictKind.LotNotRecorded)
        : new Verdict(VerdictKind.Genuine);

    public async Task<Verdict> OfUnitAsync(ConsumerView view, DateTime scannedAt, string userAgentHash, string? addressHash, CancellationToken ct)
    {
        if (view.Suspended)
            return new Verdict(VerdictKind.Suspended);
        if (view.Product is null && !view.Known)
            return new Verdict(VerdictKind.Unknown);
        if (!view.SerialKnown)
            return new Verdict(view.Product is null ? VerdictKind.Unknown : VerdictKind.NeverIssued);

        // A unit is scanned under either of its Digital Links: with or without its lot.
        var ids = new List<string> { UnitId(view.Gtin!, null, view.Serial!) };
        if (view.LotNumber is { } lot)
            ids.Add(UnitId(view.Gtin!, lot, view.Serial!));
        var earlier = await db.Scans.IgnoreTenantFilter("the copied-label rule counts every consumer's scans of the code").Where(s => ids.Contains(s.Identifier) && s.ScannedAt < scannedAt)
            .OrderByDescending(s => s.ScannedAt).Take(MaxScansRead)
            .Select(s => new EarlierScan(s.ScannedAt, s.UserAgentHash, s.AddressHash, s.Latitude, s.Longitude))
            .ToListAsync(ct);

        var rule = options.Authenticity;
        var repeat = TimeSpan.FromMinutes(Math.Max(1, rule.RepeatMinutes));
        // This viewer's own views are the same person looking again, not someone else: the same address today, or
        // this browser a moment ago (from another network, or from before addresses were kept).
        var others = earlier.Where(s => !(addressHash is not null && s.AddressHash == addressHash)
            && !(s.UserAgentHash == userAgentHash && scannedAt - s.ScannedAt < repeat)).ToList();
        var views = others.Select(s => Viewer(s, repeat)).Distinct().Count();

        var windowStart = scannedAt.AddHours(-rule.WindowHours);
        var inWindow = others.Where(s => s.ScannedAt >= windowStart).ToList();
        var viewsInWindow = inWindow.Select(s => Viewer(s, repeat)).Distinct().Count() + 1;
        // One place per viewer (its latest shared position): one address posting positions from everywhere is one place.
        var places = inWindow.Where(s => s.Latitude is not null && s.Longitude is not null)
            .DistinctBy(s => Viewer(s, repeat))
            .Select(s => Cell(s.Latitude!.Value, s.Longitude!.Value, rule.PlaceCellDegrees)).Distinct().Count();

        if (viewsInWindow > rule.MaxScansInWindow || places > rule.MaxPlacesInWindow)
            return new Verdict(VerdictKind.Suspicious, views, viewsInWindow, places);
        return new Verdict(views == 0 ? VerdictKind.FirstScan : VerdictKind.ScannedBefore, views, viewsInWindow, places);
    }

    private sealed record EarlierScan(DateTime ScannedAt, string UserAgentHash, string? AddressHash, double? Latitude, double? Longitude);

    /// <summary>Who an earlier scan counts as: its address of that day, or (no address kept) its browser in its half-hour.</summary>
    private static (string, long) Viewer(EarlierScan s, TimeSpan repeat) =>
        s.AddressHash is { } address ? (address, -1) : (s.UserAgentHash, s.ScannedAt.Ticks / repeat.Ticks);

    private static (long, long) Cell(double latitude, double longitude, double degrees)
    {
        var size = degrees > 0 ? degrees : 0.1;
        return ((long)Math.Floor(latitude / size), (long)Math.Floor(longitude / size));
    }

    private static string UnitId(string gtin, string? lot, string serial) => new DigitalLink
    {
        PrimaryKey = new("01", gtin),
        Qualifiers = lot is null ? [new("21", serial)] : [new("10", lot), new("21", serial)],
    }.ToCanonicalUri();
}
