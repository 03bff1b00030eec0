using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace VnTrace.Server.Programme.Activities;

public sealed record ActivityCreated(Guid Id);

public sealed record AttendeesAdded(int Added);

public sealed record ActivityListItem(Guid Id, string Kind, string Title, DateOnly Date, Guid AgencyId, string Agency,
    string? Venue, bool Online, string? Outlet, int Attendees, int CivilServantAttendees);

public sealed record ActivityAttendeeItem(int Position, string Name, Guid? OrganizationId, string? Organization, bool CivilServant);

public sealed record ActivityItem(Guid Id, string Kind, string Title, DateOnly Date, Guid AgencyId, string Agency,
    string? Venue, bool Online, string? Audience, string? Outlet, string? Link, IReadOnlyList<ActivityAttendeeItem> Attendees);

/// <summary>
/// <c>/api/programme/activities</c>: trainings, awareness classes, conferences and articles, and their attendee
/// registers. Recording one moves the plan's indicators at once (they are counted at query time).
/// </summary>
public static class ActivitiesApi
{
    public static void Map(RouteGroupBuilder group)
    {
        var activities = group.MapGroup("/activities");
        activities.MapPost("/", Create)
            .WithSummary("Records an activity (training_course, awareness_class, conference, article) of the key's agency, with its attendees.")
            .Produces<ActivityCreated>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden);
        activities.MapGet("/", List)
            .WithSummary("The activities in the key's scope, newest first; filter by year and kind.")
            .Produces<ActivityListItem[]>().ProducesProblem(StatusCodes.Status400BadRequest);
        activities.MapGet("/{id:guid}", Get)
            .WithSummary("One activity with its attendee register.")
            .Produces<ActivityItem>().ProducesProblem(StatusCodes.Status404NotFound);
        activities.MapPost("/{id:guid}/attendees", AddAttendees)
            .WithSummary("Adds attendees to an activity's register: all of them, or none when one is wrong.")
            .Produces<AttendeesAdded>().ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        activities.MapPost("/{id:guid}/attendees/import", Import)
            .WithSummary("Imports an attendee register (.xlsx or CSV; columns Họ và tên / Name, Tổ chức / Organization, Mã số thuế / Tax code, Công chức / Civil servant). One broken row refuses the file; each is reported by row.")
            .Accepts<IFormFile>("multipart/form-data")
            .Produces<AttendeesAdded>().ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound)
            .DisableAntiforgery(); // an agency key, not a cookie, authenticates these calls
    }

    internal static async Task<Results<Created<ActivityCreated>, ProblemHttpResult>> Create(
        ActivityInput input, HttpContext http, ActivityService service, CancellationToken ct)
    {
        var (id, refusals) = await service.CreateAsync(http.ProgrammeScope(), input, ct);
        return id is { } created
            ? TypedResults.Created($"/api/programme/activities/{created}", new ActivityCreated(created))
            : ProgrammeProblems.Result(refusals);
    }

    internal static async Task<Results<Ok<List<ActivityListItem>>, ProblemHttpResult>> List(
        HttpContext http, ActivityService service, int? year, string? kind, CancellationToken ct)
    {
        ActivityKind? k = null;
        if (kind is not null && (k = ActivityKinds.Parse(kind)) is null)
            return ProgrammeProblems.Result(Refusal.Invalid("kind must be one of " + string.Join(", ", ActivityKinds.All.Select(a => a.Name)) + ".", "kind"));
        if (year is < 2000 or > 2100)
            return ProgrammeProblems.Result(Refusal.Invalid("year must be between 2000 and 2100.", "year"));
        var rows = await service.ListAsync(http.ProgrammeScope(), new ActivityFilter(year, k), ct);
        return TypedResults.Ok(rows.Select(a => new ActivityListItem(a.Id, ActivityKinds.Name(a.Kind), a.Title, a.Date, a.AgencyId,
            a.AgencyName, a.Venue, a.Online, a.Outlet, a.Attendees, a.CivilServants)).ToList());
    }

    internal static async Task<Results<Ok<ActivityItem>, ProblemHttpResult>> Get(Guid id, HttpContext http, ActivityService service, CancellationToken ct)
    {
        if (await service.GetAsync(http.ProgrammeScope(), id, ct) is not { } d)
            return ProgrammeProblems.Result(Refusal.NotFound("No such activity in your scope."));
        var s = d.Summary;
        return TypedResults.Ok(new ActivityItem(s.Id, ActivityKinds.Name(s.Kind), s.Title, s.Date, s.AgencyId, s.AgencyName, s.Venue,
            s.Online, d.Audience, s.Outlet, d.Link,
            [.. d.Attendees.Select(a => new ActivityAttendeeItem(a.Position, a.Name, a.OrganizationId, a.OrganizationName, a.CivilServant))]));
    }

    internal static async Task<Results<Ok<AttendeesAdded>, ProblemHttpResult>> AddAttendees(
        Guid id, AttendeeInput[] attendees, HttpContext http, ActivityService service, CancellationToken ct)
    {
        var (added, refusals) = await service.AddAttendeesAsync(http.ProgrammeScope(), id, attendees, null, ct);
        return refusals.Count > 0 ? ProgrammeProblems.Result(refusals) : TypedResults.Ok(new AttendeesAdded(added));
    }

    internal static async Task<Results<Ok<AttendeesAdded>, ProblemHttpResult>> Import(
        Guid id, IFormFile? file, HttpContext http, ActivityService service, AttendeeRegister register, CancellationToken ct)
    {
        if (file is null)
            return ProgrammeProblems.Result(Refusal.Invalid("Send the register as the multipart field \"file\".", "file"));
        var scope = http.ProgrammeScope();
        await using var stream = file.OpenReadStream();
        var read = await register.ReadAsync(stream, file.FileName, ct);
        if (read.Refusals.Count > 0)
        {
            // A missing activity is a 404 even when the file is broken as well.
            if (await service.GetAsync(scope, id, ct) is null)
                return ProgrammeProblems.Result(Refusal.NotFound("No such activity in your scope."));
            return ProgrammeProblems.Result(read.Refusals);
        }
        var (added, refusals) = await service.AddAttendeesAsync(scope, id, read.Attendees, read.Rows, ct);
        return refusals.Count > 0 ? ProgrammeProblems.Result(refusals) : TypedResults.Ok(new AttendeesAdded(added));
    }
}
