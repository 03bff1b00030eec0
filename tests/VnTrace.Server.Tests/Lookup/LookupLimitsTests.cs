using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using VnTrace.Server.Platform.Data;
using VnTrace.Server.Lookup.Scans;
using VnTrace.Server.Tests.Infrastructure;

namespace VnTrace.Server.Tests.Lookup;

/// <summary>A flood of views from one client address (the TestServer gives every request the same one): served, but counted only up to the limit.</summary>
public abstract class ScanFloodTests(LookupLimitsFixture fixture)
{
    [Fact]
    public async Task A_flood_of_views_is_served_but_counted_only_up_to_the_limit()
    {
        var s = await LookupScenario.CreateAsync(fixture.App);
        var client = fixture.App.CreateClient();
        client.DefaultRequestHeaders.Accept.ParseAdd("text/html");
        for (var i = 0; i < 12; i++)
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(s.RoastedLotPath)).StatusCode);
        await fixture.App.Services.GetRequiredService<ScanRecorder>().DrainAsync(TimeSpan.FromSeconds(10));
        var counted = await fixture.App.WithDbAsync(db => db.Scans.CountAsync(x => x.Identifier == s.RoastedLotId));
        Assert.InRange(counted, 1, 5);
    }
}

public sealed class SqliteScanFloodTests(SqliteLookupLimitsFixture fixture) : ScanFloodTests(fixture), IClassFixture<SqliteLookupLimitsFixture>;

public sealed class PostgresScanFloodTests(PostgresLookupLimitsFixture fixture) : ScanFloodTests(fixture), IClassFixture<PostgresLookupLimitsFixture>;

/// <summary>Work the cache cannot answer is refused with 429 beyond the limit, while cached pages keep answering.</summary>
public abstract class UncachedLimitTests(LookupLimitsFixture fixture)
{
    [Fact]
    public async Task Uncached_work_is_limited_while_cached_pages_keep_answering()
    {
        var s = await LookupScenario.CreateAsync(fixture.App);
        var client = fixture.App.CreateClient();
        client.DefaultRequestHeaders.Accept.ParseAdd("text/html");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(s.RoastedLotPath + "?warm=1")).StatusCode);
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 30; i++)
            statuses.Add((await client.GetAsync($"/01/09506000134352/10/FLOOD-{i}")).StatusCode);
        Assert.Contains(HttpStatusCode.TooManyRequests, statuses);
        Assert.DoesNotContain(statuses, c => (int)c >= 500);
        var limited = await client.GetAsync("/01/09506000134352/10/FLOOD-LAST");
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.True(limited.Headers.RetryAfter is not null);
        Assert.Contains("quá nhiều yêu cầu", await limited.Content.ReadAsStringAsync());
        // The page already in the cache is still served to everyone.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(s.RoastedLotPath + "?warm=1")).StatusCode);
    }
}

public sealed class SqliteUncachedLimitTests(SqliteLookupLimitsFixture fixture) : UncachedLimitTests(fixture), IClassFixture<SqliteLookupLimitsFixture>;

public sealed class PostgresUncachedLimitTests(PostgresLookupLimitsFixture fixture) : UncachedLimitTests(fixture), IClassFixture<PostgresLookupLimitsFixture>;

/// <summary>Problem reports are limited per client address and hour; showing the form is not.</summary>
public abstract class ReportLimitTests(LookupLimitsFixture fixture)
{
    [Fact]
    public async Task Reports_are_limited_per_hour_but_the_form_still_shows()
    {
        var s = await LookupScenario.CreateAsync(fixture.App);
        var path = "/lookup/report?code=" + Uri.EscapeDataString(s.RoastedLotPath);
        using var consumer = new PageClient(fixture.App);
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
            statuses.Add((await consumer.SubmitFormAsync(path, new Dictionary<string, string> { ["Form.Category"] = "Quality", ["Form.Message"] = $"Sản phẩm bị ẩm mốc, lần {i}" })).StatusCode);
        Assert.Equal([HttpStatusCode.Redirect, HttpStatusCode.Redirect, HttpStatusCode.TooManyRequests], statuses);
        Assert.Contains("Báo cáo vấn đề", await consumer.GetPageAsync(path));
    }
}

public sealed class SqliteReportLimitTests(SqliteLookupLimitsFixture fixture) : ReportLimitTests(fixture), IClassFixture<SqliteLookupLimitsFixture>;

public sealed class PostgresReportLimitTests(PostgresLookupLimitsFixture fixture) : ReportLimitTests(fixture), IClassFixture<PostgresLookupLimitsFixture>;
