using System.Net;
using VnTrace.Server.Tests.Infrastructure;

namespace VnTrace.Server.Tests.Exports;

/// <summary>
/// An export is complete or refused: past VnTrace:Exports:MaxRows (5 here) or a genealogy past the trace limits
/// (3 nodes here) the answer is a 413 problem that says how to narrow the scope, never a cut-off file.
/// </summary>
public abstract class ExportLimitsTests(ExportsFixture fixture)
{
    private const string Cte = "/api/exports/critical-tracking-events";

    [Fact]
    public async Task An_export_within_the_row_limit_is_answered()
    {
        var c = await ExportChain.CaptureAsync(fixture.App);
        var response = await c.FarmA.Client.GetAsync($"{Cte}?gtin={c.GtinA}&format=csv"); // 4 events, 4 rows
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("4", response.Headers.GetValues("X-Export-Rows").Single());
    }

    [Fact]
    public async Task More_events_than_the_row_limit_is_a_413_that_says_how_to_narrow_it()
    {
        var c = await ExportChain.CaptureAsync(fixture.App);
        // The authority sees 6 events of the product: both farms' harvests, the shipment, the receipt, the blend.
        var problem = await (await c.Authority.Client.GetAsync($"{Cte}?gtin={c.GtinA}")).AssertProblem(413, "QueryTooLargeException");
        Assert.Contains("more than 5 rows", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("from/to", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(5, problem["maxRows"]!.GetValue<int>());
    }

    [Fact]
    public async Task Rows_past_the_limit_are_refused_even_when_the_events_are_within_it()
    {
        var c = await ExportChain.CaptureAsync(fixture.App);
        // The processor sees 5 events in September, but its blend is two rows (input and output): 6 rows.
        var response = await c.Processor.Client.GetAsync($"{Cte}?from=2026-09-01T00:00:00Z&to=2026-10-01T00:00:00Z&format=csv");
        await response.AssertProblem(413, "QueryTooLargeException");
    }

    [Fact]
    public async Task A_genealogy_past_the_trace_limits_is_a_413_not_a_partial_export()
    {
        var c = await ExportChain.CaptureAsync(fixture.App);
        var problem = await (await c.Authority.Client.GetAsync($"{Cte}?lot={Uri.EscapeDataString(c.LotA)}&trace=forward"))
            .AssertProblem(413, "QueryTooLargeException");
        Assert.Contains("trace limits", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }
}

public sealed class SqliteExportLimitsTests(SqliteSmallExportsFixture fixture) : ExportLimitsTests(fixture), IClassFixture<SqliteSmallExportsFixture>;

public sealed class PostgresExportLimitsTests(PostgresSmallExportsFixture fixture) : ExportLimitsTests(fixture), IClassFixture<PostgresSmallExportsFixture>;
