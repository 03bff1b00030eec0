using System.Net;
using System.Text.RegularExpressions;
using VnTrace.Server.Tests.Infrastructure;

namespace VnTrace.Server.Tests.Identity;

/// <summary>Issue 12, item 5: guessing passwords, locking out others, telling names apart, reusing a cookie.</summary>
public abstract partial class SignInAbuseTests(AppFixture fixture)
{
    private VnTraceApp App => fixture.App;

    private static PageClient From(VnTraceApp app, string address)
    {
        var pages = new PageClient(app);
        pages.Http.DefaultRequestHeaders.Add(TestRemoteAddress.Header, address);
        return pages;
    }

    private static Task<HttpResponseMessage> SignInAsync(PageClient pages, string userName, string password) =>
        pages.SubmitFormAsync("/account/sign-in", new Dictionary<string, string> { ["Form.UserName"] = userName, ["Form.Password"] = password });

    private static async Task<string> ErrorOf(HttpResponseMessage response)
    {
        var html = await response.Content.ReadAsStringAsync();
        var summary = SummaryPattern().Match(html);
        Assert.True(summary.Success, "no validation summary in: " + html);
        return summary.Groups[1].Value.Trim();
    }

    [GeneratedRegex("validation-summary-errors[^>]*>\\s*<ul>\\s*<li>([^<]*)</li>")]
    private static partial Regex SummaryPattern();

    [Fact]
    public async Task Wrong_passwords_from_one_address_do_not_stop_the_user_signing_in_from_another()
    {
        var officer = await App.CreateAuthorityUserAsync();
        using var attacker = From(App, "203.0.113.7");
        for (var i = 0; i < 8; i++)
            await SignInAsync(attacker, officer.UserName, "guess-password-" + i);
        var attackerRight = await SignInAsync(attacker, officer.UserName, VnTraceApp.TestPassword);
        Assert.Equal(HttpStatusCode.OK, attackerRight.StatusCode);
        Assert.Contains("tạm bị khóa", await attackerRight.Content.ReadAsStringAsync());

        using var officerPages = From(App, "198.51.100.20");
        var signedIn = await SignInAsync(officerPages, officer.UserName, VnTraceApp.TestPassword);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
    }

    [Fact]
    public async Task An_unknown_user_and_a_wrong_password_get_the_same_answer_even_after_many_tries()
    {
        var user = await App.CreateBusinessUserAsync("Cùng câu trả lời");
        var unknown = "nobody-" + Guid.NewGuid().ToString("N")[..8];
        using var pages = From(App, "203.0.113.8");
        for (var i = 0; i < 6; i++)
        {
            var wrong = await SignInAsync(pages, user.UserName, "wrong-password-" + i);
            var missing = await SignInAsync(pages, unknown, "wrong-password-" + i);
            Assert.Equal(wrong.StatusCode, missing.StatusCode);
            Assert.Equal(await ErrorOf(wrong), await ErrorOf(missing));
        }
    }

    [Fact]
    public async Task A_cookie_copied_before_sign_out_no_longer_works_after_it()
    {
        var owner = await App.CreateBusinessUserAsync("Phiên đăng xuất");
        using var pages = await App.SignInAsync(owner);
        var cookie = pages.Cookies.GetCookies(PageClient.BaseAddress)["vntrace.auth"]!.Value;
        using var thief = App.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions
        {
            BaseAddress = PageClient.BaseAddress,
            AllowAutoRedirect = false,
            HandleCookies = false,
        });
        async Task<HttpResponseMessage> Replay()
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/workspace");
            request.Headers.Add("Cookie", "vntrace.auth=" + cookie);
            return await thief.SendAsync(request);
        }
        Assert.Equal(HttpStatusCode.OK, (await Replay()).StatusCode);

        var token = PageClient.FindForm(await pages.GetPageAsync("/workspace"), PageClient.SignOutAction)!.AntiforgeryToken!;
        var signedOut = await pages.PostFormAsync(PageClient.SignOutAction, [], token);
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);

        var replayed = await Replay();
        Assert.Equal(HttpStatusCode.Redirect, replayed.StatusCode);
        Assert.StartsWith("/account/sign-in", replayed.Headers.Location?.PathAndQuery);
    }
}

public sealed class SqliteSignInAbuseTests(SqliteAppFixture fixture) : SignInAbuseTests(fixture), IClassFixture<SqliteAppFixture>;

public sealed class PostgresSignInAbuseTests(PostgresAppFixture fixture) : SignInAbuseTests(fixture), IClassFixture<PostgresAppFixture>;

/// <summary>The per-address limit on sign-in and sign-up posts, on a server with a low limit.</summary>
public sealed class SignInRateLimitTests
{
    [Fact]
    public async Task Sign_in_posts_beyond_the_limit_of_an_address_get_429_and_another_address_is_served()
    {
        await using var app = await VnTraceApp.StartAsync(VnTrace.Server.Platform.Data.DatabaseProvider.Sqlite, null,
            new Dictionary<string, string?> { ["VnTrace:SignIn:PostsPerMinutePerAddress"] = "3" });
        using var flooder = new PageClient(app);
        flooder.Http.DefaultRequestHeaders.Add(TestRemoteAddress.Header, "203.0.113.9");
        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
            answers.Add((await flooder.SubmitFormAsync("/account/sign-in", new Dictionary<string, string> { ["Form.UserName"] = "x" + i, ["Form.Password"] = "y" })).StatusCode);
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], answers);
        var signUp = await flooder.SubmitFormAsync("/account/sign-up", new Dictionary<string, string> { ["Form.UserName"] = "z" });
        Assert.Equal(HttpStatusCode.TooManyRequests, signUp.StatusCode);
        Assert.Contains("<p>", await signUp.Content.ReadAsStringAsync());

        using var other = new PageClient(app);
        other.Http.DefaultRequestHeaders.Add(TestRemoteAddress.Header, "198.51.100.21");
        Assert.Equal(HttpStatusCode.OK, (await other.SubmitFormAsync("/account/sign-in", new Dictionary<string, string> { ["Form.UserName"] = "x", ["Form.Password"] = "y" })).StatusCode);
    }
}
