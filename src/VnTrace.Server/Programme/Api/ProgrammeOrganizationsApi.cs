using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using VnTrace.Server.Organizations;
using VnTrace.Server.Platform.Data;
using VnTrace.Server.Programme.Agencies;

namespace VnTrace.Server.Programme;

/// <summary>One approved organization as another agency's system sees it.</summary>
public sealed record ProgrammeOrganization(Guid Id, string Name, string? TaxCode, string? CommuneCode, string? Sector);

/// <summary><c>GET /api/programme/organizations</c>: the approved businesses in the key's scope.</summary>
public static class ProgrammeOrganizationsApi
{
    public static void Map(RouteGroupBuilder group)
    {
        group.MapGet("/organizations", List)
            .WithSummary("The approved organizations in the agency key's scope (the whole province, a department's sectors, a commune).")
            .Produces<ProgrammeOrganization[]>().ProducesProblem(StatusCodes.Status401Unauthorized);
    }

    internal static async Task<Ok<List<ProgrammeOrganization>>> List(HttpContext http, VnTraceDbContext db, CancellationToken ct)
    {
        var scope = http.ProgrammeScope();
        var rows = await scope.Organizations(db.Organizations)
            .Where(o => o.Status == OrganizationStatus.Approved)
            .OrderBy(o => o.Name)
            .Select(o => new ProgrammeOrganization(o.Id, o.Name, o.TaxCode, o.CommuneCode, o.Sector))
            .ToListAsync(ct);
        return TypedResults.Ok(rows);
    }
}
