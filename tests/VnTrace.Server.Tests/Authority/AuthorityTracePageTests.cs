using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using VnTrace.Server.Platform.Data;
using VnTrace.Server.Identity;
using VnTrace.Server.Tests.Infrastructure;
using VnTrace.Server.Tests.Trace;

namespace VnTrace.Server.Tests.Authority;

/// <summary>The authority's trace page draws the whole chain, through every business's events, with names.</summary>
public abstract class AuthorityTracePageTests(AppFixture fixture)
{
    private VnTraceApp App => fixture.App;

    private async Task<PageClient> OfficerOfAsync(TraceChain chain)
    {
        var authorityId = await App.WithDbAsync(db => db.Organizations.Where(o => o.Gln == chain.Authority.Gln).Select(o => o.Id).SingleAsync());
        return await App.SignInAsync(await App.CreateUserAsync(authorityId, Roles.Authority));
    }

    [Fact]
    public async Task The_trace_page_draws_both_ways_from_a_blended_lot_with_business_names()
    {
        var chain = await TraceChain.CaptureAsync(App);
        using var officer = await OfficerOfAsync(chain);

        var html = await officer.GetPageAsync("/authority/trace?code=" + Uri.EscapeDataString(chain.LotP) + "&direction=Both");

        Assert.Contains("<svg", html);
        Assert.Contains("trace-" + chain.FarmA.Gln, html);   // supplier of an input lot, by name
        Assert.Contains("trace-" + chain.Retailer.Gln, html); // customer
        Assert.Contains("FA-" + chain.Run, html);
        Assert.Contains("CX-" + chain.Run, html);             // the authority sees the unrelated business's claim too
        Assert.Contains("Bảng sự kiện truy xuất", html);
    }

    [Fact]
    public async Task An_element_string_works_as_the_code_and_backward_leaves_customers_out()
    {
        var chain = await TraceChain.CaptureAsync(App);
        using var officer = await OfficerOfAsync(chain);

        var html = await officer.GetPageAsync($"/authority/trace?code={Uri.EscapeDataString($"(01)08936014000106(10)BLEND-{chain.Run}")}&direction=Backward");

        Assert.Contains("FA-" + chain.Run, html);
        // No customer in the graph; the table's row of the lot's own shipment still names, by name, whom it went to.
        var graph = html[html.IndexOf("<svg", StringComparison.Ordinal)..html.IndexOf("</svg>", StringComparison.Ordinal)];
        Assert.DoesNotContain("trace-" + chain.Retailer.Gln, graph);
    }

    [Theory]
    [InlineData("(01)08936014000107(10)X", "Mã không hợp lệ")]
    [InlineData("https://id.gs1.org/01/08936014000106/10/NEVER-SEEN", "Không có sự kiện nào ghi nhận mã")]
    public async Task Bad_or_unknown_codes_get_a_readable_message(string code, string message)
    {
        var chain = await TraceChain.CaptureAsync(App);
        using var officer = await OfficerOfAsync(chain);

        var html = await officer.GetPageAsync("/authority/trace?code=" + Uri.EscapeDataString(code));

        Assert.Contains(message, html);
        Assert.DoesNotContain("<svg", html);
    }

    [Fact]
    public async Task A_reversed_date_window_is_refused_with_a_message()
    {
        var chain = await TraceChain.CaptureAsync(App);
        using var officer = await OfficerOfAsync(chain);

        var html = await officer.GetPageAsync($"/authority/trace?code={Uri.EscapeDataString(chain.LotP)}&from=2026-10-01&to=2026-09-01");

        Assert.Contains("Khoảng thời gian không hợp lệ", html);
    }

    [Fact]
    public async Task A_business_user_cannot_open_the_authority_trace_page()
    {
        var owner = await App.CreateBusinessUserAsync("Không phải cơ quan " + Guid.NewGuid().ToString("N")[..6]);
        using var pages = await App.SignInAsync(owner);
        var response = await pages.GetAsync("/authority/trace?code=x", followRedirects: false);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/denied", response.Headers.Location?.PathAndQuery);
    }
}

public sealed class SqliteAuthorityTracePageTests(SqliteAppFixture fixture) : AuthorityTracePageTests(fixture), IClassFixture<SqliteAppFixture>;

public sealed class PostgresAuthorityTracePageTests(PostgresAppFixture fixture) : AuthorityTracePageTests(fixture), IClassFixture<PostgresAppFixture>;
