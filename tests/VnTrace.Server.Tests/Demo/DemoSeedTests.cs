using System.Net;
using System.Net.Http.Headers;
using VnTrace.Server.Data;
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
