using System.Globalization;

namespace VnTrace.Server.Platform.Text;

/// <summary>
/// Vietnam's clock and calendar: diary times typed as Vietnam wall-clock time, "today" for certificate and expiry
/// checks, dates of scans, times shown to people. Vietnam (Asia/Ho_Chi_Minh) keeps UTC+07:00 all year, with no
/// daylight saving since 1975, so a fixed offset is exact and no time-zone database is needed; an event recorded here
/// has eventTimeZoneOffset "+07:00" (EPCIS 2.0 §7.4.1: the offset in force where the event happened).
/// </summary>
/// <remarks>
/// This is the server's, not the GS1 library's: GS1 dates (AI 11, 15, 17 as YYMMDD) carry no time zone, and EPCIS
/// times carry their own offset. Only the platform's choice to show and count in Vietnam's time lives here.
/// </remarks>
public static class VietnamTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(7);
    public const string OffsetText = "+07:00";

    /// <summary>The format of an HTML datetime-local input.</summary>
    public const string InputFormat = "yyyy-MM-ddTHH:mm";

    /// <summary>"25/11/2026 08:30": Vietnamese date order, 24-hour clock.</summary>
    private const string DisplayFormat = "dd/MM/yyyy HH:mm";

    /// <summary>A wall-clock time typed in Vietnam, as the instant it names (whatever <see cref="DateTime.Kind"/> it has).</summary>
    public static DateTimeOffset FromLocal(DateTime local) =>
        new(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), Offset);

    public static DateTime Now(TimeProvider clock) => clock.GetUtcNow().ToOffset(Offset).DateTime;

    /// <summary>Now, seconds dropped: what a form's time field starts with.</summary>
    public static DateTime NowToTheMinute(TimeProvider clock)
    {
        var now = Now(clock);
        return now.AddTicks(-(now.Ticks % TimeSpan.TicksPerMinute));
    }

    /// <summary>The same instant, written with Vietnam's offset.</summary>
    public static DateTimeOffset ToVietnam(DateTimeOffset time) => time.ToOffset(Offset);

    /// <summary>The Vietnam wall-clock time of a UTC time as the database returns it (its Kind is ignored: stored times are UTC).</summary>
    public static DateTime ToVietnam(DateTime utc) => ToVietnam(AsUtc(utc)).DateTime;

    /// <summary>Today's date in Vietnam: from 17:00 UTC on, it is already tomorrow there.</summary>
    public static DateOnly Today(TimeProvider clock) => DateOf(clock.GetUtcNow());

    /// <summary>The Vietnam calendar date an instant falls on.</summary>
    public static DateOnly DateOf(DateTimeOffset instant) => DateOnly.FromDateTime(ToVietnam(instant).DateTime);

    /// <summary>The Vietnam calendar date a stored UTC time falls on.</summary>
    public static DateOnly DateOf(DateTime utc) => DateOf(AsUtc(utc));

    /// <summary>Midnight at the start of a Vietnam day (17:00 UTC the day before), written with Vietnam's offset.</summary>
    public static DateTimeOffset StartOfDay(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), Offset);

    /// <summary>The end of a Vietnam day, exclusive: the start of the next one. A day is [StartOfDay, EndOfDay).</summary>
    public static DateTimeOffset EndOfDay(DateOnly day) => StartOfDay(day.AddDays(1));

    /// <summary>"25/11/2026 08:30" in Vietnam's time, for tables where the offset goes without saying.</summary>
    public static string Format(DateTimeOffset time) => ToVietnam(time).ToString(DisplayFormat, CultureInfo.InvariantCulture);

    /// <summary>"25/11/2026 08:30" in Vietnam's time, from a stored UTC time.</summary>
    public static string Format(DateTime utc) => Format(AsUtc(utc));

    /// <summary>"25/11/2026 08:30 (UTC+07:00)": Vietnamese date order, the offset said plainly.</summary>
    public static string Display(DateTimeOffset time) => Format(time) + " (UTC" + OffsetText + ")";

    public static string Display(DateTime utc) => Display(AsUtc(utc));

    public static string ForInput(DateTime local) => local.ToString(InputFormat, CultureInfo.InvariantCulture);

    private static DateTimeOffset AsUtc(DateTime utc) => new(DateTime.SpecifyKind(utc, DateTimeKind.Utc));
}
