using Microsoft.EntityFrameworkCore;
using VnTrace.Server.Platform.Audit;
using VnTrace.Server.Platform.Data;
using VnTrace.Server.Platform.Text;
using VnTrace.Server.Programme.Agencies;

namespace VnTrace.Server.Programme.Support;

/// <summary>
/// The support programme: the DoST's yearly calls and their criteria, applications (by a business in its workspace
/// or by an officer for it), and the stages an application moves through, forward only:
/// applied → surveyed → scored → selected or rejected → supported → evaluated. Budget lines are in
/// <see cref="SupportBudget"/>; reading an application is <see cref="SupportQueries"/>.
/// </summary>
public sealed class SupportService(VnTraceDbContext db, AuditTrail audit, TimeProvider clock)
{
    /// <summary>The stage each stage is reached from.</summary>
    private static readonly Dictionary<SupportStage, SupportStage> Requires = new()
    {
        [SupportStage.Surveyed] = SupportStage.Applied,
        [SupportStage.Scored] = SupportStage.Surveyed,
        [SupportStage.Selected] = SupportStage.Scored,
        [SupportStage.Rejected] = SupportStage.Scored,
        [SupportStage.Supported] = SupportStage.Selected,
        [SupportStage.Evaluated] = SupportStage.Supported,
    };

    /// <summary>The stages an application at <paramref name="stage"/> may move to next.</summary>
    public static IReadOnlyList<SupportStage> NextStages(SupportStage stage) =>
        Requires.Where(r => r.Value == stage).Select(r => r.Key).ToArray();

    /// <summary>Null when the move is in order; otherwise the 409 that says where the application is and what it needs.</summary>
    public static Refusal? CheckMove(SupportStage current, SupportStage target)
    {
        var from = Requires[target];
        if (current == from)
            return null;
        var tail = current is SupportStage.Rejected or SupportStage.Evaluated
            ? " and has no further stage"
            : $"; its next step is {string.Join(" or ", NextStages(current).Select(SupportWords.Of))}";
        return Refusal.Conflict(
            $"The application is {SupportWords.Of(current)}{tail}: it can become {SupportWords.Of(target)} only from {SupportWords.Of(from)}.", "stage");
    }

    public async Task<Outcome<RecordId>> CreateCallAsync(OfficerScope scope, SupportCallInput input, CancellationToken ct)
    {
        if (ProgrammeChecks.MustApprove(scope, "opens a support call") is { } forbidden)
            return forbidden;
        var problems = new List<Refusal>();
        if (input.Year is < 2000 or > 2100)
            problems.Add(Refusal.Invalid("year must be between 2000 and 2100.", "year"));
        if (ProgrammeChecks.Text(input.Title, "title", 300) is { } t)
            problems.Add(t);
        var criteria = input.Criteria ?? [];
        if (criteria.Count == 0)
            problems.Add(Refusal.Invalid("A call needs at least one selection criterion.", "criteria"));
        for (var i = 0; i < criteria.Count; i++)
        {
            var c = criteria[i];
            if (ProgrammeChecks.Text(c.Name, $"criteria[{i}].name", 300) is { } n)
                problems.Add(n);
            if (c.Weight <= 0 || c.Weight > 100)
                problems.Add(Refusal.Invalid("A criterion's weight is above 0 and at most 100.", $"criteria[{i}].weight"));
            if (c.MinScore < 0 || c.MaxScore <= c.MinScore || c.MaxScore > 1000)
                problems.Add(Refusal.Invalid("A criterion's score range is 0 ≤ minScore < maxScore ≤ 1000.", $"criteria[{i}].maxScore"));
        }
        if (problems.Count > 0)
            return problems[0] with { Message = string.Join(" ", problems.Select(p => p.Message)) };
        var call = new SupportCall
        {
            Year = input.Year, Title = input.Title!.Trim(), Description = input.Description?.Trim(), CreatedBy = scope.Actor,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
            Criteria = criteria.Select((c, i) => new SupportCriterion
            {
                Position = i, Name = c.Name!.Trim(), Weight = c.Weight, MinScore = c.MinScore, MaxScore = c.MaxScore,
            }).ToList(),
        };
        db.SupportCalls.Add(call);
        audit.Record("support-call.create", nameof(SupportCall), call.Id, new { call.Year, call.Title });
        await db.SaveChangesAsync(ct);
        return Outcome<RecordId>.Done(new RecordId(call.Id));
    }

    /// <summary>An officer applies for a business in the scope.</summary>
    public async Task<Outcome<CreatedApplication>> ApplyAsync(OfficerScope scope, Guid callId, ApplicationInput input, CancellationToken ct)
    {
        if (ProgrammeChecks.MustRecord(scope) is { } forbidden)
            return forbidden;
        var (organization, refusal) = await ProgrammeChecks.BusinessInScopeAsync(db, scope, input.OrganizationId, ct);
        if (refusal is not null)
            return refusal;
        return await CreateApplicationAsync(callId, organization!.Id, input, scope.Actor, ct);
    }

    /// <summary>A business applies for itself, in its workspace: the organization is the signed-in one, never an input.</summary>
    public Task<Outcome<CreatedApplication>> ApplyAsBusinessAsync(Guid organizationId, Guid? userId, Guid callId, List<Guid>? productIds, string? needs, CancellationToken ct) =>
        CreateApplicationAsync(callId, organizationId, new ApplicationInput(organizationId, productIds, needs), $"user:{userId}", ct);

    private async Task<Outcome<CreatedApplication>> CreateApplicationAsync(Guid callId, Guid organizationId, ApplicationInput input, string actor, CancellationToken ct)
    {
        if (!await db.SupportCalls.AnyAsync(c => c.Id == callId, ct))
            return Refusal.NotFound("No support call with this id.");
        if (ProgrammeChecks.Text(input.Needs, "needs", 4000, required: false) is { } n)
            return n;
        var productIds = (input.ProductIds ?? []).Distinct().ToList();
        // The products named are the business's own registered products (this read crosses the tenant only to check that).
        var owned = await db.Products.IgnoreTenantFilter("an application names products of the applying business, checked by its id")
            .Where(p => productIds.Contains(p.Id) && p.OrganizationId == organizationId).CountAsync(ct);
        if (owned != productIds.Count)
            return Refusal.Invalid("Every product named must be a registered product of the applying business.", "productIds");
        if (await db.SupportApplications.AnyAsync(a => a.CallId == callId && a.OrganizationId == organizationId, ct))
            return Refusal.Conflict("This business has already applied to this call.", "organizationId");
        var application = new SupportApplication
        {
            CallId = callId, OrganizationId = organizationId, ProductIds = productIds, Needs = input.Needs?.Trim(),
            AppliedOn = VietnamTime.Today(clock), AppliedBy = actor, CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.SupportApplications.Add(application);
        audit.Record("support-application.apply", nameof(SupportApplication), application.Id, new { callId, actor }, organizationId);
        await db.SaveChangesAsync(ct);
        return Outcome<CreatedApplication>.Done(new CreatedApplication(application.Id, SupportWords.Of(application.Stage)));
    }

    public Task<Outcome<StageMoved>> SurveyAsync(OfficerScope scope, Guid id, SurveyInput input, CancellationToken ct) =>
        MoveAsync(scope, id, SupportStage.Surveyed, input.Date, (_, _) =>
        {
            if (ProgrammeChecks.Text(input.Notes, "notes", 4000) is { } notes)
                return notes;
            return null;
        }, (a, date) =>
        {
            a.SurveyedOn = date;
            a.SurveyNotes = input.Notes!.Trim();
        }, ct);

    /// <summary>Scores every criterion of the call at once; a score outside its criterion's range is refused.</summary>
    public async Task<Outcome<StageMoved>> ScoreAsync(OfficerScope scope, Guid id, ScoresInput input, CancellationToken ct)
    {
        var application = await FindAsync(scope, id, ct);
        if (application is null)
            return Refusal.NotFound("No support application with this id in your scope.");
        var criteria = await db.SupportCriteria.Where(c => c.CallId == application.CallId).OrderBy(c => c.Position).ToListAsync(ct);
        return await MoveAsync(scope, id, SupportStage.Scored, null, (_, _) =>
        {
            var scores = input.Scores ?? [];
            for (var i = 0; i < scores.Count; i++)
            {
                var criterion = criteria.FirstOrDefault(c => c.Id == scores[i].CriterionId);
                if (criterion is null)
                    return Refusal.Invalid("This criterion is not one of the call's.", $"scores[{i}].criterionId");
                if (scores[i].Score < criterion.MinScore || scores[i].Score > criterion.MaxScore)
                    return Refusal.Invalid($"The score of \"{criterion.Name}\" must be between {criterion.MinScore} and {criterion.MaxScore}; {scores[i].Score} is outside.", $"scores[{i}].score");
            }
            var missing = criteria.Where(c => scores.Count(s => s.CriterionId == c.Id) != 1).Select(c => c.Name).ToList();
            return missing.Count > 0 ? Refusal.Invalid("Score each criterion exactly once; not so: " + string.Join(", ", missing) + ".", "scores") : null;
        }, (a, _) =>
        {
            var scores = input.Scores!;
            db.SupportScores.AddRange(scores.Select(s => new SupportScore { ApplicationId = a.Id, CriterionId = s.CriterionId, Score = s.Score, ScoredBy = scope.Actor }));
            a.TotalScore = scores.Sum(s => criteria.First(c => c.Id == s.CriterionId).Weight * s.Score);
            a.ScoredOn = VietnamTime.Today(clock);
        }, ct);
    }

    /// <summary>Xét chọn: the DoST's decision, with its number and date, selecting or rejecting a scored application.</summary>
    public Task<Outcome<StageMoved>> DecideAsync(OfficerScope scope, Guid id, bool select, DecisionInput input, CancellationToken ct)
    {
        if (ProgrammeChecks.MustApprove(scope, "selects applications (xét chọn)") is { } forbidden)
            return Task.FromResult<Outcome<StageMoved>>(forbidden);
        return MoveAsync(scope, id, select ? SupportStage.Selected : SupportStage.Rejected, input.DecisionDate, (_, _) =>
            ProgrammeChecks.Text(input.DecisionNumber, "decisionNumber", 100)
            ?? (input.DecisionDate is null ? Refusal.Invalid("decisionDate is required.", "decisionDate") : null)
            ?? (!select ? ProgrammeChecks.Text(input.Reason, "reason", 2000) : null), (a, date) =>
        {
            a.DecisionNumber = input.DecisionNumber!.Trim();
            a.DecisionDate = date;
            a.DecisionReason = input.Reason?.Trim();
        }, ct);
    }

    /// <summary>Support begins: a selected application becomes supported on the date given (it counts from then).</summary>
    public Task<Outcome<StageMoved>> StartSupportAsync(OfficerScope scope, Guid id, SupportStartInput input, CancellationToken ct) =>
        MoveAsync(scope, id, SupportStage.Supported, input.Date, (a, date) =>
            a.DecisionDate is { } decided && date < decided
                ? Refusal.Invalid("Support cannot begin before the selection decision.", "date") : null,
            (a, date) => a.SupportedOn = date, ct);

    public Task<Outcome<StageMoved>> EvaluateAsync(OfficerScope scope, Guid id, EvaluationInput input, CancellationToken ct)
    {
        SupportOutcome outcome = default;
        return MoveAsync(scope, id, SupportStage.Evaluated, input.Date, (a, date) =>
            !SupportWords.TryOutcome(input.Outcome, out outcome)
                ? Refusal.Invalid("outcome must be achieved, partly_achieved or not_achieved.", "outcome")
                : a.SupportedOn is { } from && date < from ? Refusal.Invalid("The evaluation cannot come before the support began.", "date")
                : ProgrammeChecks.Text(input.Notes, "notes", 4000),
            (a, date) =>
            {
                a.EvaluatedOn = date;
                a.Outcome = outcome;
                a.EvaluationNotes = input.Notes!.Trim();
            }, ct);
    }

    /// <summary>One stage move: scope, order, then the step's own checks, then the change, audited.</summary>
    private async Task<Outcome<StageMoved>> MoveAsync(OfficerScope scope, Guid id, SupportStage target, DateOnly? date,
        Func<SupportApplication, DateOnly, Refusal?> check, Action<SupportApplication, DateOnly> apply, CancellationToken ct)
    {
        if (ProgrammeChecks.MustRecord(scope) is { } forbidden)
            return forbidden;
        var application = await FindAsync(scope, id, ct, track: true);
        if (application is null)
            return Refusal.NotFound("No support application with this id in your scope.");
        if (CheckMove(application.Stage, target) is { } outOfOrder)
            return outOfOrder;
        var day = date ?? VietnamTime.Today(clock);
        if (check(application, day) is { } invalid)
            return invalid;
        apply(application, day);
        application.Stage = target;
        audit.Record("support-application." + SupportWords.Of(target), nameof(SupportApplication), application.Id, new { actor = scope.Actor }, application.OrganizationId);
        await db.SaveChangesAsync(ct);
        return Outcome<StageMoved>.Done(new StageMoved(application.Id, SupportWords.Of(target)));
    }

    internal Task<SupportApplication?> FindAsync(OfficerScope scope, Guid id, CancellationToken ct, bool track = false)
    {
        var query = track ? db.SupportApplications.AsTracking() : db.SupportApplications;
        var inScope = ProgrammeChecks.BusinessIds(db, scope);
        return query.FirstOrDefaultAsync(a => a.Id == id && inScope.Contains(a.OrganizationId), ct);
    }
}
