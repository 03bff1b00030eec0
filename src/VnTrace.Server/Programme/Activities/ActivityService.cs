using System.Globalization;
using Microsoft.EntityFrameworkCore;
using VnTrace.Server.Organizations;
using VnTrace.Server.Platform.Audit;
using VnTrace.Server.Platform.Data;
using VnTrace.Server.Platform.Text;
using VnTrace.Server.Programme.Agencies;

namespace VnTrace.Server.Programme.Activities;

/// <summary>One attendee as the API and the register import give it.</summary>
public sealed record AttendeeInput(string? Name, Guid? OrganizationId = null, bool CivilServant = false, string? OrganizationName = null);

/// <summary>
/// An activity to record. <see cref="Kind"/> and <see cref="Date"/> are text so that a wrong one is refused by
/// name ("date" must be yyyy-MM-dd) rather than failing the whole body.
/// </summary>
public sealed record ActivityInput(
    string? Kind,
    string? Title,
    string? Date,
    IReadOnlyList<AttendeeInput>? Attendees = null,
    Guid? AgencyId = null,
    string? Venue = null,
    bool Online = false,
    string? Audience = null,
    string? Outlet = null,
    string? Link = null);

public sealed record ActivitySummary(Guid Id, ActivityKind Kind, string Title, DateOnly Date, Guid AgencyId, string AgencyName,
    string? Venue, bool Online, string? Outlet, int Attendees, int CivilServants);

public sealed record AttendeeView(int Position, string Name, Guid? OrganizationId, string? OrganizationName, bool CivilServant);

public sealed record ActivityDetails(ActivitySummary Summary, string? Audience, string? Link, string RecordedBy,
    IReadOnlyList<AttendeeView> Attendees, IReadOnlyList<ActivityMaterial> Materials, bool CanEdit);

/// <summary>What the activity list filters on.</summary>
public sealed record ActivityFilter(int? Year = null, ActivityKind? Kind = null, string? Search = null, Guid? AgencyId = null);

/// <summary>
/// Records and reads the programme's activities. Officers record for their own agency (the DoST for any agency);
/// an inspector reads only. Everyone reads the activities in their scope (<see cref="InScope"/>).
/// </summary>
public sealed class ActivityService(VnTraceDbContext db, AuditTrail audit, TimeProvider clock)
{
    public const int MaxAttendees = 5_000;

    public async Task<(Guid? Id, IReadOnlyList<Refusal> Refusals)> CreateAsync(OfficerScope scope, ActivityInput input, CancellationToken ct)
    {
        if (!scope.CanRecord)
            return (null, [Refusal.Forbidden("An inspector reads the programme's activities but does not record them.")]);
        var agencyId = input.AgencyId ?? scope.AgencyId;
        if (agencyId != scope.AgencyId && !scope.IsProvince)
            return (null, [Refusal.Forbidden("A department or commune records the activities of its own agency only; the DoST records for any agency.")]);

        var attendees = input.Attendees ?? [];
        var (fields, refusals) = await CheckAsync(scope, input, agencyId, ct);
        if (fields?.Kind == ActivityKind.Article && attendees.Count > 0)
            refusals.Add(Refusal.Invalid("An article has no attendee register.", "attendees"));
        refusals.AddRange(await CheckAttendeesAsync(attendees, ct));
        if (refusals.Count > 0)
            return (null, refusals);

        var activity = new ProgrammeActivity
        {
            Title = fields!.Title,
            RecordedBy = scope.Actor,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        fields.ApplyTo(activity);
        activity.Attendees.AddRange(ToRows(activity.Id, attendees, 1));
        db.ProgrammeActivities.Add(activity);
        audit.Record("programme-activity.create", nameof(ProgrammeActivity), activity.Id,
            new { kind = ActivityKinds.Name(activity.Kind), activity.Title, activity.Date, attendees = attendees.Count });
        await db.SaveChangesAsync(ct);
        return (activity.Id, []);
    }

    /// <summary>
    /// Corrects an activity (its register is kept; <see cref="ActivityInput.Attendees"/> is ignored). The organising
    /// agency's officers, or the DoST, edit it; only the DoST moves it to another agency. A course, class or
    /// conference with attendees cannot become an article, which has no register.
    /// </summary>
    public async Task<IReadOnlyList<Refusal>> UpdateAsync(OfficerScope scope, Guid id, ActivityInput input, CancellationToken ct)
    {
        var activity = await InScope(db.ProgrammeActivities, scope).FirstOrDefaultAsync(a => a.Id == id, ct);
        if (activity is null)
            return [Refusal.NotFound("No such activity in your scope.")];
        if (!CanEdit(scope, activity))
            return [Refusal.Forbidden("Only the organising agency (or the DoST) edits an activity.")];
        var agencyId = input.AgencyId ?? activity.AgencyId;
        if (agencyId != activity.AgencyId && !scope.IsProvince)
            return [Refusal.Forbidden("A department or commune records the activities of its own agency only; the DoST records for any agency.")];

        var (fields, refusals) = await CheckAsync(scope, input, agencyId, ct);
        if (fields?.Kind == ActivityKind.Article && await db.ActivityAttendees.AnyAsync(a => a.ActivityId == id, ct))
            refusals.Add(Refusal.Invalid("An article has no attendee register: remove the attendees before making this an article.", "kind"));
        if (refusals.Count > 0)
            return refusals;
        fields!.ApplyTo(activity);
        activity.Title = fields.Title;
        audit.Record("programme-activity.update", nameof(ProgrammeActivity), activity.Id,
            new { kind = ActivityKinds.Name(activity.Kind), activity.Title, activity.Date, activity.AgencyId });
        await db.SaveChangesAsync(ct);
        return [];
    }

    /// <summary>Takes one line off an activity's register (by its place); the others keep theirs.</summary>
    public async Task<Refusal?> RemoveAttendeeAsync(OfficerScope scope, Guid activityId, int position, CancellationToken ct)
    {
        var activity = await InScope(db.ProgrammeActivities, scope).FirstOrDefaultAsync(a => a.Id == activityId, ct);
        if (activity is null)
            return Refusal.NotFound("No such activity in your scope.");
        if (!CanEdit(scope, activity))
            return Refusal.Forbidden("Only the organising agency (or the DoST) changes an activity's register.");
        var attendee = await db.ActivityAttendees.FirstOrDefaultAsync(a => a.ActivityId == activityId && a.Position == position, ct);
        if (attendee is null)
            return Refusal.NotFound($"The register has no line {position}.");
        db.ActivityAttendees.Remove(attendee);
        audit.Record("programme-activity.attendee-removed", nameof(ProgrammeActivity), activityId, new { position, attendee.Name });
        await db.SaveChangesAsync(ct);
        return null;
    }

    /// <summary>
    /// A material of an activity in the officer's scope, with its content. Files belong to the uploading officer's
    /// organization; the activity's scope, not the file's tenant, decides who reads it.
    /// </summary>
    public async Task<Platform.Files.StoredFile?> MaterialAsync(OfficerScope scope, Guid activityId, Guid materialId, CancellationToken ct)
    {
        if (!await InScope(db.ProgrammeActivities, scope).AnyAsync(a => a.Id == activityId, ct))
            return null;
        var fileId = await db.ActivityMaterials.Where(m => m.Id == materialId && m.ActivityId == activityId).Select(m => (Guid?)m.FileId).FirstOrDefaultAsync(ct);
        return fileId is null ? null : await db.Files.IgnoreTenantFilter("an activity's materials are read by the officers who read the activity")
            .AsNoTracking().FirstOrDefaultAsync(f => f.Id == fileId, ct);
    }

    /// <summary>The checked fields of an activity (everything but its register).</summary>
    private sealed record ActivityFields(ActivityKind Kind, string Title, DateOnly Date, Guid AgencyId, string? Venue, bool Online,
        string? Audience, string? Outlet, string? Link)
    {
        public void ApplyTo(ProgrammeActivity a)
        {
            (a.Kind, a.Title, a.Date, a.AgencyId) = (Kind, Title, Date, AgencyId);
            // An article has no venue or audience, and a class no outlet: what the other kind's form left is dropped.
            var article = Kind == ActivityKind.Article;
            a.Venue = article ? null : Venue;
            a.Online = !article && Online;
            a.Audience = article ? null : Audience;
            a.Outlet = article ? Outlet : null;
            a.Link = Link;
        }
    }

    private async Task<(ActivityFields? Fields, List<Refusal> Refusals)> CheckAsync(OfficerScope scope, ActivityInput input, Guid agencyId, CancellationToken ct)
    {
        var refusals = new List<Refusal>();
        var kind = ActivityKinds.Parse(input.Kind);
        if (kind is null)
            refusals.Add(Refusal.Invalid($"kind must be one of {string.Join(", ", ActivityKinds.All.Select(k => k.Name))}.", "kind"));
        var title = input.Title?.Trim();
        if (string.IsNullOrEmpty(title))
            refusals.Add(Refusal.Invalid("The title is required.", "title"));
        else if (title.Length > 500)
            refusals.Add(Refusal.Invalid("The title is longer than 500 characters.", "title"));
        var date = ReadDate(input.Date, refusals);
        var link = input.Link?.Trim();
        if (!string.IsNullOrEmpty(link) && !(Uri.TryCreate(link, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"))
            refusals.Add(Refusal.Invalid("The link must be a web address starting with http:// or https://.", "link"));
        else if (link?.Length > 1000)
            refusals.Add(Refusal.Invalid("The link is longer than 1000 characters.", "link"));
        if (agencyId != scope.AgencyId && !await db.Agencies.AnyAsync(a => a.Id == agencyId, ct))
            refusals.Add(Refusal.Invalid("No such agency.", "agencyId"));
        if (refusals.Count > 0)
            return (null, refusals);
        return (new ActivityFields(kind!.Value, title!, date!.Value, agencyId, Clean(input.Venue, 300), input.Online, Clean(input.Audience, 300),
            Clean(input.Outlet, 200), string.IsNullOrEmpty(link) ? null : link), refusals);
    }

    /// <summary>
    /// Adds a register's lines to an activity, all of them or none: one bad line refuses the whole file, each
    /// refusal naming its spreadsheet row.
    /// </summary>
    public async Task<(int Added, IReadOnlyList<Refusal> Refusals)> AddAttendeesAsync(OfficerScope scope, Guid activityId,
        IReadOnlyList<AttendeeInput> attendees, IReadOnlyList<int>? rows, CancellationToken ct)
    {
        var activity = await InScope(db.ProgrammeActivities, scope).FirstOrDefaultAsync(a => a.Id == activityId, ct);
        if (activity is null)
            return (0, [Refusal.NotFound("No such activity in your scope.")]);
        if (!CanEdit(scope, activity))
            return (0, [Refusal.Forbidden("Only the organising agency (or the DoST) adds to an activity's register.")]);
        if (!ActivityKinds.HasAttendees(activity.Kind))
            return (0, [Refusal.Invalid("An article has no attendee register.", "attendees")]);
        var refusals = await CheckAttendeesAsync(attendees, ct, rows);
        if (refusals.Count > 0)
            return (0, refusals);
        var last = await db.ActivityAttendees.Where(a => a.ActivityId == activityId).MaxAsync(a => (int?)a.Position, ct) ?? 0;
        db.ActivityAttendees.AddRange(ToRows(activityId, attendees, last + 1));
        audit.Record("programme-activity.attendees", nameof(ProgrammeActivity), activityId, new { added = attendees.Count });
        await db.SaveChangesAsync(ct);
        return (attendees.Count, []);
    }

    /// <summary>Keeps an uploaded material (already added to the unit of work by the file store) with the activity.</summary>
    public async Task<Refusal?> AddMaterialAsync(OfficerScope scope, Guid activityId, Platform.Files.StoredFile file, CancellationToken ct)
    {
        var activity = await InScope(db.ProgrammeActivities, scope).FirstOrDefaultAsync(a => a.Id == activityId, ct);
        if (activity is null)
            return Refusal.NotFound("No such activity in your scope.");
        if (!CanEdit(scope, activity))
            return Refusal.Forbidden("Only the organising agency (or the DoST) adds materials to an activity.");
        db.ActivityMaterials.Add(new ActivityMaterial { ActivityId = activityId, FileId = file.Id, FileName = file.FileName });
        await db.SaveChangesAsync(ct);
        return null;
    }

    public async Task<IReadOnlyList<ActivitySummary>> ListAsync(OfficerScope scope, ActivityFilter filter, CancellationToken ct)
    {
        var query = InScope(db.ProgrammeActivities, scope);
        if (filter.Year is { } year)
        {
            var (from, to) = (new DateOnly(year, 1, 1), new DateOnly(year + 1, 1, 1));
            query = query.Where(a => a.Date >= from && a.Date < to);
        }
        if (filter.Kind is { } kind)
            query = query.Where(a => a.Kind == kind);
        if (filter.AgencyId is { } agencyId)
            query = query.Where(a => a.AgencyId == agencyId);
        if (!string.IsNullOrWhiteSpace(filter.Search))
        {
            var q = filter.Search.Trim().ToLower();
            query = query.Where(a => a.Title.ToLower().Contains(q) || (a.Venue != null && a.Venue.ToLower().Contains(q))
                || (a.Outlet != null && a.Outlet.ToLower().Contains(q)) || (a.Audience != null && a.Audience.ToLower().Contains(q)));
        }
        return await Summaries(query.OrderByDescending(a => a.Date).ThenBy(a => a.Title)).ToListAsync(ct);
    }

    public async Task<ActivityDetails?> GetAsync(OfficerScope scope, Guid id, CancellationToken ct)
    {
        var activity = await InScope(db.ProgrammeActivities, scope).Where(a => a.Id == id).FirstOrDefaultAsync(ct);
        if (activity is null)
            return null;
        var summary = await Summaries(db.ProgrammeActivities.Where(a => a.Id == id)).FirstAsync(ct);
        var attendees = await db.ActivityAttendees.Where(a => a.ActivityId == id).OrderBy(a => a.Position)
            .Select(a => new AttendeeView(a.Position, a.Name, a.OrganizationId,
                a.OrganizationId == null ? a.OrganizationName : db.Organizations.Where(o => o.Id == a.OrganizationId).Select(o => o.Name).FirstOrDefault(),
                a.CivilServant))
            .ToListAsync(ct);
        var materials = await db.ActivityMaterials.Where(m => m.ActivityId == id).OrderBy(m => m.FileName).ToListAsync(ct);
        return new ActivityDetails(summary, activity.Audience, activity.Link, activity.RecordedBy, attendees, materials, CanEdit(scope, activity));
    }

    /// <summary>
    /// The activities an officer reads: the whole province's for the DoST; otherwise those its agency organised
    /// and those attended by someone from a business in its sectors or commune.
    /// </summary>
    public IQueryable<ProgrammeActivity> InScope(IQueryable<ProgrammeActivity> activities, OfficerScope scope)
    {
        if (scope.IsProvince)
            return activities;
        var agencyId = scope.AgencyId;
        var organizations = scope.Organizations(db.Organizations).Select(o => (Guid?)o.Id);
        return activities.Where(a => a.AgencyId == agencyId || a.Attendees.Any(t => organizations.Contains(t.OrganizationId)));
    }

    public static bool CanEdit(OfficerScope scope, ProgrammeActivity activity) =>
        scope.CanRecord && (scope.IsProvince || activity.AgencyId == scope.AgencyId);

    private IQueryable<ActivitySummary> Summaries(IQueryable<ProgrammeActivity> query) =>
        query.Select(a => new ActivitySummary(a.Id, a.Kind, a.Title, a.Date, a.AgencyId,
            db.Agencies.Where(g => g.Id == a.AgencyId).Select(g => g.Name).FirstOrDefault() ?? "",
            a.Venue, a.Online, a.Outlet, a.Attendees.Count, a.Attendees.Count(t => t.CivilServant)));

    private DateOnly? ReadDate(string? text, List<Refusal> refusals)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            refusals.Add(Refusal.Invalid("The date is required (yyyy-MM-dd).", "date"));
            return null;
        }
        if (!DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            refusals.Add(Refusal.Invalid($"\"{text}\" is not a date; write it as yyyy-MM-dd.", "date"));
            return null;
        }
        if (date.Year < 2000)
        {
            refusals.Add(Refusal.Invalid("The date is before 2000.", "date"));
            return null;
        }
        // An activity is recorded once it has taken place; what is planned belongs in the plan.
        if (date > VietnamTime.Today(clock))
        {
            refusals.Add(Refusal.Invalid($"{date:yyyy-MM-dd} is in the future: record an activity once it has taken place.", "date"));
            return null;
        }
        return date;
    }

    /// <param name="rows">The spreadsheet row of each attendee, when they come from a file; else their 1-based place.</param>
    private async Task<List<Refusal>> CheckAttendeesAsync(IReadOnlyList<AttendeeInput> attendees, CancellationToken ct, IReadOnlyList<int>? rows = null)
    {
        var refusals = new List<Refusal>();
        if (attendees.Count > MaxAttendees)
        {
            refusals.Add(Refusal.Invalid($"A register holds at most {MaxAttendees:N0} attendees.", "attendees"));
            return refusals;
        }
        var ids = attendees.Where(a => a.OrganizationId is not null).Select(a => a.OrganizationId!.Value).Distinct().ToList();
        var known = ids.Count == 0 ? [] : await db.Organizations
            .Where(o => ids.Contains(o.Id) && o.Kind == OrganizationKind.Business).Select(o => o.Id).ToListAsync(ct);
        for (var i = 0; i < attendees.Count; i++)
        {
            var a = attendees[i];
            var row = rows?[i] ?? i + 1;
            var field = rows is null ? $"attendees[{i}]" : "file";
            if (string.IsNullOrWhiteSpace(a.Name))
                refusals.Add(new Refusal(RefusalKind.Invalid, "The attendee's name is empty.", field + (rows is null ? ".name" : ""), row));
            else if (a.Name.Trim().Length > 200)
                refusals.Add(new Refusal(RefusalKind.Invalid, "The attendee's name is longer than 200 characters.", field + (rows is null ? ".name" : ""), row));
            if (a.OrganizationId is { } org && !known.Contains(org))
                refusals.Add(new Refusal(RefusalKind.Invalid, $"No registered business has the id {org}.", field + (rows is null ? ".organizationId" : ""), row));
        }
        return refusals;
    }

    private static IEnumerable<ActivityAttendee> ToRows(Guid activityId, IReadOnlyList<AttendeeInput> attendees, int first) =>
        attendees.Select((a, i) => new ActivityAttendee
        {
            ActivityId = activityId,
            Position = first + i,
            Name = a.Name!.Trim(),
            OrganizationId = a.OrganizationId,
            OrganizationName = a.OrganizationId is null ? Clean(a.OrganizationName, 300) : null,
            CivilServant = a.CivilServant,
        });

    private static string? Clean(string? text, int max)
    {
        var t = text?.Trim();
        return string.IsNullOrEmpty(t) ? null : t.Length > max ? t[..max] : t;
    }
}
