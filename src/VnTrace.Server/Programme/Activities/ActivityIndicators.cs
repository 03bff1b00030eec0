using Microsoft.EntityFrameworkCore;
using VnTrace.Server.Organizations;
using VnTrace.Server.Platform.Data;
using VnTrace.Server.Programme.Agencies;
using VnTrace.Server.Programme.Plans;

namespace VnTrace.Server.Programme.Activities;

/// <summary>
/// The plan's activity indicators, counted from the recorded activities when asked (never stored), so a new
/// activity moves them at once. Outside the DoST an officer counts the activities in its scope
/// (<see cref="ActivityService.InScope"/>) and, for attendances, its agency's registers and its businesses' attendees.
/// </summary>
public sealed class ActivityIndicators(VnTraceDbContext db, ActivityService activities)
{
    /// <summary>The kinds whose attendees are trainees (a conference's audience is not).</summary>
    public static readonly ActivityKind[] TrainingKinds = [ActivityKind.TrainingCourse, ActivityKind.AwarenessClass];

    /// <summary>The kinds at which a business counts as trained (<c>businesses_trained_pct</c>).</summary>
    public static readonly ActivityKind[] ReachKinds = [ActivityKind.TrainingCourse, ActivityKind.AwarenessClass, ActivityKind.Conference];

    public IQueryable<ProgrammeActivity> Activities(IndicatorPeriod period, OfficerScope scope, params ActivityKind[] kinds) =>
        activities.InScope(db.ProgrammeActivities, scope).Where(a => a.Date >= period.From && a.Date < period.To && kinds.Contains(a.Kind));

    public IQueryable<ActivityAttendee> Attendances(IndicatorPeriod period, OfficerScope scope, bool civilServantsOnly)
    {
        var kinds = TrainingKinds;
        var inPeriod = db.ProgrammeActivities.Where(a => a.Date >= period.From && a.Date < period.To && kinds.Contains(a.Kind));
        var rows = db.ActivityAttendees.Where(t => inPeriod.Any(a => a.Id == t.ActivityId));
        if (civilServantsOnly)
            rows = rows.Where(t => t.CivilServant);
        if (scope.IsProvince)
            return rows;
        var agencyId = scope.AgencyId;
        var organizations = scope.Organizations(db.Organizations).Select(o => (Guid?)o.Id);
        return rows.Where(t => db.ProgrammeActivities.Any(a => a.Id == t.ActivityId && a.AgencyId == agencyId) || organizations.Contains(t.OrganizationId));
    }

    /// <summary>The approved businesses in scope (the denominator of <c>businesses_trained_pct</c>).</summary>
    public IQueryable<Organization> Businesses(OfficerScope scope) =>
        scope.Organizations(db.Organizations).Where(o => o.Status == OrganizationStatus.Approved);

    /// <summary>Of <see cref="Businesses"/>, those with at least one attendee at a course, class or conference in the period.</summary>
    public IQueryable<Organization> TrainedBusinesses(IndicatorPeriod period, OfficerScope scope)
    {
        var kinds = ReachKinds;
        var inPeriod = db.ProgrammeActivities.Where(a => a.Date >= period.From && a.Date < period.To && kinds.Contains(a.Kind));
        return Businesses(scope).Where(o => db.ActivityAttendees.Any(t => t.OrganizationId == o.Id && inPeriod.Any(a => a.Id == t.ActivityId)));
    }

    public async Task<IReadOnlyList<IndicatorRecord>> ActivityRecordsAsync(IQueryable<ProgrammeActivity> query, CancellationToken ct) =>
        [.. (await query.OrderBy(a => a.Date).ThenBy(a => a.Title).Select(a => new { a.Id, a.Title, a.Date }).ToListAsync(ct))
            .Select(a => new IndicatorRecord("activity", a.Id, a.Title, a.Date, Href(a.Id)))];

    public static string Href(Guid activityId) => "/authority/activities/" + activityId;
}

/// <summary>A count of one kind of activity in the period: <c>articles</c>, <c>conferences</c>, <c>awareness_classes</c>, <c>training_courses</c>.</summary>
public sealed class ActivityCountIndicator(string code, ActivityKind kind, ActivityIndicators indicators) : IIndicator
{
    public string Code => code;

    public async Task<IndicatorValue> ComputeAsync(IndicatorPeriod period, OfficerScope scope, CancellationToken ct) =>
        IndicatorValue.Count(await indicators.Activities(period, scope, kind).CountAsync(ct));

    public Task<IReadOnlyList<IndicatorRecord>> RecordsAsync(IndicatorPeriod period, OfficerScope scope, CancellationToken ct) =>
        indicators.ActivityRecordsAsync(indicators.Activities(period, scope, kind), ct);
}

/// <summary>Attendee rows of courses and classes in the period (<c>trainee_attendances</c>), or only civil servants' (<c>civil_servant_attendances</c>).</summary>
public sealed class AttendanceIndicator(string code, bool civilServantsOnly, ActivityIndicators indicators, VnTraceDbContext db) : IIndicator
{
    public string Code => code;

    public async Task<IndicatorValue> ComputeAsync(IndicatorPeriod period, OfficerScope scope, CancellationToken ct) =>
        IndicatorValue.Count(await indicators.Attendances(period, scope, civilServantsOnly).CountAsync(ct));

    public async Task<IReadOnlyList<IndicatorRecord>> RecordsAsync(IndicatorPeriod period, OfficerScope scope, CancellationToken ct)
    {
        var rows = await indicators.Attendances(period, scope, civilServantsOnly)
            .Join(db.ProgrammeActivities, t => t.ActivityId, a => a.Id, (t, a) => new { t.Id, t.Name, t.Position, a.Title, a.Date, ActivityId = a.Id })
            .OrderBy(r => r.Date).ThenBy(r => r.Title).ThenBy(r => r.Position)
            .ToListAsync(ct);
        return [.. rows.Select(r => new IndicatorRecord("attendee", r.Id, $"{r.Name} — {r.Title}", r.Date, ActivityIndicators.Href(r.ActivityId)))];
    }
}

/// <summary><c>businesses_trained_pct</c>: approved businesses in scope with at least one attendee at a course, class or conference.</summary>
public sealed class BusinessesTrainedIndicator(ActivityIndicators indicators, VnTraceDbContext db) : IIndicator
{
    public string Code => IndicatorCodes.BusinessesTrainedPct;

    public async Task<IndicatorValue> ComputeAsync(IndicatorPeriod period, OfficerScope scope, CancellationToken ct)
    {
        var trained = await indicators.TrainedBusinesses(period, scope).CountAsync(ct);
        var all = await indicators.Businesses(scope).CountAsync(ct);
        return IndicatorValue.Percent(trained, all);
    }

    public async Task<IReadOnlyList<IndicatorRecord>> RecordsAsync(IndicatorPeriod period, OfficerScope scope, CancellationToken ct)
    {
        var kinds = ActivityIndicators.ReachKinds;
        var rows = await indicators.TrainedBusinesses(period, scope)
            .Select(o => new
            {
                o.Id,
                o.Name,
                First = db.ActivityAttendees.Where(t => t.OrganizationId == o.Id)
                    .Join(db.ProgrammeActivities, t => t.ActivityId, a => a.Id, (t, a) => a)
                    .Where(a => a.Date >= period.From && a.Date < period.To && kinds.Contains(a.Kind))
                    .OrderBy(a => a.Date).Select(a => new { a.Id, a.Date }).FirstOrDefault(),
            })
            .ToListAsync(ct);
        return [.. rows.OrderBy(r => r.Name).Select(r => new IndicatorRecord("organization", r.Id, r.Name, r.First?.Date,
            r.First is null ? null : ActivityIndicators.Href(r.First.Id)))];
    }
}
