using Microsoft.AspNetCore.Http.HttpResults;

namespace VnTrace.Server.Programme.Coverage;

/// <summary>GET /api/programme/coverage: how much of each approved list entry and high-risk group is traced.</summary>
public static class CoverageApi
{
    public static void Map(RouteGroupBuilder group)
    {
        group.MapGet("/coverage", Get)
            .WithSummary("Per approved list entry of the year and per high-risk group: products, businesses, lots, tracedLots, tracedPct and the gaps (product, lot, missing step or field, commune, sector), within the key's scope.")
            .Produces<CoverageReport>().ProducesProblem(StatusCodes.Status400BadRequest);
    }

    internal static async Task<Results<Ok<CoverageReport>, ProblemHttpResult>> Get(int? year, HttpContext http, CoverageService coverage, TimeProvider clock, CancellationToken ct)
    {
        var y = year ?? Platform.Text.VietnamTime.Today(clock).Year;
        if (!Lists.ProductListService.IsYear(y))
            return ProgrammeProblems.Result(Refusal.Invalid("year must be between 2020 and 2100.", "year"));
        return TypedResults.Ok(await coverage.ReportAsync(y, http.ProgrammeScope(), ct));
    }
}
