using System.Globalization;

namespace VnTrace.Server.Lots;

/// <summary>
/// Diary times are typed as Vietnam wall-clock time. Vietnam keeps UTC+07:00 all year (no daylight saving), so the
/// event's eventTimeZoneOffset is always "+07:00" (EPCIS 2.0 §7.4.1: the offset in force where the event happened).
/// </summary>
public static class VietnamTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(7);
    public const string OffsetText = "+07:00";

    /// <summary>The format of an HTML datetime-local input.</summary>
    public const string InputFormat = "yyyy-MM-ddTHH:mm";

    public static DateTimeOffset FromLocal(DateTime local) =>
        new(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), Offset);

    public static DateTime Now(TimeProvider clock) => clock.GetUtcNow().ToOffset(Offset).DateTime;

    /// <summary>Now, seconds dropped: what a form's time field starts with.</summary>
    public static DateTime NowToTheMinute(TimeProvider clock)
    {
        var now = Now(clock);
        return now.AddTicks(-(now.Ticks % TimeSpan.TicksPerMinute));
    }

    public static DateTimeOffset ToVietnam(DateTimeOffset time) => time.ToOffset(Offset);

    /// <summary>"25/11/2026 08:30 (UTC+07:00)": Vietnamese date order, the offset said plainly.</summary>
    public static string Display(DateTimeOffset time) =>
        time.ToOffset(Offset).ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture) + " (UTC" + OffsetText + ")";

    public static string Display(DateTime utc) => Display(new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)));

    public static string ForInput(DateTime local) => local.ToString(InputFormat, CultureInfo.InvariantCulture);
}
