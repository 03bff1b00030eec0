using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using VnTrace.Gs1.Epcis;
using VnTrace.Server.Platform.Data;
using VnTrace.Server.Lookup.Scans;
using VnTrace.Server.Tests.Infrastructure;

namespace VnTrace.Server.Tests.Lookup;

/// <summary>Scans and the authenticity verdict: genuine, first scan, scanned before, never issued, copied label.</summary>
public abstract class ScanTests(LookupAppFixture fixture)
{
    private HttpClient Phone(string? agent = null, string? address = null)
    {
        var client = fixture.App.CreateClient();
        client.DefaultRequestHeaders.Accept.ParseAdd("text/html");
        client.DefaultRequestHeaders.UserAgent.ParseAdd(agent ?? "Mozilla/5.0 (Linux; Android 14; phone-" + Guid.NewGuid().ToString("N")[..8] + ") Mobile");
        if (address is not null)
            client.DefaultRequestHeaders.Add(TestRemoteAddress.Header, address);
        return client;
    }

    private static async Task<string> VerdictAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        var html = await response.Content.ReadAsStringAsync();
        var start = html.IndexOf("data-verdict=\"", StringComparison.Ordinal);
        Assert.True(start > 0, $"{path}: {(int)response.StatusCode} no verdict in {html}");
        start += "data-verdict=\"".Length;
        return html[start..html.IndexOf('"', start)];
    }

    private async Task<List<Scan>> ScansAsync(string identifier)
    {
        await fixture.App.Services.GetRequiredService<ScanRecorder>().DrainAsync(TimeSpan.FromSeconds(10));
        return await fixture.App.WithDbAsync(db => db.Scans.Where(s => s.Identifier == identifier).OrderBy(s => s.Id).ToListAsync());
    }

    private async Task AddScansAsync(string identifier, int count, Func<int, (double Lat, double Lon)?>? place = null)
    {
        await fixture.App.WithDbAsync(async db =>
        {
            var now = fixture.App.Clock.GetUtcNow().UtcDateTime;
            for (var i = 0; i < count; i++)
            {
                var at = place?.Invoke(i);
                db.Scans.Add(new Scan
                {
                    ScannedAt = now.AddMinutes(-5 - i),
                    Identifier = identifier,
                    UserAgentHash = $"{i:x16}",
                    Latitude = at?.Lat,
                    Longitude = at?.Lon,
                });
            }
            await db.SaveChangesAsync();
        });
    }

    [Fact]
    public async Task A_lot_code_is_genuine_and_every_view_is_counted_even_from_the_cache_without_personal_data()
    {
        var s = await LookupScenario.CreateAsync(fixture.App);
        var phone = Phone("Mozilla/5.0 (iPhone; CPU iPhone OS 18_0) Mobile/15E148");
        Assert.Equal("Genuine", await VerdictAsync(phone, s.RoastedLotPath));
        Assert.Equal("Genuine", await VerdictAsync(phone, s.RoastedLotPath)); // from the output cache
        Assert.Equal("Genuine", await VerdictAsync(Phone(), s.RoastedLotPath));

        var scans = await ScansAsync(s.RoastedLotId);
        Assert.Equal(3, scans.Count);
        Assert.All(scans, scan =>
        {
            Assert.Equal(s.Roasted.Gtin, scan.Gtin);
            Assert.Equal(s.RoastedLot, scan.LotNumber);
            Assert.Equal(s.Producer.Id, scan.OrganizationId);
            Assert.Matches("^[0-9a-f]{16}$", scan.UserAgentHash);
            Assert.Null(scan.Latitude);
        });
        Assert.Equal(scans[0].UserAgentHash, scans[1].UserAgentHash);
        Assert.NotEqual(scans[0].UserAgentHash, scans[2].UserAgentHash);
        // The table has no column for an address, a cookie or the agent itself.
        await using var scope = fixture.App.Services.CreateAsyncScope();
        var columns = scope.ServiceProvider.GetRequiredService<VnTraceDbContext>().Model.FindEntityType(typeof(Scan))!.GetProperties().Select(p => p.Name);
        Assert.Equal(["AddressHash", "Gtin", "Id", "Identifier", "Latitude", "Longitude", "LotNumber", "OrganizationId", "ScannedAt", "Serial", "UserAgentHash"],
            columns.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_serial_is_first_scanned_then_scanned_before_and_a_reload_is_not_another_person()
    {
        var s = await LookupScenario.CreateAsync(fixture.App);
        await s.IssueSerialsAsync("U-0001");
        var first = Phone();
        Assert.Equal("FirstScan", await VerdictAsync(first, s.Unit("U-0001")));
        await s.DrainScansAsync();
        Assert.Equal("FirstScan", await VerdictAsync(first, s.Unit("U-0001"))); // the same phone reloading
        await s.DrainScansAsync();
        var second = Phone();
        var html = await (await second.GetAsync(s.Unit("U-0001"))).Content.ReadAsStringAsync();
        Assert.Contains("data-verdict=\"ScannedBefore\"", html);
        Assert.Contains("đã được quét 1 lần trước đây", html);
        await s.DrainScansAsync();
        // Its Digital Link with the lot is the same unit.
        Assert.Equal("ScannedBefore", await VerdictAsync(Phone(), $"/01/{s.Roasted.Gtin}/10/{s.RoastedLot}/21/U-0001"));
    }

    [Fact]
    public async Task A_serial_scanned_one_time_before_says_time_and_more_scans_say_times_in_English()
    {
        var s = await LookupScenario.CreateAsync(fixture.App);
        await s.IssueSerialsAsync("U-0001");
        await VerdictAsync(Phone(), s.Unit("U-0001"));
        await s.DrainScansAsync();

        var once = await (await Phone().GetAsync(s.Unit("U-0001") + "?culture=en")).Content.ReadAsStringAsync();
        Assert.Contains("This code has been scanned 1 time before.", once);
        await s.DrainScansAsync();
        var onceInVietnamese = await (await Phone().GetAsync(s.Unit("U-0001"))).Content.ReadAsStringAsync();
        Assert.Contains("Mã này đã được quét 2 lần trước đây.", onceInVietnamese);
        await s.DrainScansAsync();
        var thrice = await (await Phone().GetAsync(s.Unit("U-0001") + "?culture=en")).Content.ReadAsStringAsync();
        Assert.Contains("This code has been scanned 3 times before.", thrice);
    }

    [Fact]
    public async Task A_serial_never_issued_is_a_warning_unless_events_name_it()
    {
        var s = await LookupScenario.CreateAsync(fixture.App);
        await s.IssueSerialsAsync("U-0001");
        Assert.Equal("NeverIssued", await VerdictAsync(Phone(), s.Unit("FAKE-999")));
        Assert.Contains("Cảnh báo: số sê-ri chưa từng được cấp", await (await Phone().GetAsync(s.Unit("FAKE-999"))).Content.ReadAsStringAsync());
        // A serial the business serialised in its own system shows up in its events.
        await s.CaptureAsync(s.Producer.Id, new EpcisEvent
        {
            Type = EpcisEventType.ObjectEvent,
            EventTime = new DateTimeOffset(2026, 10, 29, 15, 0, 0, TimeSpan.FromHours(7)),
            EventTimeZoneOffset = "+07:00",
            Action = EpcisAction.Add,
            BizStep = "urn:epcglobal:cbv:bizstep:commissioning",
            EpcList = [$"https://id.gs1.org/01/{s.Roasted.Gtin}/21/OWN-7"],
        });
        Assert.Equal("FirstScan", await VerdictAsync(Phone(), s.Unit("OWN-7")));
        // A product nobody registered: unknown, not "never issued".
        Assert.Equal("Unknown", await VerdictAsync(Phone(), "/01/09506000134352/21/X1"));
    }

    [Fact]
    public async Task A_serial_scanned_too_often_or_in_too_many_places_looks_copied()
    {
        var s = await LookupScenario.CreateAsync(fixture.App);
        await s.IssueSerialsAsync("OFTEN", "PLACES", "FEW");
        await AddScansAsync($"https://id.gs1.org/01/{s.Roasted.Gtin}/21/OFTEN", 20);
        Assert.Equal("Suspicious", await VerdictAsync(Phone(), s.Unit("OFTEN")));
        // Four towns in the window (cells of 0.1°): Buôn Ma Thuột, Pleiku, Nha Trang, Hà Nội.
        (double, double)[] towns = [(12.68, 108.04), (13.98, 108.00), (12.24, 109.19), (21.03, 105.85)];
        await AddScansAsync($"https://id.gs1.org/01/{s.Roasted.Gtin}/21/PLACES", 4, i => towns[i]);
        Assert.Equal("Suspicious", await VerdictAsync(Phone(), s.Unit("PLACES")));
        // Three scans in one town: scanned before, nothing more.
        await AddScansAsync($"https://id.gs1.org/01/{s.Roasted.Gtin}/21/FEW", 3, _ => (12.68, 108.04));
        var html = await (await Phone().GetAsync(s.Unit("FEW"))).Content.ReadAsStringAsync();
        Assert.Contains("data-verdict=\"ScannedBefore\"", html);
        Assert.Contains("3 lần", html);
    }

    [Fact]
    public async Task Many_scans_from_one_address_with_changing_browsers_and_places_do_not_make_a_serial_look_copied()
    {
        var s = await LookupScenario.CreateAsync(fixture.App);
        await s.IssueSerialsAsync("ONE-ADDRESS", "ONE-NETWORK");
        // A script on one address: 30 "phones" (more than the rule's 20 viewers), each sharing a position in another
        // town (more than its 3 places).
        (double, double)[] towns = [(12.68, 108.04), (13.98, 108.00), (12.24, 109.19), (21.03, 105.85), (10.78, 106.70)];
        for (var i = 0; i < 30; i++)
        {
            var script = Phone("Mozilla/5.0 (script " + i + ")", address: "203.0.113.7");
            Assert.NotEqual("Suspicious", await VerdictAsync(script, s.Unit("ONE-ADDRESS")));
            await s.DrainScansAsync();
            var (latitude, longitude) = towns[i % towns.Length];
            await script.PostAsJsonAsync("/lookup/scan-location", new { path = s.Unit("ONE-ADDRESS"), latitude, longitude });
        }
        var scans = await ScansAsync($"https://id.gs1.org/01/{s.Roasted.Gtin}/21/ONE-ADDRESS");
        Assert.Equal(30, scans.Count);
        Assert.Equal(towns.Length, scans.Where(x => x.Latitude is not null).Select(x => (x.Latitude, x.Longitude)).Distinct().Count());
        // To anyone else, that address is one person who looked before.
        var html = await (await Phone(address: "198.51.100.50").GetAsync(s.Unit("ONE-ADDRESS"))).Content.ReadAsStringAsync();
        Assert.Contains("data-verdict=\"ScannedBefore\"", html);
        Assert.Contains("đã được quét 1 lần trước đây", html);

        // IPv6: the addresses of one /64 (one subscriber line, which picks new ones at will) are one address too.
        for (var i = 1; i <= 25; i++)
            await Phone("Mozilla/5.0 (v6 script " + i + ")", address: $"2001:db8:1:2::{i:x}").GetAsync(s.Unit("ONE-NETWORK"));
        await s.DrainScansAsync();
        Assert.Equal("ScannedBefore", await VerdictAsync(Phone(address: "2001:db8:1:3::1"), s.Unit("ONE-NETWORK")));
        // Nor does the business's scan page list either serial as breaking the rule.
        Assert.Contains("data-stat=\"suspicious\">0<", await ProducerScanPageAsync(s));
    }

    private async Task<string> ProducerScanPageAsync(LookupScenario s)
    {
        using var owner = await fixture.App.SignInAsync(await fixture.App.CreateUserAsync(s.Producer.Id, VnTrace.Server.Identity.Roles.BusinessOwner));
        return WebUtility.HtmlDecode(await owner.GetPageAsync("/workspace/scans?days=7"));
    }

    [Fact]
    public async Task Scans_from_many_addresses_make_a_serial_look_copied()
    {
        var s = await LookupScenario.CreateAsync(fixture.App);
        await s.IssueSerialsAsync("MANY");
        // 20 viewers on 20 addresses, then a 21st: more than the rule's 20 in the window.
        for (var i = 1; i <= 20; i++)
            Assert.NotEqual("Suspicious", await VerdictAsync(Phone(address: $"198.51.100.{i}"), s.Unit("MANY")));
        await s.DrainScansAsync();
        Assert.Equal("Suspicious", await VerdictAsync(Phone(address: "198.51.100.21"), s.Unit("MANY")));
        await s.DrainScansAsync();
        var page = await ProducerScanPageAsync(s);
        Assert.Contains("data-stat=\"suspicious\">1<", page);
    }

    [Fact]
    public async Task The_address_is_stored_only_as_a_keyed_hash_that_changes_with_the_day()
    {
        var s = await LookupScenario.CreateAsync(fixture.App);
        await s.IssueSerialsAsync("PRIVATE");
        const string address = "203.0.113.99";
        var phone = Phone("Mozilla/5.0 (Linux; Android 14; private) Mobile", address);
        await phone.GetAsync(s.Unit("PRIVATE"));
        await phone.GetAsync(s.Unit("PRIVATE"));
        await s.DrainScansAsync();
        fixture.App.Clock.Advance(TimeSpan.FromDays(1)); // past midnight in Viet Nam: the day's key changes
        await phone.GetAsync(s.Unit("PRIVATE"));
        var identifier = $"https://id.gs1.org/01/{s.Roasted.Gtin}/21/PRIVATE";
        var scans = await ScansAsync(identifier);

        Assert.Equal(3, scans.Count);
        Assert.All(scans, x => Assert.Matches("^[0-9a-f]{16}$", x.AddressHash));
        Assert.Equal(scans[0].AddressHash, scans[1].AddressHash); // one address, one day: one viewer
        Assert.NotEqual(scans[1].AddressHash, scans[2].AddressHash); // the next day: unrelated
        // Nothing in the rows is the address, nor its plain (unkeyed, so reversible by trying all) SHA-256.
        var plain = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Net.IPAddress.Parse(address).GetAddressBytes()));
        var plainText = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(address)));
        foreach (var value in await RawValuesAsync(identifier))
        {
            Assert.DoesNotContain(address, value);
            Assert.DoesNotContain(value, new[] { plain[..16], plainText[..16] });
        }
        // The key lives outside the database, for the server's user alone.
        var keyFile = Path.Combine(fixture.App.DataDir, "keys", ScanAddresses.KeyFileName);
        Assert.True(File.Exists(keyFile));
        if (!OperatingSystem.IsWindows())
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(keyFile));
    }

    /// <summary>Every column of every scan row of <paramref name="identifier"/>, as the database holds it, as text.</summary>
    private async Task<List<string>> RawValuesAsync(string identifier)
    {
        await using var scope = fixture.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<VnTraceDbContext>();
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT * FROM scans WHERE \"Identifier\" = @id";
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@id";
        parameter.Value = identifier;
        command.Parameters.Add(parameter);
        var values = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            for (var i = 0; i < reader.FieldCount; i++)
                values.Add(Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture) ?? "");
        Assert.NotEmpty(values);
        return values;
    }

    [Fact]
    public async Task A_shared_position_is_rounded_to_a_kilometre_and_only_joins_this_browsers_scan()
    {
        var s = await LookupScenario.CreateAsync(fixture.App);
        await s.IssueSerialsAsync("GEO-1");
        const string agent = "Mozilla/5.0 (Linux; Android 14; geo) Mobile";
        var phone = Phone(agent);
        Assert.Contains("id=\"share-location\"", await (await phone.GetAsync(s.Unit("GEO-1"))).Content.ReadAsStringAsync());
        await s.DrainScansAsync();
        var posted = await phone.PostAsJsonAsync("/lookup/scan-location", new { path = s.Unit("GEO-1"), latitude = 12.687654, longitude = 108.043219 });
        Assert.Equal(HttpStatusCode.NoContent, posted.StatusCode);
        // Another browser cannot move this scan, nor make one up.
        await Phone().PostAsJsonAsync("/lookup/scan-location", new { path = s.Unit("GEO-1"), latitude = 21.0, longitude = 105.8 });
        await Phone().PostAsJsonAsync("/lookup/scan-location", new { path = s.Unit("GEO-2"), latitude = 21.0, longitude = 105.8 });
        var scans = await ScansAsync($"https://id.gs1.org/01/{s.Roasted.Gtin}/21/GEO-1");
        var scan = Assert.Single(scans);
        Assert.Equal(12.69, scan.Latitude);
        Assert.Equal(108.04, scan.Longitude);
        Assert.Empty(await ScansAsync($"https://id.gs1.org/01/{s.Roasted.Gtin}/21/GEO-2"));
        Assert.Equal(HttpStatusCode.BadRequest, (await phone.PostAsJsonAsync("/lookup/scan-location", new { path = "/nope", latitude = 1.0, longitude = 2.0 })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await phone.PostAsJsonAsync("/lookup/scan-location", new { path = s.Unit("GEO-1"), latitude = 91.0, longitude = 2.0 })).StatusCode);
    }

    [Fact]
    public void The_scan_copy_writes_every_column_but_the_generated_id()
    {
        using var scope = fixture.App.Services.CreateScope();
        var type = scope.ServiceProvider.GetRequiredService<VnTraceDbContext>().Model.FindEntityType(typeof(Scan))!;
        var store = Microsoft.EntityFrameworkCore.Metadata.StoreObjectIdentifier.Table("scans", type.GetSchema());
        Assert.Equal(type.GetProperties().Select(p => p.GetColumnName(store)!).Where(c => c != "Id").Order(StringComparer.Ordinal),
            ScanWriter.CopyColumns.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Robots_and_machines_are_not_counted()
    {
        var s = await LookupScenario.CreateAsync(fixture.App);
        await Phone("Googlebot/2.1 (+http://www.google.com/bot.html)").GetAsync(s.RoastedLotPath);
        await Phone("facebookexternalhit/1.1").GetAsync(s.RoastedLotPath);
        await fixture.App.CreateClient().GetAsync(s.RoastedLotPath + "?linkType=all");
        Assert.Empty(await ScansAsync(s.RoastedLotId));
    }
}

public sealed class SqliteScanTests(SqliteLookupFixture fixture) : ScanTests(fixture), IClassFixture<SqliteLookupFixture>;

public sealed class PostgresScanTests(PostgresLookupFixture fixture) : ScanTests(fixture), IClassFixture<PostgresLookupFixture>;
