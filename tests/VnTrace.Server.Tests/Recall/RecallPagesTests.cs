using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using VnTrace.Server.Lots;
using VnTrace.Server.Platform.Data;
using VnTrace.Server.Identity;
using VnTrace.Server.Recall;
using VnTrace.Server.Tests.Infrastructure;
using VnTrace.Server.Tests.Trace;

namespace VnTrace.Server.Tests.Recall;

/// <summary>
/// The recall pages on the captured chain (farm lot A went to the processor, was blended into lot P and shipped to the
/// retailer): the authority opens and closes, the businesses reached acknowledge, nobody else sees anything.
/// </summary>
public abstract class RecallPagesTests(AppFixture fixture)
{
    private VnTraceApp App => fixture.App;

    private static readonly Dictionary<string, string> NoFields = [];

    private async Task<PageClient> SignInAsync(TraceChain.Party party, string role) =>
        await App.SignInAsync(await App.CreateUserAsync(party.OrganizationId, role));

    private static string FarmLotElementString(TraceChain chain) => $"(01)08936012000108(10)FA-{chain.Run}";

    /// <summary>Opens a recall of farm lot A as an officer; returns the campaign id.</summary>
    private static async Task<Guid> OpenOnFarmLotAsync(PageClient officer, TraceChain chain)
    {
        var response = await officer.SubmitFormAsync("/authority/recalls/new", new Dictionary<string, string>
        {
            ["Form.Lots"] = FarmLotElementString(chain),
            ["Form.Reason"] = "Dư lượng thuốc bảo vệ thực vật vượt ngưỡng",
        });
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        var location = response.Headers.Location!.OriginalString;
        Assert.StartsWith("/authority/recalls/", location);
        return Guid.Parse(location["/authority/recalls/".Length..]);
    }

    /// <summary>The notice row of one business on a campaign page.</summary>
    private static string RowOf(string html, Guid organizationId)
    {
        var match = Regex.Match(html, $"""<tr data-organization="{organizationId}">(?<row>.*?)</tr>""", RegexOptions.Singleline);
        Assert.True(match.Success, $"no notice row for {organizationId}");
        return match.Groups["row"].Value;
    }

    private async Task<int> CampaignsOfAsync(Guid initiatorId)
    {
        return await App.WithDbAsync(db => db.RecallCampaigns.CountAsync(c => c.InitiatorId == initiatorId));
    }

    [Fact]
    public async Task A_recall_on_a_farm_lot_lists_the_processor_and_retailer_with_quantities_and_closes_after_both_acknowledge()
    {
        var chain = await TraceChain.CaptureAsync(App);
        using var officer = await SignInAsync(chain.Authority, Roles.Authority);

        var id = await OpenOnFarmLotAsync(officer, chain);

        var page = await officer.GetPageAsync($"/authority/recalls/{id}");
        Assert.Contains("Dư lượng thuốc bảo vệ thực vật vượt ngưỡng", page);
        Assert.Contains("1.000 kg", RowOf(page, chain.Processor.OrganizationId));
        Assert.Contains("trace-" + chain.Processor.Gln, page);
        Assert.Contains("1.000 kg", RowOf(page, chain.Retailer.OrganizationId));
        Assert.Contains("trace-" + chain.Retailer.Gln, page);
        Assert.DoesNotContain($"data-organization=\"{chain.FarmB.OrganizationId}\"", page);
        Assert.DoesNotContain($"data-organization=\"{chain.Unrelated.OrganizationId}\"", page);
        Assert.Contains($"data-identifier=\"{chain.LotP}\"", page); // the blend, downstream
        Assert.Contains("0/3 doanh nghiệp đã xác nhận", page); // the farm that produced the lot is told too
        Assert.Contains("Còn 3 doanh nghiệp chưa xác nhận", page);
        Assert.Contains("<svg", page); // the forward trace drawn

        // The list shows it open with its counts.
        var list = await officer.GetPageAsync("/authority/recalls?status=Open");
        Assert.Contains($"data-recall=\"{id}\"", list);

        // Each business reached sees the red banner and its notice, and acknowledges it.
        using var retailer = await SignInAsync(chain.Retailer, Roles.BusinessOwner);
        Assert.Contains("data-alert=\"recall\"", await retailer.GetPageAsync("/workspace"));
        Assert.Contains($"data-recall=\"{id}\"", await retailer.GetPageAsync("/workspace/recalls"));
        var notice = await retailer.GetPageAsync($"/workspace/recalls/{id}");
        Assert.Contains("1.000 kg", notice);
        Assert.Contains($"data-identifier=\"{chain.LotA}\"", notice); // the lot recalled
        Assert.Contains($"data-identifier=\"{chain.LotP}\"", notice); // its own lot affected
        var acknowledged = await retailer.SubmitFormAsync($"/workspace/recalls/{id}", new Dictionary<string, string>
        {
            ["Form.QuantityRecovered"] = "850,5",
            ["Form.Note"] = "Đã thu hồi tại cửa hàng",
        });
        Assert.Equal(HttpStatusCode.Redirect, acknowledged.StatusCode);
        Assert.DoesNotContain("data-alert=\"recall\"", await retailer.GetPageAsync("/workspace"));
        Assert.Contains("850,5 kg", await retailer.GetPageAsync($"/workspace/recalls/{id}"));

        using var processor = await SignInAsync(chain.Processor, Roles.BusinessStaff);
        Assert.Equal(HttpStatusCode.Redirect, (await processor.SubmitFormAsync($"/workspace/recalls/{id}",
            new Dictionary<string, string> { ["Form.QuantityRecovered"] = "100" })).StatusCode);
        using var farm = await SignInAsync(chain.FarmA, Roles.BusinessOwner);
        Assert.Equal(HttpStatusCode.Redirect, (await farm.SubmitFormAsync($"/workspace/recalls/{id}",
            new Dictionary<string, string> { ["Form.QuantityRecovered"] = "0" })).StatusCode);

        page = await officer.GetPageAsync($"/authority/recalls/{id}");
        Assert.Contains("3/3 doanh nghiệp đã xác nhận", page);
        Assert.Contains("850,5 kg", RowOf(page, chain.Retailer.OrganizationId));
        Assert.Contains("Đã thu hồi tại cửa hàng", page);
        Assert.DoesNotContain("chưa xác nhận. Nếu kết thúc", page);

        var closed = await officer.SubmitFormAsync($"/authority/recalls/{id}", new Dictionary<string, string> { ["CloseForm.Note"] = "Đã thu hồi đủ" });
        Assert.Equal(HttpStatusCode.Redirect, closed.StatusCode);
        page = await officer.GetPageAsync($"/authority/recalls/{id}");
        Assert.Contains("data-status=\"Closed\"", page);
        Assert.Contains("Đã thu hồi đủ", page);
        Assert.DoesNotContain("CloseForm.Note", page);

        // A closed recall takes no more acknowledgements: the form is gone and a late post is refused.
        var late = await retailer.GetPageAsync($"/workspace/recalls/{id}");
        Assert.DoesNotContain("Form.QuantityRecovered", late);

        await App.WithDbAsync(async db =>
        {
            var actions = await db.AuditLog.Where(a => a.EntityType == nameof(RecallCampaign) && a.EntityId == id.ToString())
                .Select(a => a.Action).ToListAsync(TestContext.Current.CancellationToken);
            Assert.Equal(["recall.acknowledge", "recall.acknowledge", "recall.acknowledge", "recall.close", "recall.open"], actions.Order());
        });
    }

    [Fact]
    public async Task The_producer_of_a_lot_the_authority_recalls_finds_the_recall_on_its_recalls_page()
    {
        var chain = await TraceChain.CaptureAsync(App);
        using var officer = await SignInAsync(chain.Authority, Roles.Authority);
        var id = await OpenOnFarmLotAsync(officer, chain);

        using var farm = await SignInAsync(chain.FarmA, Roles.BusinessOwner);
        var list = await farm.GetPageAsync("/workspace/recalls");
        Assert.Contains($"data-recall=\"{id}\"", list);
        Assert.Contains("Dư lượng thuốc bảo vệ thực vật vượt ngưỡng", list);
        Assert.Contains("data-alert=\"recall\"", await farm.GetPageAsync("/workspace"));
        Assert.Contains($"data-identifier=\"{chain.LotA}\"", await farm.GetPageAsync($"/workspace/recalls/{id}"));

        // Farm B, whose lot was blended with it, produced none of what is recalled.
        using var farmB = await SignInAsync(chain.FarmB, Roles.BusinessOwner);
        Assert.DoesNotContain($"data-recall=\"{id}\"", await farmB.GetPageAsync("/workspace/recalls"));
    }

    [Fact]
    public async Task An_inspector_sees_recalls_but_cannot_open_or_close_them()
    {
        var chain = await TraceChain.CaptureAsync(App);
        using var officer = await SignInAsync(chain.Authority, Roles.Authority);
        var id = await OpenOnFarmLotAsync(officer, chain);
        using var inspector = await SignInAsync(chain.Authority, Roles.Inspector);

        var list = await inspector.GetPageAsync("/authority/recalls");
        Assert.Contains($"data-recall=\"{id}\"", list);
        Assert.DoesNotContain("/authority/recalls/new", list);
        var page = await inspector.GetPageAsync($"/authority/recalls/{id}");
        Assert.Contains("trace-" + chain.Retailer.Gln, page);
        Assert.DoesNotContain("CloseForm.Note", page);

        var denied = await inspector.GetAsync("/authority/recalls/new", followRedirects: false);
        Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
        Assert.StartsWith("/account/denied", denied.Headers.Location?.PathAndQuery);

        var token = PageClient.FindForm(page, PageClient.SignOutAction)!.AntiforgeryToken;
        var close = await inspector.PostFormAsync($"/authority/recalls/{id}?handler=Close", [new("CloseForm.Note", "x")], token);
        Assert.Equal(HttpStatusCode.Redirect, close.StatusCode);
        Assert.StartsWith("/account/denied", close.Headers.Location?.PathAndQuery);
        Assert.Contains("data-status=\"Open\"", await officer.GetPageAsync($"/authority/recalls/{id}"));
    }

    [Fact]
    public async Task A_campaign_whose_trace_hit_the_node_limit_is_flagged_as_possibly_incomplete()
    {
        var chain = await TraceChain.CaptureAsync(App);
        using var officer = await SignInAsync(chain.Authority, Roles.Authority);
        var id = await OpenOnFarmLotAsync(officer, chain);
        Assert.DoesNotContain("data-truncated", await officer.GetPageAsync($"/authority/recalls/{id}"));
        await App.WithDbAsync(async db =>
        {
            await db.RecallCampaigns.Where(c => c.Id == id).ExecuteUpdateAsync(u => u.SetProperty(c => c.AffectedTruncated, true), TestContext.Current.CancellationToken);
        });

        Assert.Contains("data-truncated=\"campaign\"", await officer.GetPageAsync($"/authority/recalls/{id}"));
        using var retailer = await SignInAsync(chain.Retailer, Roles.BusinessOwner);
        Assert.Contains("danh sách lô và doanh nghiệp bị ảnh hưởng có thể chưa đầy đủ", await retailer.GetPageAsync($"/workspace/recalls/{id}"));
    }

    [Fact]
    public async Task A_business_the_goods_did_not_reach_sees_no_notice_and_gets_404_for_the_campaign()
    {
        var chain = await TraceChain.CaptureAsync(App);
        using var officer = await SignInAsync(chain.Authority, Roles.Authority);
        var id = await OpenOnFarmLotAsync(officer, chain);

        foreach (var party in new[] { chain.Unrelated, chain.FarmB })
        {
            using var outsider = await SignInAsync(party, Roles.BusinessOwner);
            var recalls = await outsider.GetPageAsync("/workspace/recalls");
            Assert.Contains("data-empty=\"notices\"", recalls);
            Assert.DoesNotContain(id.ToString(), recalls);
            Assert.DoesNotContain("data-alert=\"recall\"", await outsider.GetPageAsync("/workspace"));
            Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/workspace/recalls/{id}")).StatusCode);
            var token = PageClient.FindForm(recalls, PageClient.SignOutAction)!.AntiforgeryToken;
            Assert.Equal(HttpStatusCode.NotFound, (await outsider.PostFormAsync($"/workspace/recalls/{id}?handler=Acknowledge",
                [new("Form.QuantityRecovered", "1")], token)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await outsider.PostFormAsync($"/workspace/recalls/{id}?handler=Close", NoFields, token)).StatusCode);
        }

        // Nor can a business read the authority's pages.
        using var retailer = await SignInAsync(chain.Retailer, Roles.BusinessOwner);
        var response = await retailer.GetAsync($"/authority/recalls/{id}", followRedirects: false);
        Assert.StartsWith("/account/denied", response.Headers.Location?.PathAndQuery);
    }

    [Fact]
    public async Task A_business_recalls_its_own_lot_from_the_lot_page_and_the_customer_is_notified()
    {
        var chain = await TraceChain.CaptureAsync(App);
        var lotId = await App.WithDbAsync(async db =>
        {
            var lot = new Lot { OrganizationId = chain.Processor.OrganizationId, Gtin = "08936014000106", LotNumber = "BLEND-" + chain.Run };
            db.Lots.Add(lot);
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
            return lot.Id;
        });
        using var processor = await SignInAsync(chain.Processor, Roles.BusinessOwner);

        Assert.Contains($"/workspace/recalls/new?lotId={lotId}", await processor.GetPageAsync($"/workspace/lots/{lotId}"));
        var form = await processor.GetPageAsync($"/workspace/recalls/new?lotId={lotId}");
        Assert.Contains(chain.LotP, form);
        var opened = await processor.SubmitFormAsync($"/workspace/recalls/new?lotId={lotId}", new Dictionary<string, string>
        {
            ["Form.Lots"] = chain.LotP,
            ["Form.Reason"] = "Bao bì lỗi",
        });
        Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
        var campaign = opened.Headers.Location!.OriginalString;
        Assert.StartsWith("/workspace/recalls/", campaign);

        var page = await processor.GetPageAsync(campaign);
        Assert.Contains("1.000 kg", RowOf(page, chain.Retailer.OrganizationId));
        Assert.Contains($"href=\"/workspace/lots/{lotId}\"", page); // its own lot, linked
        Assert.Contains("Bao bì lỗi", await processor.GetPageAsync("/workspace/recalls"));

        using var retailer = await SignInAsync(chain.Retailer, Roles.BusinessOwner);
        Assert.Contains("Bao bì lỗi", await retailer.GetPageAsync("/workspace/recalls"));
        Assert.DoesNotContain("CloseForm.Note", await retailer.GetPageAsync(campaign)); // a notified business does not close it

        // The initiator closes its own campaign.
        Assert.Equal(HttpStatusCode.Redirect, (await processor.SubmitFormAsync(campaign,
            new Dictionary<string, string> { ["CloseForm.Note"] = "Đã đổi bao bì" })).StatusCode);
        Assert.Contains("data-status=\"Closed\"", await processor.GetPageAsync(campaign));

        // Another business's lot page does not lead to a recall form.
        using var other = await SignInAsync(chain.Unrelated, Roles.BusinessOwner);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/workspace/recalls/new?lotId={lotId}")).StatusCode);
    }

    [Fact]
    public async Task A_business_cannot_recall_another_business_lot_and_is_told_why()
    {
        var chain = await TraceChain.CaptureAsync(App);
        using var retailer = await SignInAsync(chain.Retailer, Roles.BusinessOwner);

        var response = await retailer.SubmitFormAsync("/workspace/recalls/new", new Dictionary<string, string>
        {
            ["Form.Lots"] = chain.LotP + "\n" + FarmLotElementString(chain),
            ["Form.Reason"] = "Thử thu hồi lô của người khác",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains($"Dòng 2: doanh nghiệp chỉ được thu hồi lô hàng của chính mình hoặc lô hàng được giao cho mình; mã {chain.LotA} không thuộc hai trường hợp đó.", html);
        Assert.DoesNotContain("Dòng 1:", html); // the blend was shipped to it
        Assert.Equal(0, await CampaignsOfAsync(chain.Retailer.OrganizationId));
    }

    [Fact]
    public async Task Bad_lot_codes_are_refused_line_by_line_and_nothing_is_stored()
    {
        var chain = await TraceChain.CaptureAsync(App);
        using var officer = await SignInAsync(chain.Authority, Roles.Authority);

        var response = await officer.SubmitFormAsync("/authority/recalls/new", new Dictionary<string, string>
        {
            ["Form.Lots"] = string.Join("\r\n",
                chain.LotA,                                  // 1: fine
                "  (01)08936012000107(10)X",                 // 2: bad GTIN check digit
                "",                                          // 3: blank, skipped
                "https://id.gs1.org/414/8936010000001",      // 4: a place, not a lot
                "08936012000108",                            // 5: a product without its lot
                "https://id.gs1.org/01/08936012000108/10/NEVER-SEEN"), // 6: valid, but no event names it
            ["Form.Reason"] = "",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("Dòng 2, ký tự 20: mã không hợp lệ", html); // the check digit, counted from the line's start
        Assert.Contains("Dòng 4: https://id.gs1.org/414/8936010000001 không phải mã lô hàng", html);
        Assert.Contains("Dòng 5: 08936012000108 là mã sản phẩm (GTIN) không có số lô", html);
        Assert.DoesNotContain("Dòng 1", html);
        Assert.Contains("Vui lòng nhập Lý do thu hồi.", html);
        Assert.Equal(0, await CampaignsOfAsync(chain.Authority.OrganizationId));

        // Fixed lines but one unknown lot: refused by the service, pointed at its line.
        response = await officer.SubmitFormAsync("/authority/recalls/new", new Dictionary<string, string>
        {
            ["Form.Lots"] = chain.LotA + "\nhttps://id.gs1.org/01/08936012000108/10/NEVER-SEEN",
            ["Form.Reason"] = "Kiểm tra",
        });
        html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("Dòng 2: không có sự kiện nào (mà bạn được xem) ghi nhận mã https://id.gs1.org/01/08936012000108/10/NEVER-SEEN", html);
        Assert.Equal(0, await CampaignsOfAsync(chain.Authority.OrganizationId));
    }
}

public sealed class SqliteRecallPagesTests(SqliteAppFixture fixture) : RecallPagesTests(fixture), IClassFixture<SqliteAppFixture>;

public sealed class PostgresRecallPagesTests(PostgresAppFixture fixture) : RecallPagesTests(fixture), IClassFixture<PostgresAppFixture>;
