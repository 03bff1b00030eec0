using VnTrace.Server.Programme.Agencies;

namespace VnTrace.Server.Programme.Plans;

/// <summary>
/// The fixed catalogue of the plan's indicators. A target names one of these codes; its actual is always computed
/// from the records (<see cref="IIndicator"/>), never typed in.
/// </summary>
public static class IndicatorCodes
{
    public const string Articles = "articles";
    public const string Conferences = "conferences";
    public const string AwarenessClasses = "awareness_classes";
    public const string TrainingCourses = "training_courses";
    public const string TraineeAttendances = "trainee_attendances";
    public const string CivilServantAttendances = "civil_servant_attendances";
    /// <summary>Share of approved businesses with at least one attendee at a course, class or conference.</summary>
    public const string BusinessesTrainedPct = "businesses_trained_pct";
    /// <summary>Businesses whose traceability system passed a conformity assessment in the period.</summary>
    public const string BusinessesCertified = "businesses_certified";
    public const string ProductsSupported = "products_supported";
    public const string BusinessesSupported = "businesses_supported";
    /// <summary>Organizations acknowledged by the national portal target (the national connection, issue 16).</summary>
    public const string SystemsConnectedNational = "systems_connected_national";
    public const string HighRiskProductsTracedPct = "high_risk_products_traced_pct";
    /// <summary>Share of approved businesses that captured events through the EPCIS API or imported EPCIS files.</summary>
    public const string BusinessesInteroperablePct = "businesses_interoperable_pct";

    public static readonly string[] All =
    [
        Articles, Conferences, AwarenessClasses, TrainingCourses, TraineeAttendances, CivilServantAttendances,
        BusinessesTrainedPct, BusinessesCertified, ProductsSupported, BusinessesSupported, SystemsConnectedNational,
        HighRiskProductsTracedPct, BusinessesInteroperablePct,
    ];

    public static bool IsKnown(string? code) => code is not null && All.Contains(code);

    /// <summary>Percent indicators have targets and actuals in 0–100; the others are counts.</summary>
    public static bool IsPercent(string code) => code.EndsWith("_pct", StringComparison.Ordinal);
}

/// <summary>
/// The days an indicator counts: [<see cref="From"/>, <see cref="To"/>) as Vietnam calendar dates. Records dated
/// by an instant count on the Vietnam date it falls on (<c>VietnamTime.DateOf</c>).
/// </summary>
public sealed record IndicatorPeriod(DateOnly From, DateOnly To)
{
    public static IndicatorPeriod Year(int year) => new(new DateOnly(year, 1, 1), new DateOnly(year + 1, 1, 1));

    public bool Contains(DateOnly day) => day >= From && day < To;

    /// <summary>The start of the period as a UTC instant, for comparing stored UTC times.</summary>
    public DateTime FromUtc => Platform.Text.VietnamTime.StartOfDay(From).UtcDateTime;

    /// <summary>The end of the period (exclusive) as a UTC instant.</summary>
    public DateTime ToUtc => Platform.Text.VietnamTime.StartOfDay(To).UtcDateTime;
}

/// <summary>An indicator's actual. A percent also gives what it is the share of, so the figure can be checked.</summary>
public sealed record IndicatorValue(decimal Actual, int? Numerator = null, int? Denominator = null)
{
    public static IndicatorValue Count(int count) => new(count);

    /// <summary>numerator / denominator × 100, rounded to one decimal; 0 when there is nothing to divide by.</summary>
    public static IndicatorValue Percent(int numerator, int denominator) =>
        new(denominator == 0 ? 0 : Math.Round(100m * numerator / denominator, 1, MidpointRounding.AwayFromZero), numerator, denominator);
}

/// <summary>One record behind an actual (the drill-down): what it is, its title, its date and the page that shows it.</summary>
public sealed record IndicatorRecord(string Kind, Guid Id, string Title, DateOnly? Date, string? Href);

/// <summary>
/// Computes one indicator of the catalogue from the records, within an officer's scope (a department counts its
/// sectors' businesses, a commune its commune's). Each feature registers the indicators its records make
/// (<c>AddScoped&lt;IIndicator, …&gt;</c>); exactly one per code.
/// </summary>
public interface IIndicator
{
    /// <summary>One of <see cref="IndicatorCodes.All"/>.</summary>
    string Code { get; }

    Task<IndicatorValue> ComputeAsync(IndicatorPeriod period, OfficerScope scope, CancellationToken ct);

    /// <summary>The records that count toward <see cref="ComputeAsync"/>'s actual (for a percent: its numerator).</summary>
    Task<IReadOnlyList<IndicatorRecord>> RecordsAsync(IndicatorPeriod period, OfficerScope scope, CancellationToken ct);
}
