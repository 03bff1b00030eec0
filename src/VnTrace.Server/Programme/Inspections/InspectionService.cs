using Microsoft.EntityFrameworkCore;
using VnTrace.Server.Platform.Audit;
using VnTrace.Server.Platform.Data;
using VnTrace.Server.Platform.Text;
using VnTrace.Server.Programme.Agencies;
using VnTrace.Server.Programme.Support;

namespace VnTrace.Server.Programme.Inspections;

/// <summary>
/// Inspection plans, visits with their checklist, findings and corrective actions, and closure. Any recording
/// officer plans and visits businesses of the scope; a department or commune changes only its own agency's visits.
/// A corrective action is due on or after the visit; a visit closes only when every action is done.
/// </summary>
public sealed class InspectionService(VnTraceDbContext db, AuditTrail audit, TimeProvider clock)
{
    public async Task<Outcome<RecordId>> CreatePlanAsync(OfficerScope scope, InspectionPlanInput input, CancellationToken ct)
    {
        if (ProgrammeChecks.MustRecord(scope) is { } forbidden)
            return forbidden;
        if (input.Year is < 2000 or > 2100)
            return Refusal.Invalid("year must be between 2000 and 2100.", "year");
        if (ProgrammeChecks.Text(input.Title, "title", 300) is { } t)
            return t;
        List<ChecklistTemplateItem> checklist;
        if (input.Checklist is { Count: > 0 } items)
        {
            for (var i = 0; i < items.Count; i++)
                if ((ProgrammeChecks.Text(items[i].Code, $"checklist[{i}].code", 20) ?? ProgrammeChecks.Text(items[i].Text, $"checklist[{i}].text", 1000)) is { } bad)
                    return bad;
            if (items.Select(i => i.Code!.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).Count() != items.Count)
                return Refusal.Invalid("Each checklist item has its own code.", "checklist");
            checklist = items.Select(i => new ChecklistTemplateItem { Code = i.Code!.Trim(), Text = i.Text!.Trim() }).ToList();
        }
        else
            checklist = TcvnChecklist.Template();
        var plan = new InspectionPlan { AgencyId = scope.AgencyId, Year = input.Year, Title = input.Title!.Trim(), Checklist = checklist, CreatedBy = scope.Actor, CreatedAt = clock.GetUtcNow().UtcDateTime };
        db.InspectionPlans.Add(plan);
        audit.Record("inspection-plan.create", nameof(InspectionPlan), plan.Id, new { plan.Year, plan.Title });
        await db.SaveChangesAsync(ct);
        return Outcome<RecordId>.Done(new RecordId(plan.Id));
    }

    /// <summary>The plans an officer sees: the province sees all, an agency its own and the DoST's.</summary>
    public async Task<IReadOnlyList<InspectionPlanView>> PlansAsync(OfficerScope scope, int? year, CancellationToken ct)
    {
        var plans = db.InspectionPlans.AsQueryable();
        if (!scope.IsProvince)
        {
            var dost = db.Agencies.Where(a => a.Kind == AgencyKind.Dost).Select(a => a.Id);
            plans = plans.Where(p => p.AgencyId == scope.AgencyId || dost.Contains(p.AgencyId));
        }
        if (year is { } y)
            plans = plans.Where(p => p.Year == y);
        var inScope = ProgrammeChecks.BusinessIds(db, scope);
        var rows = await plans.OrderByDescending(p => p.Year).ThenBy(p => p.Title)
            .Select(p => new
            {
                Plan = p,
                Agency = db.Agencies.Where(a => a.Id == p.AgencyId).Select(a => a.Name).First(),
                Visits = db.InspectionVisits.Count(v => v.PlanId == p.Id && inScope.Contains(v.OrganizationId)),
                Open = db.InspectionVisits.Count(v => v.PlanId == p.Id && v.ClosedOn == null && inScope.Contains(v.OrganizationId)),
            }).ToListAsync(ct);
        return rows.Select(r => new InspectionPlanView(r.Plan.Id, r.Plan.AgencyId, r.Agency, r.Plan.Year, r.Plan.Title,
            r.Plan.Checklist.Select(c => new ChecklistItemInput(c.Code, c.Text)).ToList(), r.Visits, r.Open)).ToList();
    }

    public async Task<Outcome<RecordId>> AddVisitAsync(OfficerScope scope, Guid planId, VisitInput input, CancellationToken ct)
    {
        if (ProgrammeChecks.MustRecord(scope) is { } forbidden)
            return forbidden;
        var plan = await db.InspectionPlans.FirstOrDefaultAsync(p => p.Id == planId, ct);
        if (plan is null)
            return Refusal.NotFound("No inspection plan with this id.");
        if (plan.AgencyId != scope.AgencyId && !scope.IsProvince)
            return Refusal.Forbidden("Visits are recorded under your own agency's plans.");
        var (organization, refusal) = await ProgrammeChecks.BusinessInScopeAsync(db, scope, input.OrganizationId, ct);
        if (refusal is not null)
            return refusal;
        if (input.Date is not { } date)
            return Refusal.Invalid("date is required.", "date");
        if (ProgrammeChecks.Text(input.Inspectors, "inspectors", 500, required: false) is { } i)
            return i;
        var visit = new InspectionVisit
        {
            PlanId = plan.Id, OrganizationId = organization!.Id, AgencyId = scope.AgencyId, VisitDate = date, Inspectors = input.Inspectors?.Trim(),
            RecordedBy = scope.Actor, CreatedAt = clock.GetUtcNow().UtcDateTime,
            Checklist = plan.Checklist.Select((c, n) => new VisitChecklistItem { Position = n, Code = c.Code, Text = c.Text }).ToList(),
        };
        db.InspectionVisits.Add(visit);
        audit.Record("inspection-visit.create", nameof(InspectionVisit), visit.Id, new { planId, date }, organization.Id);
        await db.SaveChangesAsync(ct);
        return Outcome<RecordId>.Done(new RecordId(visit.Id));
    }

    public async Task<Outcome<RecordId>> SetChecklistAsync(OfficerScope scope, Guid visitId, string code, ChecklistResultInput input, CancellationToken ct)
    {
        var (visit, refusal) = await OwnOpenVisitAsync(scope, visitId, ct);
        if (refusal is not null)
            return refusal;
        var item = await db.InspectionChecklistItems.AsTracking().FirstOrDefaultAsync(i => i.VisitId == visitId && i.Code == code, ct);
        if (item is null)
            return Refusal.NotFound("The visit's checklist has no item with this code.");
        if (!InspectionWords.TryResult(input.Result, out var result))
            return Refusal.Invalid("result must be conform, nonconform, not_applicable or not_checked.", "result");
        if (ProgrammeChecks.Text(input.Note, "note", 2000, required: false) is { } n)
            return n;
        item.Result = result;
        item.Note = input.Note?.Trim();
        await db.SaveChangesAsync(ct);
        return Outcome<RecordId>.Done(new RecordId(item.Id));
    }

    public async Task<Outcome<RecordId>> AddFindingAsync(OfficerScope scope, Guid visitId, FindingInput input, CancellationToken ct)
    {
        var (visit, refusal) = await OwnOpenVisitAsync(scope, visitId, ct);
        if (refusal is not null)
            return refusal;
        if (ProgrammeChecks.Text(input.Description, "description", 2000) is { } d)
            return d;
        var code = string.IsNullOrWhiteSpace(input.ChecklistCode) ? null : input.ChecklistCode.Trim();
        if (code is not null && !await db.InspectionChecklistItems.AnyAsync(i => i.VisitId == visitId && i.Code == code, ct))
            return Refusal.Invalid("The visit's checklist has no item with this code.", "checklistCode");
        var finding = new InspectionFinding { VisitId = visit!.Id, ChecklistCode = code, Description = input.Description!.Trim(), CreatedAt = clock.GetUtcNow().UtcDateTime };
        db.InspectionFindings.Add(finding);
        audit.Record("inspection-finding.create", nameof(InspectionFinding), finding.Id, new { visitId }, visit.OrganizationId);
        await db.SaveChangesAsync(ct);
        return Outcome<RecordId>.Done(new RecordId(finding.Id));
    }

    /// <summary>A corrective action is due on or after the visit that found the problem.</summary>
    public async Task<Outcome<RecordId>> AddActionAsync(OfficerScope scope, Guid findingId, CorrectiveActionInput input, CancellationToken ct)
    {
        var finding = await db.InspectionFindings.FirstOrDefaultAsync(f => f.Id == findingId, ct);
        if (finding is null)
            return Refusal.NotFound("No finding with this id.");
        var (visit, refusal) = await OwnOpenVisitAsync(scope, finding.VisitId, ct);
        if (refusal is not null)
            return refusal;
        if (ProgrammeChecks.Text(input.Description, "description", 2000) is { } d)
            return d;
        if (input.DueDate is not { } due)
            return Refusal.Invalid("dueDate is required.", "dueDate");
        if (due < visit!.VisitDate)
            return Refusal.Invalid($"The due date {due:yyyy-MM-dd} is before the visit of {visit.VisitDate:yyyy-MM-dd}.", "dueDate");
        var action = new CorrectiveAction { FindingId = finding.Id, Description = input.Description!.Trim(), DueDate = due, CreatedAt = clock.GetUtcNow().UtcDateTime };
        db.CorrectiveActions.Add(action);
        audit.Record("corrective-action.create", nameof(CorrectiveAction), action.Id, new { findingId, due }, visit.OrganizationId);
        await db.SaveChangesAsync(ct);
        return Outcome<RecordId>.Done(new RecordId(action.Id));
    }

    public async Task<Outcome<RecordId>> CompleteActionAsync(OfficerScope scope, Guid actionId, ActionDoneInput input, CancellationToken ct)
    {
        var action = await db.CorrectiveActions.AsTracking().FirstOrDefaultAsync(a => a.Id == actionId, ct);
        var finding = action is null ? null : await db.InspectionFindings.FirstOrDefaultAsync(f => f.Id == action.FindingId, ct);
        if (action is null || finding is null)
            return Refusal.NotFound("No corrective action with this id.");
        var (visit, refusal) = await OwnOpenVisitAsync(scope, finding.VisitId, ct);
        if (refusal is not null)
            return refusal;
        if (action.CompletedOn is not null)
            return Refusal.Conflict("This corrective action is already done.");
        var date = input.Date ?? VietnamTime.Today(clock);
        if (date < visit!.VisitDate)
            return Refusal.Invalid("An action cannot be done before the visit that asked for it.", "date");
        action.CompletedOn = date;
        action.CompletionNotes = input.Notes?.Trim();
        audit.Record("corrective-action.done", nameof(CorrectiveAction), action.Id, new { date }, visit.OrganizationId);
        await db.SaveChangesAsync(ct);
        return Outcome<RecordId>.Done(new RecordId(action.Id));
    }

    /// <summary>Closes the visit: refused (409) while any corrective action is open.</summary>
    public async Task<Outcome<RecordId>> CloseAsync(OfficerScope scope, Guid visitId, CloseInput input, CancellationToken ct)
    {
        var (visit, refusal) = await OwnOpenVisitAsync(scope, visitId, ct, track: true);
        if (refusal is not null)
            return refusal;
        var open = await (from a in db.CorrectiveActions
                          join f in db.InspectionFindings on a.FindingId equals f.Id
                          where f.VisitId == visitId && a.CompletedOn == null
                          select a.Id).CountAsync(ct);
        if (open > 0)
            return Refusal.Conflict($"The visit has {open} open corrective action(s); it closes when they are done.");
        visit!.ClosedOn = VietnamTime.Today(clock);
        visit.ClosingNotes = input.Notes?.Trim();
        audit.Record("inspection-visit.close", nameof(InspectionVisit), visit.Id, null, visit.OrganizationId);
        await db.SaveChangesAsync(ct);
        return Outcome<RecordId>.Done(new RecordId(visit.Id));
    }

    private async Task<(InspectionVisit? Visit, Refusal? Refusal)> OwnOpenVisitAsync(OfficerScope scope, Guid visitId, CancellationToken ct, bool track = false)
    {
        if (ProgrammeChecks.MustRecord(scope) is { } forbidden)
            return (null, forbidden);
        var inScope = ProgrammeChecks.BusinessIds(db, scope);
        var query = track ? db.InspectionVisits.AsTracking() : db.InspectionVisits;
        var visit = await query.FirstOrDefaultAsync(v => v.Id == visitId && inScope.Contains(v.OrganizationId), ct);
        if (visit is null)
            return (null, Refusal.NotFound("No inspection visit with this id in your scope."));
        if (visit.AgencyId != scope.AgencyId && !scope.IsProvince)
            return (null, Refusal.Forbidden("This visit is another agency's; you record your own."));
        if (visit.ClosedOn is not null)
            return (null, Refusal.Conflict("This visit is closed."));
        return (visit, null);
    }
}
