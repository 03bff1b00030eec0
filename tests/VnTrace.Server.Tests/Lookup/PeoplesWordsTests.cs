using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using VnTrace.Gs1.Epcis;
using VnTrace.Server.Identity;
using VnTrace.Server.Platform.Data;
using VnTrace.Server.Tests.Infrastructure;

namespace VnTrace.Server.Tests.Lookup;

/// <summary>
/// The consumer page and the trace tables (workspace and authority) speak people's language in both languages: step
/// names, units, dates in Viet Nam's time, places and businesses by name, "lô" — never a CBV word, a Rec 20 code or a
/// Digital Link URI. The scenario's lot was made by a transformation from beans counted in KGM, into units in H87,
/// at named places; one more event has a capturer's own bizStep and an unknown unit.
/// </summary>
public abstract partial class PeoplesWordsTests(LookupAppFixture fixture)
{
    private VnTraceApp App => fixture.App;

    private const string OwnStep = "https://coffee.example.vn/steps/rang-xay";

    /// <summary>What no page may show a person.</summary>
    internal static readonly string[] Raw =
    [
        "urn:epcglobal", "commissioning", "creating_class_instance", "TransformationEvent", "ObjectEvent", "AggregationEvent",
        "in_transit", "https://id.gs1.org/", "KGM", "H87", OwnStep,
    ];

    [GeneratedRegex(@"<(script|style)\b.*?</\1>", RegexOptions.Singleline)]
    private static partial Regex Scripts();

    [GeneratedRegex(@"<[^>]+>")]
    private static partial Regex Tags();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    /// <summary>The text a reader sees in the page's main part (tags, attributes and scripts left out; SVG titles kept).</summary>
    private static string Visible(string html)
    {
        var start = html.IndexOf("<main", StringComparison.Ordinal);
        var end = html.IndexOf("</main>", StringComparison.Ordinal);
        var main = start >= 0 && end > start ? html[start..end] : html;
        return Spaces().Replace(WebUtility.HtmlDecode(Tags().Replace(Scripts().Replace(main, " "), " ")), " ");
    }

    private static void Speaks(string text, params string[] readable)
    {
        foreach (var raw in Raw)
            Assert.False(text.Contains(raw, StringComparison.Ordinal), $"'{raw}' shown in: {text}");
        foreach (var words in readable)
            Assert.True(text.Contains(words, StringComparison.Ordinal), $"'{words}' not shown in: {text}");
    }

    private static PageClient InEnglish(PageClient pages, bool english)
    {
        if (english)
            pages.Cookies.Add(PageClient.BaseAddress, new Cookie(".VnTrace.Culture", "c=en|uic=en"));
        return pages;
    }

    private Task<LookupScenario> ScenarioAsync() => ScenarioAsync(App);

    /// <summary>The lookup scenario plus an observation with a capturer's own bizStep and an unknown unit.</summary>
    internal static async Task<LookupScenario> ScenarioAsync(VnTraceApp app)
    {
        var s = await LookupScenario.CreateAsync(app);
        await s.CaptureAsync(s.Producer.Id, new EpcisEvent
        {
            Type = EpcisEventType.ObjectEvent,
            EventTime = new DateTimeOffset(2026, 10, 28, 11, 30, 0, TimeSpan.FromHours(7)),
            EventTimeZoneOffset = "+07:00",
            Action = EpcisAction.Observe,
            BizStep = OwnStep,
            QuantityList = [new QuantityElement { EpcClass = s.RoastedLotId, Quantity = 5, Uom = "XYZ" }],
            ReadPoint = $"https://id.gs1.org/414/{s.Factory.Gln}",
            BizLocation = $"https://id.gs1.org/414/{s.Factory.Gln}",
        });
        return s;
    }

    [Theory]
    [InlineData(false, "Chế biến", "Đóng gói", "Nhận hàng", "28/10/2026 09:00", "Xưởng rang Buôn Ma Thuột", "Cửa hàng trung tâm", "Lô", "500 g")]
    [InlineData(true, "Processing", "Packing", "Receiving", "28 Oct 2026, 09:00", "Xưởng rang Buôn Ma Thuột", "Cửa hàng trung tâm", "Lot", "500 g")]
    public async Task The_consumer_page_of_a_processed_lot_speaks_people_s_language(bool english, params string[] readable)
    {
        var s = await ScenarioAsync();
        using var pages = InEnglish(new PageClient(App), english);

        var text = Visible(await pages.GetPageAsync(s.RoastedLotPath));

        Speaks(text, readable);
    }

    [Theory]
    [InlineData(false, "Chế biến", "Đóng gói", "Xuất hàng", "Ghi nhận hàng hóa", "28/10/2026 09:00", "1.000 kg", "1.600 cái", "5 đơn vị XYZ",
        "Xưởng rang Buôn Ma Thuột", "Cà phê rang xay Ea Tu", "· lô RB26-", "Kiện SSCC")]
    [InlineData(true, "Processing", "Packing", "Shipping", "Observation", "28 Oct 2026, 09:00", "1,000 kg", "1,600 pcs", "5 units of XYZ",
        "Xưởng rang Buôn Ma Thuột", "Ea Tu roasted ground coffee", "· lot RB26-", "Case SSCC")]
    public async Task The_trace_table_of_the_workspace_and_the_authority_speaks_people_s_language(bool english, params string[] readable)
    {
        var s = await ScenarioAsync();
        Guid lotId;
        await using (var scope = App.Services.CreateAsyncScope())
            lotId = await scope.ServiceProvider.GetRequiredService<VnTraceDbContext>().Lots
                .Where(l => l.OrganizationId == s.Producer.Id && l.LotNumber == s.RoastedLot).Select(l => l.Id).SingleAsync();
        using var producer = InEnglish(await App.SignInAsync(await App.CreateUserAsync(s.Producer.Id, Roles.BusinessOwner)), english);
        using var officer = InEnglish(await App.SignInAsync(await App.CreateAuthorityUserAsync()), english);

        var workspace = Visible(await producer.GetPageAsync($"/workspace/lots/{lotId}/trace"));
        var authority = Visible(await officer.GetPageAsync($"/authority/trace?code={Uri.EscapeDataString(s.RoastedLotId)}&direction=Both"));

        Speaks(workspace, readable);
        Speaks(authority, readable);
        // The receiving shop and the business it came from, by name.
        foreach (var text in new[] { workspace, authority })
        {
            Assert.Contains("Cửa hàng trung tâm", text);
            Assert.Contains(s.Producer.Name, text);
        }
    }

    [Theory]
    [InlineData(false, "Số kiểm tra của mã không khớp", "check digit")]
    [InlineData(true, "The code's check digit does not match", "Số kiểm tra")]
    public async Task The_invalid_code_page_says_what_is_wrong_in_the_reader_s_language(bool english, string says, string never)
    {
        using var pages = InEnglish(new PageClient(App), english);

        using var response = await pages.GetAsync("/01/08936012000109");
        var text = Visible(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(says, text);
        if (!english)
            Assert.DoesNotContain(never, text, StringComparison.OrdinalIgnoreCase); // no English technical message in Vietnamese
        else
            Assert.DoesNotContain(never, text);
    }
}

public sealed class SqlitePeoplesWordsTests(SqliteLookupFixture fixture) : PeoplesWordsTests(fixture), IClassFixture<SqliteLookupFixture>;

public sealed class PostgresPeoplesWordsTests(PostgresLookupFixture fixture) : PeoplesWordsTests(fixture), IClassFixture<PostgresLookupFixture>;
