using System.Globalization;
using VnTrace.Server.Platform.Text;
using VnTrace.Server.Tests.Infrastructure;

namespace VnTrace.Server.Tests.Platform.Text;

/// <summary>Vietnam is UTC+07:00 all year: its day starts at 17:00 UTC the day before.</summary>
public sealed class VietnamTimeTests
{
    private static DateTimeOffset Instant(string iso) => DateTimeOffset.Parse(iso, CultureInfo.InvariantCulture);

    private static DateOnly Day(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Theory]
    // 16:59:59 UTC is 23:59:59 in Vietnam, still the 25th; 17:00 UTC is midnight, the 26th.
    [InlineData("2026-11-25T16:59:59Z", "2026-11-25")]
    [InlineData("2026-11-25T17:00:00Z", "2026-11-26")]
    [InlineData("2026-11-25T17:30:00Z", "2026-11-26")]
    [InlineData("2026-11-24T17:00:00Z", "2026-11-25")]
    [InlineData("2026-12-31T17:00:00Z", "2027-01-01")]
    // An instant written with another offset is the same instant: 08:00 in Paris (+01:00) is 14:00 in Vietnam.
    [InlineData("2026-11-25T08:00:00+01:00", "2026-11-25")]
    [InlineData("2026-11-25T23:30:00+01:00", "2026-11-26")]
    public void An_instant_falls_on_its_Vietnam_calendar_date(string instant, string expected)
    {
        Assert.Equal(Day(expected), VietnamTime.DateOf(Instant(instant)));
        Assert.Equal(Day(expected), VietnamTime.DateOf(Instant(instant).UtcDateTime));
        Assert.Equal(Day(expected), VietnamTime.Today(new FixedClock(Instant(instant))));
    }

    [Fact]
    public void A_stored_time_is_read_as_UTC_whatever_its_kind()
    {
        // EF returns stored times as Unspecified on SQLite and Utc on PostgreSQL: both are UTC.
        var unspecified = new DateTime(2026, 11, 25, 17, 30, 0, DateTimeKind.Unspecified);
        var utc = DateTime.SpecifyKind(unspecified, DateTimeKind.Utc);
        Assert.Equal(new DateTime(2026, 11, 26, 0, 30, 0), VietnamTime.ToVietnam(unspecified));
        Assert.Equal(new DateTime(2026, 11, 26, 0, 30, 0), VietnamTime.ToVietnam(utc));
        Assert.Equal(Day("2026-11-26"), VietnamTime.DateOf(unspecified));
    }

    [Fact]
    public void A_Vietnam_day_runs_from_17_00_UTC_the_day_before_to_17_00_UTC_that_day()
    {
        var day = Day("2026-11-26");
        var start = VietnamTime.StartOfDay(day);
        var end = VietnamTime.EndOfDay(day);
        Assert.Equal(Instant("2026-11-25T17:00:00Z"), start);
        Assert.Equal(VietnamTime.Offset, start.Offset);
        Assert.Equal(Instant("2026-11-26T17:00:00Z"), end);
        Assert.Equal(VietnamTime.StartOfDay(day.AddDays(1)), end);
        // The day is [start, end): its first and last instants fall on it, the end falls on the next day.
        Assert.Equal(day, VietnamTime.DateOf(start));
        Assert.Equal(day, VietnamTime.DateOf(end.AddTicks(-1)));
        Assert.Equal(day.AddDays(1), VietnamTime.DateOf(end));
    }

    [Fact]
    public void A_wall_clock_time_typed_in_Vietnam_is_the_instant_seven_hours_earlier_in_UTC()
    {
        var typed = new DateTime(2026, 11, 26, 0, 30, 0, DateTimeKind.Local);
        var instant = VietnamTime.FromLocal(typed);
        Assert.Equal(Instant("2026-11-25T17:30:00Z"), instant);
        Assert.Equal("+07:00", instant.ToString("zzz", CultureInfo.InvariantCulture));
        Assert.Equal(VietnamTime.OffsetText, instant.ToString("zzz", CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Now_to_the_minute_is_Vietnam_wall_clock_time_without_seconds()
    {
        var clock = new FixedClock(Instant("2026-11-25T17:30:42.123Z"));
        Assert.Equal(new DateTime(2026, 11, 26, 0, 30, 42, 123), VietnamTime.Now(clock));
        Assert.Equal(new DateTime(2026, 11, 26, 0, 30, 0), VietnamTime.NowToTheMinute(clock));
    }

    [Fact]
    public void Times_are_shown_in_Vietnam_in_day_month_year_order()
    {
        var instant = Instant("2026-11-25T17:30:00Z");
        Assert.Equal("26/11/2026 00:30", VietnamTime.Format(instant));
        Assert.Equal("26/11/2026 00:30", VietnamTime.Format(instant.UtcDateTime));
        Assert.Equal("26/11/2026 00:30 (UTC+07:00)", VietnamTime.Display(instant));
        Assert.Equal("26/11/2026 00:30 (UTC+07:00)", VietnamTime.Display(DateTime.SpecifyKind(instant.UtcDateTime, DateTimeKind.Unspecified)));
        Assert.Equal("2026-11-26T00:30", VietnamTime.ForInput(VietnamTime.ToVietnam(instant.UtcDateTime)));
    }

    [Fact]
    public void Formatting_does_not_depend_on_the_current_culture()
    {
        var before = CultureInfo.CurrentCulture;
        try
        {
            // German writes dates with ".", as "dd/MM" would come out under it if the culture were used.
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
            Assert.Equal("26/11/2026 00:30", VietnamTime.Format(Instant("2026-11-25T17:30:00Z")));
        }
        finally
        {
            CultureInfo.CurrentCulture = before;
        }
    }
}
