using System.Net.Http.Json;
using Microsoft.Playwright;
using VnTrace.Server.Identity;
using VnTrace.Server.Tests.Infrastructure;
using VnTrace.Server.Tests.Trace;
using static Microsoft.Playwright.Assertions;

namespace VnTrace.Server.Tests.Recall;

/// <summary>
/// A recall walked through in two browsers, as the officer and the retailer do it: the officer opens a recall of a
/// farm lot and sees the retailer with the quantity it received; the retailer sees the red banner and acknowledges;
/// the officer closes the campaign. A consumer scanning the blended lot on the retailer's shelf sees the recall banner
/// while the campaign is open, and no longer once it is closed.
/// </summary>
public abstract class RecallBrowserTests(AppFixture fixture, BrowserFixture browser)
{
    private string Provider => fixture.Provider.ToString().ToLowerInvariant();

    private async Task<IPage> SignInAsync(IBrowserContext context, TestUser user, string returnUrl)
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync("/account/sign-in?returnUrl=" + Uri.EscapeDataString(returnUrl));
        await page.Locator("#Form_UserName").FillAsync(user.UserName);
        await page.Locator("#Form_Password").FillAsync(VnTraceApp.TestPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập" }).ClickAsync();
        await page.WaitForURLAsync("**" + returnUrl);
        return page;
    }

    [Fact]
    public async Task Officer_recalls_a_farm_lot_the_retailer_acknowledges_and_the_officer_closes_it()
    {
        var app = fixture.App;
        var chain = await TraceChain.CaptureAsync(app);
        var officerUser = await app.CreateUserAsync(chain.Authority.OrganizationId, Roles.Authority);
        var retailerUser = await app.CreateUserAsync(chain.Retailer.OrganizationId, Roles.BusinessOwner);

        // The officer opens the recall with the code as a scanner gives it.
        await using var officerContext = await browser.NewContextAsync(app);
        var officer = await SignInAsync(officerContext, officerUser, "/authority/recalls");
        // Opening and closing ask first (issue 12, item 14); the officer says yes.
        officer.Dialog += async (_, dialog) => await dialog.AcceptAsync();
        await officer.GetByRole(AriaRole.Link, new() { Name = "Mở đợt thu hồi" }).ClickAsync();
        await officer.GetByLabel("Mã lô hàng (mỗi dòng một mã)").FillAsync($"(01)08936012000108(10)FA-{chain.Run}");
        await officer.GetByLabel("Lý do thu hồi").FillAsync("Dư lượng thuốc bảo vệ thực vật vượt ngưỡng cho phép");
        await officer.GetByRole(AriaRole.Button, new() { Name = "Mở đợt thu hồi và gửi thông báo" }).ClickAsync();

        await Expect(officer.GetByRole(AriaRole.Heading, new() { Name = "Đợt thu hồi", Level = 1 })).ToBeVisibleAsync();
        await Expect(officer.GetByRole(AriaRole.Status)).ToContainTextAsync("gửi thông báo đến 3 doanh nghiệp"); // the processor, the retailer, and the farm that produced the lot
        var campaignUrl = officer.Url;
        var id = Guid.Parse(campaignUrl[(campaignUrl.LastIndexOf('/') + 1)..]);
        var retailerRow = officer.Locator($"tr[data-organization='{chain.Retailer.OrganizationId}']");
        await Expect(retailerRow).ToContainTextAsync("trace-" + chain.Retailer.Gln);
        await Expect(retailerRow.Locator("[data-field=received]")).ToHaveTextAsync("1.000 kg");
        await Expect(retailerRow).ToContainTextAsync("Chưa xác nhận");
        await TestArtifacts.ScreenshotAsync(officer, $"recall-campaign-open-{Provider}");

        // A shopper scans the blend on the retailer's shelf: the consumer page shows the recall banner at once.
        var consumerPath = $"/01/08936014000106/10/BLEND-{chain.Run}";
        await using var consumerContext = await browser.NewContextAsync(app, phone: true);
        var consumer = await consumerContext.NewPageAsync();
        Assert.Equal(200, (await consumer.GotoAsync(consumerPath))?.Status);
        await Expect(consumer.Locator("#recall[role=alert]")).ToContainTextAsync("Sản phẩm đang bị thu hồi");
        await TestArtifacts.ScreenshotAsync(consumer, $"recall-consumer-banner-{Provider}-phone");

        // The retailer sees the banner on its dashboard, reads its notice and acknowledges it.
        await using var retailerContext = await browser.NewContextAsync(app);
        var retailer = await SignInAsync(retailerContext, retailerUser, "/workspace");
        await Expect(retailer.GetByRole(AriaRole.Alert)).ToContainTextAsync("1 thông báo thu hồi sản phẩm chưa được xác nhận");
        await retailer.GetByRole(AriaRole.Link, new() { Name = "Xem và xác nhận" }).ClickAsync();
        await retailer.GetByRole(AriaRole.Link, new() { Name = "Dư lượng thuốc bảo vệ thực vật vượt ngưỡng cho phép" }).ClickAsync();
        await Expect(retailer.GetByRole(AriaRole.Heading, new() { Name = "Thông báo thu hồi", Level = 1 })).ToBeVisibleAsync();
        await Expect(retailer.Locator("[data-field=received]")).ToHaveTextAsync("1.000 kg");
        await Expect(retailer.Locator($"tr[data-identifier='{chain.LotP}']")).ToBeVisibleAsync(); // its own lot affected
        await TestArtifacts.ScreenshotAsync(retailer, $"recall-notice-{Provider}");
        await retailer.GetByLabel("Số lượng đã thu hồi (kg)").FillAsync("850");
        await retailer.GetByLabel("Ghi chú").FillAsync("Đã rút hàng khỏi quầy");
        await retailer.GetByRole(AriaRole.Button, new() { Name = "Xác nhận đã nhận thông báo" }).ClickAsync();
        await Expect(retailer.GetByRole(AriaRole.Status)).ToContainTextAsync("Đã ghi nhận xác nhận thu hồi.");
        await Expect(retailer.Locator("[data-field=recovered]")).ToHaveTextAsync("850 kg");

        // The processor's ERP acknowledges through the API.
        (await chain.Processor.Client.PostAsJsonAsync($"/api/recalls/{id}/acknowledgement", new { quantityRecovered = 100 },
            TestContext.Current.CancellationToken)).EnsureSuccessStatusCode();

        // The farm that produced the lot answers through the API too; the officer sees the answers and closes the campaign.
        (await chain.FarmA.Client.PostAsJsonAsync($"/api/recalls/{id}/acknowledgement", new { quantityRecovered = 0 },
            TestContext.Current.CancellationToken)).EnsureSuccessStatusCode();
        await officer.ReloadAsync();
        await Expect(officer.GetByText("3/3 doanh nghiệp đã xác nhận.")).ToBeVisibleAsync();
        await Expect(retailerRow.Locator("[data-field=recovered]")).ToHaveTextAsync("850 kg");
        await officer.GetByLabel("Ghi chú kết thúc").FillAsync("Đã thu hồi đủ tại các điểm bán");
        await officer.GetByRole(AriaRole.Button, new() { Name = "Kết thúc đợt thu hồi" }).ClickAsync();
        await Expect(officer.GetByRole(AriaRole.Status)).ToContainTextAsync("Đã kết thúc đợt thu hồi");
        await Expect(officer.Locator("[data-status]").First).ToHaveTextAsync("Đã kết thúc");
        await TestArtifacts.ScreenshotAsync(officer, $"recall-campaign-closed-{Provider}");

        // Closed: the consumer page no longer warns.
        await consumer.GotoAsync(consumerPath);
        await Expect(consumer.Locator("#recall")).ToContainTextAsync("Không có thông báo thu hồi");
        await Expect(consumer.Locator("#recall[role=alert]")).ToHaveCountAsync(0);
    }
}

public sealed class SqliteRecallBrowserTests(SqliteKestrelAppFixture fixture, BrowserFixture browser)
    : RecallBrowserTests(fixture, browser), IClassFixture<SqliteKestrelAppFixture>;

public sealed class PostgresRecallBrowserTests(PostgresKestrelAppFixture fixture, BrowserFixture browser)
    : RecallBrowserTests(fixture, browser), IClassFixture<PostgresKestrelAppFixture>;
