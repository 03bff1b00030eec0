using Microsoft.EntityFrameworkCore;
using VnTrace.Server.Platform.Data;
using VnTrace.Server.Platform.Text;
using VnTrace.Server.Programme.Agencies;
using VnTrace.Server.Programme.Support;

namespace VnTrace.Server.Programme.Inspections;

/// <summary>Reading visits within an officer's scope.</summary>
public sealed class InspectionQueries(VnTraceDbContext db, TimeProvider clock)
{
    public async Task<List<VisitSummary>> VisitsAsync(OfficerScope scope, Guid? planId, bool? open, string? q, CancellationToken ct)
    {
        var inScope = ProgrammeChecks.BusinessIds(db, scope);
        var rows = from v in db.InspectionVisits
                   where inScope.Contains(v.OrganizationId)
                   join p in db.InspectionPlans on v.PlanId equals p.Id
                   join o in db.Organizations on v.OrganizationId equals o.Id
                   select new { v, p, o };
        if (planId is { } id)
            rows = rows.Where(r => r.v.PlanId == id);
        if (open is { } isOpen)
            rows = isOpen ? rows.Where(r => r.v.ClosedOn == null) : rows.Where(r => r.v.ClosedOn != null);
        if (!string.IsNullOrWhiteSpace(q))
        {
            var text = q.Trim();
            rows = rows.Where(r => r.o.Name.Contains(text));
        }
        return await rows.OrderByDescending(r => r.v.VisitDate).ThenBy(r => r.o.Name)
            .Select(r => new VisitSummary(r.v.Id, r.p.Id, r.p.Title, r.o.Id, r.o.Name, r.v.VisitDate,
                db.InspectionFindings.Count(f => f.VisitId == r.v.Id),
                db.CorrectiveActions.Count(a => a.CompletedOn == null && db.InspectionFindings.Any(f => f.Id == a.FindingId && f.VisitId == r.v.Id)),
                r.v.ClosedOn)).ToListAsync(ct);
    }

    public async Task<VisitView?> VisitAsync(OfficerScope scope, Guid id, CancellationToken ct)
    {
        var inScope = ProgrammeChecks.BusinessIds(db, scope);
        var visit = await db.InspectionVisits.Include(v => v.Checklist).Include(v => v.Findings).ThenInclude(f => f.Actions).AsSplitQuery()
            .FirstOrDefaultAsync(v => v.Id == id && inScope.Contains(v.OrganizationId), ct);
        if (visit is null)
            return null;
        var plan = await db.InspectionPlans.Where(p => p.Id == visit.PlanId).Select(p => p.Title).FirstAsync(ct);
        var organization = await db.Organizations.Where(o => o.Id == visit.OrganizationId).Select(o => o.Name).FirstAsync(ct);
        var today = VietnamTime.Today(clock);
        return new VisitView(visit.Id, visit.PlanId, plan, visit.OrganizationId, organization, visit.VisitDate, visit.Inspectors,
            visit.Checklist.OrderBy(i => i.Position).Select(i => new ChecklistItemView(i.Code, i.Text, InspectionWords.Of(i.Result), i.Note)).ToList(),
            visit.Findings.OrderBy(f => f.CreatedAt).Select(f => new FindingView(f.Id, f.ChecklistCode, f.Description,
                f.Actions.OrderBy(a => a.DueDate).Select(a => new CorrectiveActionView(a.Id, a.Description, a.DueDate, a.CompletedOn, a.CompletionNotes,
                    a.CompletedOn is null && a.DueDate < today)).ToList())).ToList(),
            visit.ClosedOn, visit.ClosingNotes);
    }
}
