using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using VnTrace.Gs1.Epcis.Cbv;
using VnTrace.Server.Identity;
using VnTrace.Server.Labels;
using VnTrace.Server.Tests.Infrastructure;
using VnTrace.Server.Certificates;
using VnTrace.Server.Lots;
using VnTrace.Server.Organizations;
using VnTrace.Server.Tests.Certificates;
using VnTrace.Server.Workspace;
using static VnTrace.Server.Tests.Infrastructure.EpcisHttp;

namespace VnTrace.Server.Tests.Workspace.Dashboard;

/// <summary>The business dashboard shows the business's own figures, lots, events and certificate warnings, and nobody else's.</summary>
public abstract class DashboardTests(AppFixture fixture)
{
    private VnTraceApp App => fixture.App;

    private static string Count(string html, string name)
    {
        var marker = $"data-count=\"{name}\">";
        var at = html.IndexOf(marker, StringComparison.Ordinal);
        Assert.True(at >= 0, $"no count {name} on the dashboard");
        var start = at + marker.Length;
        return html[start..html.IndexOf('<', start)];
    }

    /// <summary>Lots, label batches (with serials), products, locations and certificates of one business.</summary>
    private async Task<(Lot InProgress1, Lot InProgress2, Lot Closed)> SeedAsync(Guid org, int products, int labelCopies, int serials, string certificatePrefix)
    {
        var today = CertificateTestData.Today;
        var first = await App.AddProductAsync(org, certificatePrefix + " sản phẩm 1");
        for (var i = 2; i <= products; i++)
            await App.AddProductAsync(org, $"{certificatePrefix} sản phẩm {i}");
        await App.AddProductAsync(org, certificatePrefix + " sản phẩm cũ", archived: true);
        var farm = await App.AddLocationAsync(org, certificatePrefix + " trang trại");
        var lot1 = await App.AddLotAsync(org, first, farm.Id, lotNumber: certificatePrefix + "L1");
        var lot2 = await App.AddLotAsync(org, first, null, lotNumber: certificatePrefix + "L2");
        var closed = await App.AddLotAsync(org, first, farm.Id, LotStatus.Closed, lotNumber: certificatePrefix + "L3");
        await App.WithDbAsync(async db =>
        {
            db.LabelBatches.Add(new LabelBatch { OrganizationId = org, LotId = lot1.Id, Kind = LabelBatchKind.Lot, Count = labelCopies });
            var serialBatch = new LabelBatch { OrganizationId = org, LotId = lot2.Id, Kind = LabelBatchKind.Serial, Count = serials };
            db.LabelBatches.Add(serialBatch);
            for (var i = 0; i < serials; i++)
                db.IssuedSerials.Add(new IssuedSerial { BatchId = serialBatch.Id, Gtin = lot2.Gtin, LotNumber = lot2.LotNumber, Serial = $"{certificatePrefix}{i}" });
            await db.SaveChangesAsync();
        });
        await App.AddCertificateAsync(org, certificatePrefix + "-EXPIRING", today.AddYears(-2), today.AddDays(10));
        await App.AddCertificateAsync(org, certificatePrefix + "-EXPIRED", today.AddYears(-3), today.AddDays(-5), CertificateKind.Haccp);
        await App.AddCertificateAsync(org, certificatePrefix + "-FINE", today.AddYears(-1), today.AddYears(2), CertificateKind.Organic);
        await App.AddCertificateAsync(org, certificatePrefix + "-ARCHIVED", today.AddYears(-3), today.AddDays(-5), archived: true);
        return (lot1, lot2, closed);
    }

    [Fact]
    public async Task Dashboard_flags_expiring_and_expired_certificates_and_counts_only_the_business_own_data()
    {
        var a = await App.CreateBusinessUserAsync("HTX Dashboard A");
        var b = await App.CreateBusinessUserAsync("HTX Dashboard B");
        var prefixA = "A" + Guid.NewGuid().ToString("N")[..6];
        var prefixB = "B" + Guid.NewGuid().ToString("N")[..6];
        var (lot1, lot2, closed) = await SeedAsync(a.OrganizationId!.Value, products: 2, labelCopies: 100, serials: 3, prefixA);
        var (lotB, _, _) = await SeedAsync(b.OrganizationId!.Value, products: 5, labelCopies: 900, serials: 7, prefixB);

        using var pages = await App.SignInAsync(a);
        var html = await pages.GetPageAsync("/workspace");

        Assert.Contains("HTX Dashboard A", html);
        Assert.Equal("2", Count(html, "products"));
        Assert.Equal("1", Count(html, "locations"));
        Assert.Equal("2", Count(html, "lots-in-progress"));
        Assert.Equal("3", Count(html, "certificates"));
        Assert.Equal("103", Count(html, "labels"));
        Assert.Equal("3", Count(html, "serials"));

        Assert.Contains($"/workspace/lots/{lot1.Id}", html);
        Assert.Contains($"/workspace/lots/{lot2.Id}", html);
        Assert.DoesNotContain($"/workspace/lots/{closed.Id}", html);
        Assert.DoesNotContain($"/workspace/lots/{lotB.Id}", html);

        Assert.Contains("2 chứng nhận đã hết hạn hoặc sẽ hết hạn trong 30 ngày.", html);
        Assert.Matches($"{prefixA}-EXPIRING</a>[\\s\\S]*?data-state=\"Expiring\"", html);
        Assert.Matches($"{prefixA}-EXPIRED</a>[\\s\\S]*?data-state=\"Expired\"", html);
        Assert.DoesNotContain(prefixA + "-FINE", html);
        Assert.DoesNotContain(prefixA + "-ARCHIVED", html);
        Assert.DoesNotContain(prefixB, html);
    }

    [Fact]
    public async Task Dashboard_lists_the_business_recent_events_with_steps_in_words_and_its_own_place_names()
    {
        var a = await App.CreateBusinessUserAsync("HTX Sự kiện A");
        var org = a.OrganizationId!.Value;
        var farm = await App.AddLocationAsync(org, "Kho lạnh Buôn Ma Thuột");
        string key;
        await using (var scope = App.Services.CreateAsyncScope())
            key = await scope.ServiceProvider.GetRequiredService<ApiKeyService>().CreateAsync(org, "dashboard test");
        using var client = App.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        var captured = await client.PostJsonLd("/capture", Document(
            ObjectEvent(epc: "https://id.gs1.org/01/08936012000108/21/S1", time: "2026-11-20T08:15:00+07:00", bizStep: "shipping", action: "OBSERVE",
                bizLocation: $"https://id.gs1.org/414/{farm.Gln}"),
            ObjectEvent(epc: "https://id.gs1.org/01/08936012000108/21/S2", time: "2026-11-19T07:00:00+07:00", bizStep: "commissioning",
                bizLocation: "https://id.gs1.org/414/8936012000023")));
        Assert.True(captured.StatusCode == HttpStatusCode.Accepted, await captured.Content.ReadAsStringAsync());

        var (_, otherClient) = await App.CreateOrganizationClientAsync("HTX Sự kiện B");
        Assert.Equal(HttpStatusCode.Accepted, (await otherClient.PostJsonLd("/capture", Document(
            ObjectEvent(epc: "https://id.gs1.org/01/08936012000108/21/S9", time: "2026-11-21T09:00:00+07:00", bizStep: "destroying", action: "OBSERVE")))).StatusCode);

        using var pages = await App.SignInAsync(a);
        var html = await pages.GetPageAsync("/workspace");
        var shipping = html.IndexOf("Xuất hàng", StringComparison.Ordinal);
        var commissioning = html.IndexOf("Cấp mã", StringComparison.Ordinal);
        Assert.True(shipping >= 0 && commissioning > shipping, "newest event first, both in words");
        Assert.Contains("Kho lạnh Buôn Ma Thuột", html);
        Assert.Contains("8936012000023", html); // a place the business has not declared keeps its GLN
        Assert.Contains("20/11/2026 08:15", html); // in the time zone it happened in
        Assert.DoesNotContain("Tiêu hủy", html);

        var english = await pages.GetPageAsync("/workspace?culture=en");
        Assert.Contains("Shipping", english);
        Assert.Contains("Commissioning", english);
    }

    [Fact]
    public async Task Dashboard_names_diary_entries_as_the_lot_page_does()
    {
        using var farm = await Lots.LotsTestBusiness.CreateAsync(App, "HTX Nhật ký");
        var lot = await farm.CreateLotAsync("NK" + Random.Shared.Next(1000, 9999).ToString(CultureInfo.InvariantCulture));
        await farm.RecordOkAsync(lot, "farming-input", new()
        {
            ["Form.Time"] = Lots.LotsTestBusiness.HoursAgo(24 * 10),
            ["Form.LocationId"] = farm.FarmId.ToString(),
            ["Form.InputKind"] = "Fertiliser",
            ["Form.InputName"] = "NPK 16-16-8",
            ["Form.Dose"] = "200",
            ["Form.DoseUnit"] = "kg/ha",
        });
        await farm.RecordOkAsync(lot, "harvest", new()
        {
            ["Form.Time"] = Lots.LotsTestBusiness.HoursAgo(2),
            ["Form.LocationId"] = farm.FarmId.ToString(),
            ["Form.Quantity"] = "500",
        });

        var html = await farm.Pages.GetPageAsync("/workspace");
        var harvest = html.IndexOf(">Thu hoạch</span>", StringComparison.Ordinal);
        var input = html.IndexOf(">Sử dụng vật tư nông nghiệp</span>", StringComparison.Ordinal);
        Assert.True(harvest >= 0 && input > harvest, "the harvest, then the farming input, in the diary's words");
        Assert.DoesNotContain("Tạo lô</span>", html); // a harvest is not worded by its CBV step alone
        Assert.DoesNotContain("bizstep/farming_input", html); // nor is our own step shown as its URI
        var english = await farm.Pages.GetPageAsync("/workspace?culture=en");
        Assert.Contains(">Harvest</span>", english);
        Assert.Contains(">Farming input</span>", english);
    }

    [Fact]
    public async Task A_new_business_sees_empty_states_not_errors()
    {
        var owner = await App.CreateBusinessUserAsync("HTX Mới");
        using var pages = await App.SignInAsync(owner);
        var html = await pages.GetPageAsync("/workspace");
        Assert.Equal("0", Count(html, "labels"));
        Assert.Contains("Chưa có lô nào đang sản xuất.", html);
        Assert.Contains("Chưa ghi nhận hoạt động nào.", html);
        Assert.Contains("Không có chứng nhận nào hết hạn hoặc sắp hết hạn.", html);
    }

    [Fact]
    public async Task Staff_see_the_dashboard_and_a_pending_business_is_sent_to_wait()
    {
        var owner = await App.CreateBusinessUserAsync("HTX Nhân viên");
        var staff = await App.CreateUserAsync(owner.OrganizationId, Roles.BusinessStaff);
        using (var pages = await App.SignInAsync(staff))
            Assert.Contains("HTX Nhân viên", await pages.GetPageAsync("/workspace"));

        var pending = await App.CreateBusinessUserAsync("HTX Chờ", status: OrganizationStatus.Pending);
        using var waiting = await App.SignInAsync(pending);
        Assert.Equal("/account/pending", (await waiting.GetAsync("/workspace", followRedirects: false)).Headers.Location?.ToString());
        Assert.Equal("/account/pending", (await waiting.GetAsync("/workspace/certificates", followRedirects: false)).Headers.Location?.ToString());
    }

    [Fact]
    public void Every_CBV_business_step_has_words()
    {
        // The words of every page that names a step (Trace/StepNames).
        var localizer = App.Services.GetRequiredService<IStringLocalizer<VnTrace.Server.Trace.TraceText>>();
        var before = CultureInfo.CurrentUICulture;
        try
        {
            foreach (var culture in new[] { "vi", "en" })
            {
                CultureInfo.CurrentUICulture = new CultureInfo(culture);
                var missing = Cbv.BizSteps.Where(s => localizer["BizStep." + s].ResourceNotFound).ToList();
                Assert.Empty(missing);
            }
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }
}

public sealed class SqliteDashboardTests(SqliteAppFixture fixture) : DashboardTests(fixture), IClassFixture<SqliteAppFixture>;

public sealed class PostgresDashboardTests(PostgresAppFixture fixture) : DashboardTests(fixture), IClassFixture<PostgresAppFixture>;
