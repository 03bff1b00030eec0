using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using VnTrace.Server.Lots;
using VnTrace.Server.Platform.Data;
using VnTrace.Server.Identity;
using VnTrace.Server.Tests.Infrastructure;
using VnTrace.Server.Tests.Trace;

namespace VnTrace.Server.Tests.Lots;

/// <summary>A business's lot trace page: the whole chain it may see, drawn, and nothing only an unrelated business recorded.</summary>
public abstract class LotTracePageTests(AppFixture fixture)
{
    private VnTraceApp App => fixture.App;

    private async Task<(PageClient Pages, Guid LotId)> ProcessorWithBlendLotAsync(TraceChain chain)
    {
        var lot = await App.WithDbAsync(async db =>
        {
            var processor = await db.Organizations.SingleAsync(o => o.Gln == chain.Processor.Gln);
            var blend = new Lot { OrganizationId = processor.Id, Gtin = "08936014000106", LotNumber = "BLEND-" + chain.Run };
            db.Lots.Add(blend);
            await db.SaveChangesAsync();
            return blend;
        });
        return (await App.SignInAsync(await App.CreateUserAsync(lot.OrganizationId, Roles.BusinessStaff)), lot.Id);
    }

    [Fact]
    public async Task The_processor_sees_its_suppliers_and_customer_but_not_an_unrelated_claim()
    {
        var chain = await TraceChain.CaptureAsync(App);
        var (pages, lotId) = await ProcessorWithBlendLotAsync(chain);
        using var _ = pages;

        var html = await pages.GetPageAsync($"/workspace/lots/{lotId}/trace");

        Assert.Contains("<svg", html);
        Assert.Contains("FA-" + chain.Run, html);
        Assert.Contains("FB-" + chain.Run, html);
        Assert.Contains("trace-" + chain.Retailer.Gln, html);
        Assert.DoesNotContain("CX-" + chain.Run, html);
        Assert.DoesNotContain("trace-" + chain.Unrelated.Gln, html);
    }

    [Fact]
    public async Task Another_business_gets_404_for_the_lot_trace()
    {
        var chain = await TraceChain.CaptureAsync(App);
        var (owner, lotId) = await ProcessorWithBlendLotAsync(chain);
        owner.Dispose();
        var stranger = await App.CreateBusinessUserAsync("Người lạ " + chain.Run);
        using var pages = await App.SignInAsync(stranger);

        var response = await pages.GetAsync($"/workspace/lots/{lotId}/trace", followRedirects: false);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}

public sealed class SqliteLotTracePageTests(SqliteAppFixture fixture) : LotTracePageTests(fixture), IClassFixture<SqliteAppFixture>;

public sealed class PostgresLotTracePageTests(PostgresAppFixture fixture) : LotTracePageTests(fixture), IClassFixture<PostgresAppFixture>;
