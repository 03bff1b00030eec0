using Microsoft.EntityFrameworkCore;
using VnTrace.Server.Platform.Audit;
using VnTrace.Server.Platform.Data;
using VnTrace.Server.Programme.Agencies;

namespace VnTrace.Server.Programme.Plans;

/// <summary>What a new or edited plan says.</summary>
public sealed record PlanInput(string Name, string? DecisionNumber, DateOnly? DecisionDate, int FromYear, int ToYear);

/// <summary>A plan as lists show it.</summary>
public sealed record PlanSummary(Guid Id, string Name, string? DecisionNumber, DateOnly? DecisionDate, int From, int To, int TargetCount);

/// <summary>
/// The province's plans and their yearly targets. Only the DoST sets them; everyone reads. A target is a number
/// against an indicator code; there is no "actual" column anywhere: <see cref="ProgressService"/> computes it.
/// </summary>
public sealed class PlanService(VnTraceDbContext db, AuditTrail audit, TimeProvider clock)
{
    /// <summary>A plan covers at most this many years (the provincial plans run five).</summary>
    public const int MaxYears = 10;

    public async Task<IReadOnlyList<PlanSummary>> ListAsync(CancellationToken ct = default) =>
        await db.ProgrammePlans.OrderByDescending(p => p.FromYear).ThenBy(p => p.Name)
            .Select(p => new PlanSummary(p.Id, p.Name, p.DecisionNumber, p.DecisionDate, p.FromYear, p.ToYear, p.Targets.Count))
            .ToListAsync(ct);

    public Task<ProgrammePlan?> FindAsync(Guid id, CancellationToken ct = default) =>
        db.ProgrammePlans.AsNoTracking().Include(p => p.Targets).FirstOrDefaultAsync(p => p.Id == id, ct);

    public async Task<(ProgrammePlan? Plan, IReadOnlyList<Refusal> Refusals)> CreateAsync(OfficerScope officer, PlanInput input, CancellationToken ct = default)
    {
        if (!officer.CanApprove)
            return (null, [Refusal.Forbidden("Only the DoST's officers set the plan.")]);
        var refusals = Check(input);
        if (refusals.Count > 0)
            return (null, refusals);
        var plan = new ProgrammePlan
        {
            Name = input.Name.Trim(),
            DecisionNumber = Clean(input.DecisionNumber),
            DecisionDate = input.DecisionDate,
            FromYear = input.FromYear,
            ToYear = input.ToYear,
            CreatedBy = officer.UserId,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.ProgrammePlans.Add(plan);
        audit.Record("plan.create", nameof(ProgrammePlan), plan.Id, new { plan.Name, plan.DecisionNumber, plan.FromYear, plan.ToYear });
        await db.SaveChangesAsync(ct);
        return (plan, []);
    }

    /// <summary>
    /// Replaces one year's targets of a plan with <paramref name="targets"/> (indicator code → target): an
    /// indicator left out has no target that year. All or nothing: one bad figure and nothing changes.
    /// </summary>
    public async Task<IReadOnlyList<Refusal>> SetTargetsAsync(OfficerScope officer, Guid planId, int year,
        IReadOnlyDictionary<string, decimal> targets, CancellationToken ct = default)
    {
        if (!officer.CanApprove)
            return [Refusal.Forbidden("Only the DoST's officers set the plan's targets.")];
        var plan = await db.ProgrammePlans.AsTracking().Include(p => p.Targets).FirstOrDefaultAsync(p => p.Id == planId, ct);
        if (plan is null)
            return [Refusal.NotFound($"There is no plan {planId}.")];
        if (year < plan.FromYear || year > plan.ToYear)
            return [Refusal.Invalid($"The plan runs {plan.FromYear}–{plan.ToYear}; {year} is outside it.", "year")];
        var refusals = new List<Refusal>();
        foreach (var (code, target) in targets)
        {
            if (!IndicatorCodes.IsKnown(code))
                refusals.Add(Refusal.Invalid($"'{code}' is not an indicator of the catalogue ({string.Join(", ", IndicatorCodes.All)}).", code));
            else if (target < 0)
                refusals.Add(Refusal.Invalid($"The target of {code} cannot be negative.", code));
            else if (IndicatorCodes.IsPercent(code) && target > 100)
                refusals.Add(Refusal.Invalid($"{code} is a percent: its target is at most 100.", code));
            else if (!IndicatorCodes.IsPercent(code) && target != decimal.Truncate(target))
                refusals.Add(Refusal.Invalid($"{code} counts records: its target is a whole number.", code));
            else if (target > 1_000_000)
                refusals.Add(Refusal.Invalid($"The target of {code} is too large.", code));
        }
        if (refusals.Count > 0)
            return refusals;
        db.PlanTargets.RemoveRange(plan.Targets.Where(t => t.Year == year));
        foreach (var (code, target) in targets.OrderBy(t => Array.IndexOf(IndicatorCodes.All, t.Key)))
            db.PlanTargets.Add(new PlanTarget { PlanId = plan.Id, Year = year, Indicator = code, Target = target });
        audit.Record("plan.targets", nameof(ProgrammePlan), plan.Id, new { year, targets });
        await db.SaveChangesAsync(ct);
        return [];
    }

    private static List<Refusal> Check(PlanInput input)
    {
        var refusals = new List<Refusal>();
        var name = input.Name?.Trim() ?? "";
        if (name.Length is 0 or > 300)
            refusals.Add(Refusal.Invalid("The plan needs a name of at most 300 characters.", "name"));
        if (input.FromYear is < 2000 or > 2100)
            refusals.Add(Refusal.Invalid("The plan's first year must be a year between 2000 and 2100.", "from"));
        if (input.ToYear < input.FromYear)
            refusals.Add(Refusal.Invalid("The plan's last year cannot come before its first.", "to"));
        else if (input.ToYear - input.FromYear + 1 > MaxYears)
            refusals.Add(Refusal.Invalid($"A plan covers at most {MaxYears} years.", "to"));
        if (input.DecisionNumber?.Trim().Length > 100)
            refusals.Add(Refusal.Invalid("The decision number has at most 100 characters.", "decisionNumber"));
        return refusals;
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
