using System.Net;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using VnTrace.Server.Organizations;
using VnTrace.Server.Platform.Data;
using VnTrace.Server.Demo;
using VnTrace.Server.Tests.Infrastructure;
using static VnTrace.Server.Tests.Infrastructure.EpcisHttp;

namespace VnTrace.Server.Tests.Demo;

/// <summary>The README's run command: a first start on an empty SQLite database seeds the demo and writes its key.</summary>
public sealed class DemoSeedTests(PostgresServer postgres)
{
    [Fact]
    public async Task First_start_seeds_the_demo_province_and_its_printed_key_reads_the_events()
    {
        await using var app = await VnTraceApp.StartAsync(DatabaseProvider.Sqlite, postgres, new() { ["VnTrace:SeedDemo"] = "true" });
        var keyFile = Path.Combine(app.DataDir, DemoSeeder.KeyFileName);
        Assert.True(File.Exists(keyFile), "the demo key file was not written");
        var key = (await File.ReadAllTextAsync(keyFile)).Trim();

        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        var events = await (await client.GetAsync("/events?perPage=100")).ReadEvents();
        Assert.Equal(4, events.Count); // the coffee cooperative's season: harvest, roast, pack, ship
        Assert.Contains(events, e => e!["type"]!.GetValue<string>() == "TransformationEvent");
        Assert.Single(await (await client.GetAsync("/events?EQ_bizStep=shipping")).ReadEvents());
    }

    [Fact]
    public async Task First_start_creates_the_demo_people_with_one_password_written_to_the_credentials_file()
    {
        await using var app = await VnTraceApp.StartAsync(DatabaseProvider.Sqlite, postgres, new() { ["VnTrace:SeedDemo"] = "true" });
        var file = Path.Combine(app.DataDir, DemoSeeder.CredentialsFileName);
        Assert.True(File.Exists(file), "the demo credentials file was not written");
        var lines = await File.ReadAllLinesAsync(file);
        var password = lines[1].Trim();
        Assert.Matches("^[a-z2-9]{4}(-[a-z2-9]{4}){3}$", password);
        foreach (var userName in new[] { "demo-officer", "demo-inspector", "demo-coffee", "demo-rice", "demo-durian", "demo-distributor" })
            Assert.Contains(lines, l => l.TrimStart().StartsWith(userName + " ", StringComparison.Ordinal));

        // The coffee cooperative's owner finds an approved business with its products, places and lots.
        using var owner = await SignInAsync(app, "demo-coffee", password);
        Assert.Contains("HTX Nông nghiệp Dịch vụ Ea Tu", await owner.GetPageAsync("/workspace"));
        var profile = await owner.GetPageAsync("/workspace/organization");
        Assert.Contains("data-prefix-in-use=\"8936012\"", profile);
        Assert.Contains("24163", profile);
        await app.WithDbAsync(async db =>
        {
            var coffee = await db.Organizations.SingleAsync(o => o.Name == "HTX Nông nghiệp Dịch vụ Ea Tu");
            Assert.Equal(2, await db.Products.CountAsync(p => p.OrganizationId == coffee.Id));
            Assert.Equal(2, await db.Locations.CountAsync(l => l.OrganizationId == coffee.Id));
            Assert.True(await db.Lots.AnyAsync(l => l.OrganizationId == coffee.Id && l.LotNumber == "RB2610-01"));
            Assert.False(await db.Organizations.AnyAsync(o => o.Status != OrganizationStatus.Approved));
        });

        // The officer reaches the authority's pages; the inspector too, read-only.
        using var officer = await SignInAsync(app, "demo-officer", password);
        Assert.Contains("handler=Decide", await officer.GetPageAsync("/authority/organizations?status="));
        using var inspector = await SignInAsync(app, "demo-inspector", password);
        Assert.DoesNotContain("handler=Decide", await inspector.GetPageAsync("/authority/organizations?status="));
    }

    private static async Task<PageClient> SignInAsync(VnTraceApp app, string userName, string password)
    {
        var pages = new PageClient(app);
        var response = await pages.SubmitFormAsync("/account/sign-in", new Dictionary<string, string> { ["Form.UserName"] = userName, ["Form.Password"] = password });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return pages;
    }

    [Fact]
    public async Task The_home_page_and_the_api_reference_are_served()
    {
        await using var app = await VnTraceApp.StartAsync(DatabaseProvider.Sqlite, postgres);
        var client = app.CreateClient();
        var home = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.Contains("VnTrace", await home.Content.ReadAsStringAsync());
        var openApi = await client.GetStringAsync("/openapi/v1.json");
        Assert.Contains("\"/capture\"", openApi);
        Assert.Contains("\"/events\"", openApi);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/scalar")).StatusCode);
        Assert.Equal("ok", await client.GetStringAsync("/health"));
    }
}
