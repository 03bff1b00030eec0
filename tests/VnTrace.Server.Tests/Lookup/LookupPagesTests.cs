using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using VnTrace.Server.Organizations;
using VnTrace.Server.Platform.Data;
using VnTrace.Server.Identity;
using VnTrace.Server.Lookup.Publication;
using VnTrace.Server.Lookup.Reports;
using VnTrace.Server.Lookup.Scans;
using VnTrace.Server.Tests.Infrastructure;

namespace VnTrace.Server.Tests.Lookup;

/// <summary>The report form, the publication settings page, and the scan statistics of the business and the authority.</summary>
public abstract class LookupPagesTests(LookupAppFixture fixture)
{
    private VnTraceApp App => fixture.App;

    /// <summary>Longer than the report form's minimum fill time (LookupOptions.ReportMinimumFillSeconds, 3 s).</summary>
    private static readonly TimeSpan PersonFillingTheForm = TimeSpan.FromSeconds(5);

    /// <summary>A signed-in owner (or staff member) of the scenario's producer.</summary>
    private async Task<PageClient> ProducerAsync(LookupScenario s, string role = Roles.BusinessOwner) =>
        await App.SignInAsync(await App.CreateUserAsync(s.Producer.Id, role));

    [Fact]
    public async Task A_consumer_reports_a_problem_and_the_business_and_authority_see_it()
    {
        var s = await LookupScenario.CreateAsync(App);
        using var consumer = new PageClient(App);
        var path = "/lookup/report?code=" + Uri.EscapeDataString(s.RoastedLotPath);
        var html = await consumer.GetPageAsync(path);
        Assert.Contains("Cà phê rang xay Ea Tu", html);
        var form = PageClient.FindForm(html)!;
        App.Clock.Advance(PersonFillingTheForm); // a person takes longer than the minimum fill time
        var sent = await consumer.PostFormAsync(form.Action!, form.HiddenFields.Where(f => f.Key != PageClient.AntiforgeryField).Concat(new Dictionary<string, string>
        {
            ["Form.Category"] = "Counterfeit",
            ["Form.Message"] = "Bao bì khác màu, mùi lạ <b>không giống</b> hàng cũ.",
            ["Form.Contact"] = "0900 000 111",
        }), form.AntiforgeryToken);
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        Assert.Contains("sent=True", sent.Headers.Location!.OriginalString, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Cảm ơn bạn", await consumer.GetPageAsync(sent.Headers.Location!.OriginalString));

        var report = await App.WithDbAsync(db => db.ProblemReports.SingleAsync(r => r.Identifier == s.RoastedLotId));
        Assert.Equal(ProblemCategory.Counterfeit, report.Category);
        Assert.Equal(s.Producer.Id, report.OrganizationId);
        Assert.Equal(s.RoastedLot, report.LotNumber);

        using var owner = await ProducerAsync(s);
        var business = await owner.GetPageAsync("/workspace/scans");
        Assert.Contains("0900 000 111", business);
        Assert.Contains("&lt;b&gt;không giống&lt;/b&gt;", business); // what consumers type is shown as text
        using var authority = await App.SignInAsync(await App.CreateAuthorityUserAsync(Roles.Inspector));
        Assert.Contains("Nghi hàng giả", await authority.GetPageAsync("/authority/scans"));
    }

    [Fact]
    public async Task Robots_are_kept_out_of_the_report_form()
    {
        var s = await LookupScenario.CreateAsync(App);
        var path = "/lookup/report?code=" + Uri.EscapeDataString(s.Unit("BOT-1"));
        using var robot = new PageClient(App);
        // Too fast: the form is shown again with a message, nothing stored.
        var fast = await robot.SubmitFormAsync(path, new Dictionary<string, string> { ["Form.Category"] = "Quality", ["Form.Message"] = "Mua ngay hàng giá rẻ tại đây" });
        Assert.Equal(HttpStatusCode.OK, fast.StatusCode);
        Assert.Contains("gửi quá nhanh", await fast.Content.ReadAsStringAsync());
        // The hidden field filled in: thanked, nothing stored.
        var trap = await robot.SubmitFormAsync(path, new Dictionary<string, string>
        {
            ["Form.Category"] = "Quality",
            ["Form.Message"] = "Mua ngay hàng giá rẻ tại đây",
            ["Form.Website"] = "http://spam.example",
        });
        Assert.Equal(HttpStatusCode.Redirect, trap.StatusCode);
        // Without the anti-forgery token: refused.
        var forged = await robot.PostFormAsync(path, new Dictionary<string, string> { ["Form.Category"] = "Quality", ["Form.Message"] = "Mua ngay hàng giá rẻ tại đây" }, null);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        // A message too short is refused next to the field.
        var shortForm = PageClient.FindForm(await robot.GetPageAsync(path))!;
        App.Clock.Advance(PersonFillingTheForm);
        var shortMessage = await robot.PostFormAsync(shortForm.Action!, shortForm.HiddenFields.Where(f => f.Key != PageClient.AntiforgeryField)
            .Concat(new Dictionary<string, string> { ["Form.Category"] = "Quality", ["Form.Message"] = "xấu" }), shortForm.AntiforgeryToken);
        Assert.Contains("field-validation-error", await shortMessage.Content.ReadAsStringAsync());
        Assert.Equal(0, await App.WithDbAsync(db => db.ProblemReports.CountAsync(r => r.Identifier.EndsWith("/21/BOT-1"))));
        // A path that is no Digital Link, or one with a host of its own, is not a code to report.
        Assert.Equal(HttpStatusCode.BadRequest, (await robot.GetAsync("/lookup/report?code=" + Uri.EscapeDataString("//evil.example/01/09506000134352"))).StatusCode);
    }

    [Fact]
    public async Task The_owner_chooses_what_consumers_see_and_the_choice_is_audited_and_applied()
    {
        var s = await LookupScenario.CreateAsync(App);
        using var owner = await ProducerAsync(s);
        var page = await owner.GetPageAsync("/workspace/publication");
        Assert.Contains("value=\"Phone\" checked", page.Replace("checked=\"checked\"", "checked"));
        Assert.Contains("value=\"storing\"", page);  // a step the business used
        Assert.Contains(s.RoastedLotPath, page);      // the preview link

        var saved = await owner.SubmitFormAsync("/workspace/publication", new List<KeyValuePair<string, string>>
        {
            new("Fields", "Journey"),
            new("Fields", "Certificates"),
            new("HiddenBizSteps", "receiving"),
            new("ShowInternalLocations", "true"),
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var row = await App.WithDbAsync(db => db.PublicationSettings.SingleAsync(p => p.OrganizationId == s.Producer.Id));
        Assert.Equal(PublicField.Journey | PublicField.Certificates, row.Fields);
        Assert.Equal(["receiving"], row.HiddenBizSteps);
        Assert.True(row.ShowInternalLocations);
        Assert.True(await App.WithDbAsync(db => db.AuditLog.AnyAsync(a => a.Action == "publication.update" && a.OrganizationId == s.Producer.Id)));

        using var browser = new PageClient(App);
        var html = WebUtility.HtmlDecode(await browser.GetPageAsync(s.RoastedLotPath));
        Assert.DoesNotContain("0262 3812 345", html);
        Assert.Contains("Kho nội bộ số 9", html);      // internal places now shown
        Assert.Contains("Nhận hàng", html);            // the distributor's receiving: its own choice, not the producer's
        Assert.Contains("VG-" + s.Prefix, html);

        // Staff read the page but cannot change it; nonsense is refused.
        using var staff = await ProducerAsync(s, Roles.BusinessStaff);
        Assert.Contains("Chỉ chủ doanh nghiệp", await staff.GetPageAsync("/workspace/publication"));
        var token = PageClient.FindForm(await staff.GetPageAsync("/workspace/publication"))!.AntiforgeryToken!;
        var refused = await staff.PostFormAsync("/workspace/publication", [new("Fields", "Phone")], token);
        Assert.Contains("/account/denied", refused.Headers.Location?.OriginalString);
        Assert.Equal(PublicField.Journey | PublicField.Certificates, (await App.WithDbAsync(db => db.PublicationSettings.SingleAsync(p => p.OrganizationId == s.Producer.Id))).Fields);
        var bad = await owner.SubmitFormAsync("/workspace/publication", [new("HiddenBizSteps", "<script>")]);
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Contains("Lựa chọn không hợp lệ", await bad.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Each_business_sees_only_the_scans_of_its_own_codes_and_the_authority_sees_all()
    {
        var mine = await LookupScenario.CreateAsync(App);
        var theirs = await LookupScenario.CreateAsync(App);
        await mine.IssueSerialsAsync("M-1");
        var phone = App.CreateClient();
        phone.DefaultRequestHeaders.Accept.ParseAdd("text/html");
        await phone.GetAsync(mine.RoastedLotPath);
        await phone.GetAsync(mine.RoastedLotPath);
        await phone.GetAsync(mine.Unit("FAKE-1"));
        await phone.GetAsync(theirs.RoastedLotPath);
        await phone.GetAsync("/01/09506000134352/10/UNREGISTERED");
        await App.Services.GetRequiredService<ScanRecorder>().DrainAsync(TimeSpan.FromSeconds(10));

        using var owner = await ProducerAsync(mine);
        var page = WebUtility.HtmlDecode(await owner.GetPageAsync("/workspace/scans?days=7"));
        Assert.Contains(mine.RoastedLotPath, page);
        Assert.DoesNotContain(theirs.RoastedLotPath, page);
        Assert.DoesNotContain("UNREGISTERED", page);
        Assert.Contains("data-stat=\"scans\">3<", page);
        Assert.Contains("data-stat=\"never-issued\">1<", page);
        Assert.Contains(mine.Unit("FAKE-1"), page);

        using var authority = await App.SignInAsync(await App.CreateAuthorityUserAsync());
        var all = WebUtility.HtmlDecode(await authority.GetPageAsync("/authority/scans"));
        Assert.Contains(mine.Producer.Name, all);
        Assert.Contains(theirs.Producer.Name, all);
        Assert.Contains("/01/09506000134352/10/UNREGISTERED", all);

        // A business cannot open the authority's page, nor anyone the business page without signing in.
        var refused = await owner.GetAsync("/authority/scans", followRedirects: false);
        Assert.Contains("/account/denied", refused.Headers.Location?.OriginalString);
        using var anonymous = new PageClient(App);
        var signIn = await anonymous.GetAsync("/workspace/scans", followRedirects: false);
        Assert.Contains("/account/sign-in", signIn.Headers.Location?.OriginalString);
        Assert.Contains("/account/sign-in", (await anonymous.GetAsync("/workspace/publication", followRedirects: false)).Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task A_business_not_approved_is_sent_to_the_pending_page()
    {
        var pending = await App.CreateBusinessUserAsync("Chờ duyệt " + Guid.NewGuid().ToString("N")[..6], status: OrganizationStatus.Pending);
        using var pages = await App.SignInAsync(pending);
        var response = await pages.GetAsync("/workspace/publication", followRedirects: false);
        Assert.Contains("/account/pending", response.Headers.Location?.OriginalString);
    }
}

public sealed class SqliteLookupPagesTests(SqliteLookupFixture fixture) : LookupPagesTests(fixture), IClassFixture<SqliteLookupFixture>;

public sealed class PostgresLookupPagesTests(PostgresLookupFixture fixture) : LookupPagesTests(fixture), IClassFixture<PostgresLookupFixture>;
