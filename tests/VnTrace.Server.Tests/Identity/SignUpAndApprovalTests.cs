using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using VnTrace.Server.Organizations;
using VnTrace.Server.Platform.Data;
using VnTrace.Server.Identity;
using VnTrace.Server.Tests.Infrastructure;

namespace VnTrace.Server.Tests.Identity;

/// <summary>A business signs up, waits, is approved by an authority officer and reaches its workspace.</summary>
public abstract class SignUpAndApprovalTests(AppFixture fixture)
{
    private VnTraceApp App => fixture.App;

    private static Dictionary<string, string> SignUpFields(string userName, string taxCode, string password = VnTraceApp.TestPassword) => new()
    {
        ["Form.OrganizationName"] = "HTX Cà phê " + userName,
        ["Form.BusinessForm"] = "Cooperative",
        ["Form.TaxCode"] = taxCode,
        ["Form.OwnerFullName"] = "Nguyễn Thị Hoa",
        ["Form.UserName"] = userName,
        ["Form.Password"] = password,
        ["Form.ConfirmPassword"] = password,
        ["Form.Sector"] = "agriculture",
    };

    private static string NewTaxCode() => Random.Shared.NextInt64(1_000_000_000, 9_999_999_999).ToString();

    [Fact]
    public async Task Sign_up_waits_for_approval_then_opens_the_workspace()
    {
        var userName = "owner-" + Guid.NewGuid().ToString("N")[..8];
        using var business = new PageClient(App);
        var signedUp = await business.SubmitFormAsync("/account/sign-up", SignUpFields(userName, NewTaxCode()));
        Assert.Equal(HttpStatusCode.Redirect, signedUp.StatusCode);

        var signIn = await business.SubmitFormAsync("/account/sign-in", new Dictionary<string, string>
        {
            ["Form.UserName"] = userName,
            ["Form.Password"] = VnTraceApp.TestPassword,
        });
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        var waiting = await business.GetAsync("/workspace", followRedirects: false);
        Assert.Equal("/account/pending", waiting.Headers.Location?.ToString());

        var organization = await App.WithDbAsync(db => db.Organizations.SingleAsync(o => o.Name == "HTX Cà phê " + userName));
        Assert.Equal(OrganizationStatus.Pending, organization.Status);
        var organizationId = organization.Id;

        var officer = await App.CreateAuthorityUserAsync();
        using var authority = await App.SignInAsync(officer);
        var list = await authority.GetPageAsync("/authority/organizations");
        Assert.Contains("HTX Cà phê " + userName, list);
        var approved = await authority.SubmitFormAsync("/authority/organizations", new Dictionary<string, string>
        {
            ["id"] = organizationId.ToString(),
            ["decision"] = "Approved",
        }, formAction: "/authority/organizations?handler=Decide");
        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);

        var workspace = await business.GetAsync("/workspace", followRedirects: false);
        Assert.Equal(HttpStatusCode.OK, workspace.StatusCode);
        Assert.Contains("HTX Cà phê " + userName, await workspace.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Sign_up_with_a_weak_password_or_bad_tax_code_stores_nothing()
    {
        var userName = "weak-" + Guid.NewGuid().ToString("N")[..8];
        using var pages = new PageClient(App);
        var weak = await pages.SubmitFormAsync("/account/sign-up", SignUpFields(userName, NewTaxCode(), password: "short1"));
        Assert.Equal(HttpStatusCode.OK, weak.StatusCode);
        Assert.Contains("ít nhất 12 ký tự", await weak.Content.ReadAsStringAsync());

        var badTax = await pages.SubmitFormAsync("/account/sign-up", SignUpFields(userName, "12345"));
        Assert.Contains("Mã số thuế phải gồm", await badTax.Content.ReadAsStringAsync());

        await App.WithDbAsync(async db =>
        {
            Assert.False(await db.Organizations.AnyAsync(o => o.Name == "HTX Cà phê " + userName));
            Assert.False(await db.Users.AnyAsync(u => u.UserName == userName));
        });
    }

    [Fact]
    public async Task Sign_up_stores_the_commune_chosen_from_the_province_list_and_refuses_an_unknown_one()
    {
        var commune = VnTrace.Server.Organizations.Reference.AdministrativeUnits.CommunesOf("66")[0];
        var userName = "commune-" + Guid.NewGuid().ToString("N")[..8];
        using var pages = new PageClient(App);
        var unknown = SignUpFields(userName, NewTaxCode());
        unknown["Form.CommuneCode"] = "99999";
        var refused = await pages.SubmitFormAsync("/account/sign-up", unknown);
        Assert.Contains("Xã, phường không có trong danh mục.", await refused.Content.ReadAsStringAsync());

        var fields = SignUpFields(userName, NewTaxCode());
        fields["Form.CommuneCode"] = commune.Code;
        var response = await pages.SubmitFormAsync("/account/sign-up", fields);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        await App.WithDbAsync(async db =>
        {
            var organization = await db.Organizations.SingleAsync(o => o.Name == "HTX Cà phê " + userName);
            Assert.Equal(commune.Code, organization.CommuneCode);
            Assert.Equal("66", organization.ProvinceCode);
        });
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account()
    {
        var user = await App.CreateBusinessUserAsync("Lockout test");
        using var pages = new PageClient(App);
        for (var i = 0; i < 5; i++)
            await pages.SubmitFormAsync("/account/sign-in", new Dictionary<string, string> { ["Form.UserName"] = user.UserName, ["Form.Password"] = "wrong-password-1" });
        var right = await pages.SubmitFormAsync("/account/sign-in", new Dictionary<string, string> { ["Form.UserName"] = user.UserName, ["Form.Password"] = VnTraceApp.TestPassword });
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Contains("tạm bị khóa", await right.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_form_post_without_the_antiforgery_token_is_refused()
    {
        using var pages = new PageClient(App);
        var response = await pages.PostFormAsync("/account/sign-in", new Dictionary<string, string> { ["Form.UserName"] = "x", ["Form.Password"] = "y" }, antiforgeryToken: null);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task An_inspector_sees_sign_ups_but_cannot_decide()
    {
        var pending = await App.CreateBusinessUserAsync("Chờ duyệt " + Guid.NewGuid().ToString("N")[..6], status: OrganizationStatus.Pending);
        var inspector = await App.CreateAuthorityUserAsync(Roles.Inspector);
        using var pages = await App.SignInAsync(inspector);
        var list = await pages.GetPageAsync("/authority/organizations");
        Assert.DoesNotContain("handler=Decide", list);
        var token = PageClient.FindForm(await pages.GetPageAsync("/account/sign-in"))!.AntiforgeryToken!;
        var decide = await pages.PostFormAsync("/authority/organizations?handler=Decide", new Dictionary<string, string>
        {
            ["id"] = pending.OrganizationId!.Value.ToString(),
            ["decision"] = "Approved",
        }, token);
        Assert.Equal(HttpStatusCode.Redirect, decide.StatusCode);
        Assert.StartsWith("/account/denied", decide.Headers.Location?.PathAndQuery);
        Assert.Equal(OrganizationStatus.Pending, (await App.WithDbAsync(db => db.Organizations.SingleAsync(o => o.Id == pending.OrganizationId))).Status);
    }

    [Fact]
    public async Task Business_users_cannot_open_the_authority_pages()
    {
        var owner = await App.CreateBusinessUserAsync("Không phải cơ quan");
        using var pages = await App.SignInAsync(owner);
        var response = await pages.GetAsync("/authority/organizations", followRedirects: false);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/denied", response.Headers.Location?.PathAndQuery);
    }
}

public sealed class SqliteSignUpAndApprovalTests(SqliteAppFixture fixture) : SignUpAndApprovalTests(fixture), IClassFixture<SqliteAppFixture>;

public sealed class PostgresSignUpAndApprovalTests(PostgresAppFixture fixture) : SignUpAndApprovalTests(fixture), IClassFixture<PostgresAppFixture>;
