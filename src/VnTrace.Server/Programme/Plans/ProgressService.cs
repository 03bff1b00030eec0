using VnTrace.Server.Platform.Text;
using VnTrace.Server.Programme.Agencies;

namespace VnTrace.Server.Programme.Plans;

/// <summary>Whether an actual keeps up with a straight line from nothing on 1 January to the target on 31 December.</summary>
public enum Pace
{
    /// <summary>The year has not begun.</summary>
    NotStarted,
    OnTrack,
    Behind,
    /// <summary>The target is reached.</summary>
    Reached,
}

/// <summary>
/// One indicator's progress in a year: the target, the computed actual, the share of the target reached, and where
/// a linear pace through the year says it should be by today (<see cref="Expected"/>).
/// </summary>
public sealed record IndicatorProgress(string Indicator, bool IsPercent, decimal Target, decimal Actual, decimal? Percent,
    decimal Expected, Pace Pace, int? Numerator, int? Denominator);

/// <summary>
/// Computes a plan's progress from the records, at the moment it is asked: nothing here is stored, so a class
/// recorded a second ago is in the figure. Each target's indicator comes from the one <see cref="IIndicator"/>
/// registered for its code, within the asking officer's scope.
/// </summary>
public sealed class ProgressService(IEnumerable<IIndicator> indicators, TimeProvider clock)
{
    private readonly Dictionary<string, IIndicator> byCode = indicators.ToDictionary(i => i.Code, StringComparer.Ordinal);

    /// <summary>Whether an indicator of the catalogue can be computed on this installation.</summary>
    public bool Knows(string code) => byCode.ContainsKey(code);

    /// <summary>The progress of every target of <paramref name="year"/>, in catalogue order.</summary>
    public async Task<IReadOnlyList<IndicatorProgress>> ForYearAsync(ProgrammePlan plan, int year, OfficerScope scope, CancellationToken ct)
    {
        var period = IndicatorPeriod.Year(year);
        var fraction = YearFraction(year);
        var rows = new List<IndicatorProgress>();
        foreach (var target in plan.Targets.Where(t => t.Year == year).OrderBy(t => Array.IndexOf(IndicatorCodes.All, t.Indicator)))
        {
            if (!byCode.TryGetValue(target.Indicator, out var indicator))
                continue;
            var value = await indicator.ComputeAsync(period, scope, ct);
            rows.Add(Progress(target.Indicator, target.Target, value, fraction));
        }
        return rows;
    }

    /// <summary>The records behind one indicator's actual in a year (the drill-down); null for an unknown code.</summary>
    public async Task<IReadOnlyList<IndicatorRecord>?> RecordsAsync(string code, int year, OfficerScope scope, CancellationToken ct) =>
        byCode.TryGetValue(code, out var indicator) ? await indicator.RecordsAsync(IndicatorPeriod.Year(year), scope, ct) : null;

    internal static IndicatorProgress Progress(string code, decimal target, IndicatorValue value, decimal fraction)
    {
        var expected = Math.Round(target * fraction, 1, MidpointRounding.AwayFromZero);
        var pace = fraction == 0 ? Pace.NotStarted
            : value.Actual >= target ? Pace.Reached
            : value.Actual >= expected ? Pace.OnTrack
            : Pace.Behind;
        decimal? percent = target == 0 ? null : Math.Round(100m * value.Actual / target, 1, MidpointRounding.AwayFromZero);
        return new IndicatorProgress(code, IndicatorCodes.IsPercent(code), target, value.Actual, percent, expected, pace, value.Numerator, value.Denominator);
    }

    /// <summary>How much of <paramref name="year"/> has gone by in Vietnam, today included: 0 before it, 1 after it.</summary>
    public decimal YearFraction(int year)
    {
        var today = VietnamTime.Today(clock);
        if (today.Year < year)
            return 0;
        if (today.Year > year)
            return 1;
        var days = DateTime.IsLeapYear(year) ? 366 : 365;
        return (decimal)today.DayOfYear / days;
    }
}
