using Microsoft.EntityFrameworkCore;
using VnTrace.Server.Platform.Data;
using VnTrace.Server.Programme.Agencies;

namespace VnTrace.Server.Programme.Support;

/// <summary>
/// Reading the support programme: calls (open to every officer and business), and applications — an officer's
/// within the scope, a business's only its own.
/// </summary>
public sealed class SupportQueries(VnTraceDbContext db)
{
    public async Task<IReadOnlyList<SupportCallView>> CallsAsync(int? year, CancellationToken ct)
    {
        var calls = db.SupportCalls.AsQueryable();
        if (year is { } y)
            calls = calls.Where(c => c.Year == y);
        var rows = await calls.OrderByDescending(c => c.Year).ThenBy(c => c.Title)
            .Select(c => new { Call = c, Criteria = c.Criteria.OrderBy(x => x.Position).ToList(), Applications = db.SupportApplications.Count(a => a.CallId == c.Id) })
            .ToListAsync(ct);
        return rows.Select(r => ToView(r.Call, r.Criteria, r.Applications)).ToList();
    }

    public async Task<SupportCallView?> CallAsync(Guid id, CancellationToken ct) =>
        (await CallsAsync(null, ct)).FirstOrDefault(c => c.Id == id);

    /// <summary>The applications in the scope, filtered by call, stage and a text in the business's name.</summary>
    public Task<List<ApplicationSummary>> ApplicationsAsync(OfficerScope scope, Guid? callId, SupportStage? stage, string? q, CancellationToken ct) =>
        Summaries(Filter(db.SupportApplications.Where(a => ProgrammeChecks.BusinessIds(db, scope).Contains(a.OrganizationId)), callId, stage), q, ct);

    /// <summary>The business's own applications (its workspace).</summary>
    public Task<List<ApplicationSummary>> ApplicationsOfAsync(Guid organizationId, CancellationToken ct) =>
        Summaries(db.SupportApplications.Where(a => a.OrganizationId == organizationId), null, ct);

    public async Task<ApplicationView?> ApplicationAsync(OfficerScope scope, Guid id, CancellationToken ct)
    {
        var inScope = ProgrammeChecks.BusinessIds(db, scope);
        var application = await db.SupportApplications.FirstOrDefaultAsync(a => a.Id == id && inScope.Contains(a.OrganizationId), ct);
        return application is null ? null : await ViewAsync(application, ct);
    }

    public async Task<ApplicationView?> ApplicationOfAsync(Guid organizationId, Guid id, CancellationToken ct)
    {
        var application = await db.SupportApplications.FirstOrDefaultAsync(a => a.Id == id && a.OrganizationId == organizationId, ct);
        return application is null ? null : await ViewAsync(application, ct);
    }

    /// <summary>
    /// A call's support activities and budget lines, of the applications in the scope: totals per funding source
    /// (a line that passed its plan by an override marks its source overspent) and one row per activity.
    /// </summary>
    public async Task<CallBudgetView> CallBudgetAsync(OfficerScope scope, Guid callId, CancellationToken ct)
    {
        var inScope = ProgrammeChecks.BusinessIds(db, scope);
        var rows = await (from x in db.SupportActivities
                          join a in db.SupportApplications on x.ApplicationId equals a.Id
                          join o in db.Organizations on a.OrganizationId equals o.Id
                          where a.CallId == callId && inScope.Contains(a.OrganizationId)
                          orderby o.Name, x.CreatedAt
                          select new { Activity = x, ApplicationId = a.Id, o.Name })
            .ToListAsync(ct);
        var ids = rows.Select(r => r.Activity.Id).ToList();
        var lines = await db.BudgetLines.Where(l => ids.Contains(l.ActivityId)).ToListAsync(ct);
        var byActivity = lines.ToLookup(l => l.ActivityId);
        var sources = lines.GroupBy(l => l.FundingSource, StringComparer.OrdinalIgnoreCase).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new FundingSourceTotal(g.First().FundingSource, g.Sum(l => l.Planned), g.Sum(l => l.Committed), g.Sum(l => l.Spent)))
            .ToList();
        var activities = rows.Select(r =>
        {
            var own = byActivity[r.Activity.Id].ToList();
            return new CallActivityRow(r.Activity.Id, r.ApplicationId, r.Name, SupportWords.Of(r.Activity.Kind), r.Activity.Description,
                own.Sum(l => l.Planned), own.Sum(l => l.Committed), own.Sum(l => l.Spent), own.Any(l => l.Committed > l.Planned || l.Spent > l.Planned));
        }).ToList();
        return new CallBudgetView(sources, activities);
    }

    /// <summary>The approved businesses in the scope, by name: the ones an officer may act for.</summary>
    public async Task<IReadOnlyList<(Guid Id, string Name)>> BusinessesAsync(OfficerScope scope, CancellationToken ct) =>
        (await scope.Organizations(db.Organizations).Where(o => o.Status == Organizations.OrganizationStatus.Approved).OrderBy(o => o.Name)
            .Select(o => new { o.Id, o.Name }).ToListAsync(ct)).Select(o => (o.Id, o.Name)).ToList();

    private static IQueryable<SupportApplication> Filter(IQueryable<SupportApplication> query, Guid? callId, SupportStage? stage)
    {
        if (callId is { } c)
            query = query.Where(a => a.CallId == c);
        if (stage is { } s)
            query = query.Where(a => a.Stage == s);
        return query;
    }

    private async Task<List<ApplicationSummary>> Summaries(IQueryable<SupportApplication> query, string? q, CancellationToken ct)
    {
        var rows = from a in query
                   join c in db.SupportCalls on a.CallId equals c.Id
                   join o in db.Organizations on a.OrganizationId equals o.Id
                   select new { a, c, o };
        if (!string.IsNullOrWhiteSpace(q))
        {
            var text = q.Trim();
            rows = rows.Where(r => r.o.Name.Contains(text));
        }
        var list = await rows.OrderByDescending(r => r.c.Year).ThenBy(r => r.o.Name)
            .Select(r => new
            {
                r.a.Id, r.a.CallId, r.c.Year, r.c.Title, r.a.OrganizationId, r.o.Name, r.a.Stage, r.a.AppliedOn, r.a.TotalScore,
                r.a.DecisionNumber, r.a.DecisionDate, r.a.SupportedOn,
                Planned = db.BudgetLines.Where(l => db.SupportActivities.Any(x => x.Id == l.ActivityId && x.ApplicationId == r.a.Id)).Sum(l => (long?)l.Planned) ?? 0,
                Spent = db.BudgetLines.Where(l => db.SupportActivities.Any(x => x.Id == l.ActivityId && x.ApplicationId == r.a.Id)).Sum(l => (long?)l.Spent) ?? 0,
            }).ToListAsync(ct);
        return list.Select(r => new ApplicationSummary(r.Id, r.CallId, r.Year, r.Title, r.OrganizationId, r.Name, SupportWords.Of(r.Stage),
            r.AppliedOn, r.TotalScore, r.DecisionNumber, r.SupportedOn, r.Planned, r.Spent, r.DecisionDate)).ToList();
    }

    private async Task<ApplicationView> ViewAsync(SupportApplication a, CancellationToken ct)
    {
        var call = await db.SupportCalls.FirstAsync(c => c.Id == a.CallId, ct);
        var criteria = await db.SupportCriteria.Where(c => c.CallId == a.CallId).ToListAsync(ct);
        var organizationName = await db.Organizations.Where(o => o.Id == a.OrganizationId).Select(o => o.Name).FirstAsync(ct);
        var products = await db.Products.IgnoreTenantFilter("the products an application names, shown to the officers of its scope")
            .Where(p => a.ProductIds.Contains(p.Id) && p.OrganizationId == a.OrganizationId)
            .OrderBy(p => p.NameVi).Select(p => new ProductRef(p.Id, p.NameVi, p.Gtin)).ToListAsync(ct);
        var scores = await db.SupportScores.Where(s => s.ApplicationId == a.Id).ToListAsync(ct);
        var activities = await db.SupportActivities.Where(x => x.ApplicationId == a.Id).OrderBy(x => x.CreatedAt)
            .Include(x => x.BudgetLines).ThenInclude(l => l.Entries).AsSplitQuery().ToListAsync(ct);
        return new ApplicationView(a.Id, a.CallId, call.Year, call.Title, a.OrganizationId, organizationName, SupportWords.Of(a.Stage),
            SupportService.NextStages(a.Stage).Select(SupportWords.Of).ToList(), products, a.Needs, a.AppliedOn, a.SurveyedOn, a.SurveyNotes,
            a.ScoredOn, a.TotalScore,
            criteria.OrderBy(c => c.Position).Select(c => (c, s: scores.FirstOrDefault(s => s.CriterionId == c.Id))).Where(x => x.s is not null)
                .Select(x => new ScoreView(x.c.Id, x.c.Name, x.c.Weight, x.s!.Score)).ToList(),
            a.DecisionNumber, a.DecisionDate, a.DecisionReason, a.SupportedOn,
            activities.Select(x => new ActivityView(x.Id, SupportWords.Of(x.Kind), x.Description,
                x.BudgetLines.OrderBy(l => l.FundingSource).Select(l => new BudgetLineView(l.Id, l.FundingSource, l.Planned, l.Committed, l.Spent,
                    l.Entries.OrderBy(e => e.CreatedAt).Select(e => new BudgetEntryView(e.Id, SupportWords.Of(e.Kind), e.Amount, e.Date, e.OverrideReason, e.RecordedBy)).ToList())).ToList())).ToList(),
            a.EvaluatedOn, a.Outcome is { } o ? SupportWords.Of(o) : null, a.EvaluationNotes);
    }

    private static SupportCallView ToView(SupportCall c, List<SupportCriterion> criteria, int applications) =>
        new(c.Id, c.Year, c.Title, c.Description, criteria.Select(x => new CriterionView(x.Id, x.Name, x.Weight, x.MinScore, x.MaxScore)).ToList(), applications);
}
