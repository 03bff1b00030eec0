using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using VnTrace.Gs1.Epcis;
using VnTrace.Gs1.Identifiers;
using VnTrace.Server.Labels;
using VnTrace.Server.Lots;
using VnTrace.Server.Platform.Data;
using VnTrace.Server.Tests.Infrastructure;
using static VnTrace.Server.Tests.Infrastructure.EpcisHttp;

namespace VnTrace.Server.Tests.Labels;

/// <summary>
/// Label sheets are made a few at a time (issue 12): with one sheet being made and no room in the queue, the next
/// request is refused at once with 503 and Retry-After — a readable page for a person, problem+json for a program —
/// and served once the sheet in progress is done.
/// </summary>
public sealed class LabelSheetLimiterTests(PostgresServer postgres) : IAsyncLifetime
{
    private VnTraceApp app = null!;

    public async ValueTask InitializeAsync() => app = await VnTraceApp.StartAsync(DatabaseProvider.Sqlite, postgres, new()
    {
        ["VnTrace:Labels:ConcurrentSheets"] = "1",
        ["VnTrace:Labels:QueuedSheets"] = "0",
    });

    public async ValueTask DisposeAsync() => await app.DisposeAsync();

    [Fact]
    public async Task A_sheet_asked_for_while_the_limit_is_reached_is_refused_with_503_and_retry_after()
    {
        var owner = await app.CreateBusinessUserAsync("HTX In tem " + Guid.NewGuid().ToString("N")[..6]);
        var batchId = await CreateLotBatchAsync(owner.OrganizationId!.Value);
        using var pages = await app.SignInAsync(owner);
        var pdf = $"/workspace/labels/{batchId}/labels.pdf";
        var limiter = app.Services.GetRequiredService<LabelSheetLimiter>();

        using (var inProgress = await limiter.AcquireAsync(TestContext.Current.CancellationToken))
        {
            Assert.True(inProgress.IsAcquired);

            using var page = new HttpRequestMessage(HttpMethod.Get, pdf);
            page.Headers.Accept.ParseAdd("text/html,application/xhtml+xml");
            using var busyPage = await pages.Http.SendAsync(page);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, busyPage.StatusCode);
            Assert.Equal(TimeSpan.FromSeconds(LabelSheetLimiter.RetryAfterSeconds), busyPage.Headers.RetryAfter?.Delta);
            Assert.Equal("text/html", busyPage.Content.Headers.ContentType?.MediaType);
            var html = await busyPage.Content.ReadAsStringAsync();
            Assert.Contains("Máy chủ đang tạo nhiều tờ tem cùng lúc", html);
            Assert.Contains($"href=\"/workspace/labels/{batchId}\"", html);

            using var program = new HttpRequestMessage(HttpMethod.Get, pdf);
            program.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
            using var busyProblem = await pages.Http.SendAsync(program);
            await busyProblem.AssertProblem(503, EpcisExceptionType.Implementation);
            Assert.NotNull(busyProblem.Headers.RetryAfter);
        }

        using var served = await pages.GetAsync(pdf);
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.Equal("application/pdf", served.Content.Headers.ContentType?.MediaType);
        // The lease of a finished sheet is given back: the next one is served too.
        using var again = await pages.GetAsync(pdf);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
    }

    private async Task<Guid> CreateLotBatchAsync(Guid organizationId)
    {
        return await app.WithDbAsync(async db =>
        {
            var digits = "893" + Random.Shared.NextInt64(0, 1_000_000_000).ToString("D9");
            var lot = new Lot { OrganizationId = organizationId, Gtin = "0" + digits + Gs1CheckDigit.ComputeChar(digits), LotNumber = "TEM-1", Origin = LotOrigin.Produced };
            db.Lots.Add(lot);
            var batch = new LabelBatch { OrganizationId = organizationId, LotId = lot.Id, Kind = LabelBatchKind.Lot, Count = 3, Layout = "a4-3x7" };
            db.LabelBatches.Add(batch);
            await db.SaveChangesAsync();
            return batch.Id;
        });
    }
}
