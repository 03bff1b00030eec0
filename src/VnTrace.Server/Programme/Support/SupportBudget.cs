using Microsoft.EntityFrameworkCore;
using VnTrace.Server.Platform.Audit;
using VnTrace.Server.Platform.Data;
using VnTrace.Server.Platform.Text;
using VnTrace.Server.Programme.Agencies;

namespace VnTrace.Server.Programme.Support;

/// <summary>
/// Support activities of a selected application and their budget lines, in VND: planned, then committed and spent
/// through entries. An entry that would take committed or spent past the planned amount is refused (409) unless a
/// DoST officer records an override with its reason, which stays on the entry.
/// </summary>
public sealed class SupportBudget(VnTraceDbContext db, SupportService support, AuditTrail audit, TimeProvider clock)
{
    /// <summary>Activities are planned once an application is selected, and while it is supported.</summary>
    public async Task<Outcome<RecordId>> AddActivityAsync(OfficerScope scope, Guid applicationId, ActivityInput input, CancellationToken ct)
    {
        if (ProgrammeChecks.MustRecord(scope) is { } forbidden)
            return forbidden;
        var application = await support.FindAsync(scope, applicationId, ct);
        if (application is null)
            return Refusal.NotFound("No support application with this id in your scope.");
        if (application.Stage is not (SupportStage.Selected or SupportStage.Supported))
            return Refusal.Conflict($"The application is {SupportWords.Of(application.Stage)}: support activities are planned only for a selected or supported application.", "stage");
        if (!SupportWords.TryKind(input.Kind, out var kind))
            return Refusal.Invalid("kind must be training, consulting, stamps, software or equipment.", "kind");
        if (ProgrammeChecks.Text(input.Description, "description", 2000) is { } d)
            return d;
        var lines = input.BudgetLines ?? [];
        for (var i = 0; i < lines.Count; i++)
        {
            if (ProgrammeChecks.Text(lines[i].FundingSource, $"budgetLines[{i}].fundingSource", 200) is { } f)
                return f;
            if (lines[i].Planned <= 0)
                return Refusal.Invalid("A budget line plans a positive amount of VND.", $"budgetLines[{i}].planned");
        }
        var activity = new SupportActivity
        {
            ApplicationId = application.Id, Kind = kind, Description = input.Description!.Trim(), CreatedAt = clock.GetUtcNow().UtcDateTime,
            BudgetLines = lines.Select(l => new BudgetLine { FundingSource = l.FundingSource!.Trim(), Planned = l.Planned }).ToList(),
        };
        db.SupportActivities.Add(activity);
        audit.Record("support-activity.create", nameof(SupportActivity), activity.Id, new { kind = SupportWords.Of(kind), planned = lines.Sum(l => l.Planned) }, application.OrganizationId);
        await db.SaveChangesAsync(ct);
        return Outcome<RecordId>.Done(new RecordId(activity.Id));
    }

    /// <summary>Adds a budget line to an activity of a selected or supported application.</summary>
    public async Task<Outcome<RecordId>> AddLineAsync(OfficerScope scope, Guid activityId, BudgetLineInput input, CancellationToken ct)
    {
        if (ProgrammeChecks.MustRecord(scope) is { } forbidden)
            return forbidden;
        var activity = await db.SupportActivities.FirstOrDefaultAsync(a => a.Id == activityId, ct);
        var application = activity is null ? null : await support.FindAsync(scope, activity.ApplicationId, ct);
        if (application is null)
            return Refusal.NotFound("No support activity with this id in your scope.");
        if (application.Stage is not (SupportStage.Selected or SupportStage.Supported))
            return Refusal.Conflict($"The application is {SupportWords.Of(application.Stage)}: its budget is closed.", "stage");
        if (ProgrammeChecks.Text(input.FundingSource, "fundingSource", 200) is { } f)
            return f;
        if (input.Planned <= 0)
            return Refusal.Invalid("A budget line plans a positive amount of VND.", "planned");
        var line = new BudgetLine { ActivityId = activityId, FundingSource = input.FundingSource!.Trim(), Planned = input.Planned };
        db.BudgetLines.Add(line);
        await db.SaveChangesAsync(ct);
        return Outcome<RecordId>.Done(new RecordId(line.Id));
    }

    /// <summary>
    /// A commitment (any time the application is selected or supported) or a spending (once supported). Past the planned
    /// amount only with <see cref="BudgetEntryInput.OverrideReason"/>, from a DoST officer.
    /// </summary>
    public async Task<Outcome<RecordId>> RecordAsync(OfficerScope scope, Guid lineId, BudgetEntryInput input, CancellationToken ct)
    {
        if (ProgrammeChecks.MustRecord(scope) is { } forbidden)
            return forbidden;
        var line = await db.BudgetLines.AsTracking().FirstOrDefaultAsync(l => l.Id == lineId, ct);
        var activity = line is null ? null : await db.SupportActivities.FirstOrDefaultAsync(a => a.Id == line.ActivityId, ct);
        var application = activity is null ? null : await support.FindAsync(scope, activity.ApplicationId, ct);
        if (line is null || application is null)
            return Refusal.NotFound("No budget line with this id in your scope.");
        if (!SupportWords.TryEntryKind(input.Kind, out var kind))
            return Refusal.Invalid("kind must be commitment or spending.", "kind");
        if (input.Amount <= 0)
            return Refusal.Invalid("amount is a positive number of VND.", "amount");
        var allowed = kind == BudgetEntryKind.Spending ? application.Stage == SupportStage.Supported
            : application.Stage is SupportStage.Selected or SupportStage.Supported;
        if (!allowed)
            return Refusal.Conflict(kind == BudgetEntryKind.Spending
                ? $"The application is {SupportWords.Of(application.Stage)}: money is spent only while it is supported."
                : $"The application is {SupportWords.Of(application.Stage)}: money is committed only once it is selected and until it is evaluated.", "stage");
        var overrideReason = string.IsNullOrWhiteSpace(input.OverrideReason) ? null : input.OverrideReason.Trim();
        if (overrideReason is { Length: > 2000 })
            return Refusal.Invalid("overrideReason is longer than 2000 characters.", "overrideReason");
        var after = (kind == BudgetEntryKind.Spending ? line.Spent : line.Committed) + input.Amount;
        if (after > line.Planned)
        {
            var what = kind == BudgetEntryKind.Spending ? "spent" : "committed";
            if (overrideReason is null)
                return Refusal.Conflict(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"This would take the line's {what} amount to {after:N0} VND, beyond the {line.Planned:N0} VND planned; an officer of the DoST may record an override with a reason."), "amount");
            if (ProgrammeChecks.MustApprove(scope, "overrides a budget line") is { } notDost)
                return notDost;
        }
        else
            overrideReason = null; // an override is recorded only when it was needed
        var entry = new BudgetEntry
        {
            BudgetLineId = line.Id, Kind = kind, Amount = input.Amount, Date = input.Date ?? VietnamTime.Today(clock),
            OverrideReason = overrideReason, RecordedBy = scope.Actor, CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        if (kind == BudgetEntryKind.Spending)
            line.Spent += input.Amount;
        else
            line.Committed += input.Amount;
        db.BudgetEntries.Add(entry);
        audit.Record(overrideReason is null ? "budget-line." + SupportWords.Of(kind) : "budget-line.override", nameof(BudgetLine), line.Id,
            new { amount = input.Amount, overrideReason, actor = scope.Actor }, application.OrganizationId);
        await db.SaveChangesAsync(ct);
        return Outcome<RecordId>.Done(new RecordId(entry.Id));
    }
}
