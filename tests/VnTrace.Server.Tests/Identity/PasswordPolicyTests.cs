using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using VnTrace.Server.Identity;
using VnTrace.Server.Platform.Data;
using VnTrace.Server.Tests.Infrastructure;

namespace VnTrace.Server.Tests.Identity;

/// <summary>
/// Issue 12, item 5: one password rule — at least 12 characters, not a common password — at every place a password
/// is set: sign-up, an accepted invitation, a change of password, a reset.
/// </summary>
public abstract partial class PasswordPolicyTests(AppFixture fixture)
{
    private VnTraceApp App => fixture.App;

    /// <summary>11 characters with a digit: enough for the old rule (10 and a digit), not for this one.</summary>
    internal const string Short = "ngan-qua-10";
    /// <summary>"qwerty123456" from the common list, typed with a capital: the list is compared case-insensitively.</summary>
    internal const string Common = "Qwerty123456";
    /// <summary>A sentence, no digit: long and not common is all the rule asks.</summary>
    internal const string Good = "Buôn Ma Thuột mùa mưa";

    internal const string TooShortMessage = "Mật khẩu phải có ít nhất 12 ký tự.";
    internal const string TooCommonMessage = "Mật khẩu này quá phổ biến";

    private static string Unique(string prefix) => prefix + "-" + Guid.NewGuid().ToString("N")[..8];

    /// <summary>The error shown under the field <paramref name="field"/>, or an empty string.</summary>
    internal static async Task<string> FieldErrorAsync(HttpResponseMessage response, string field)
    {
        var html = await response.Content.ReadAsStringAsync();
        var match = Regex.Match(html, $"<span[^>]*data-valmsg-for=\"{Regex.Escape(field)}\"[^>]*>([^<]*)</span>");
        return match.Success ? WebUtility.HtmlDecode(match.Groups[1].Value) : "";
    }

    [Fact]
    public async Task The_policy_is_identitys_only_password_validator_and_knows_ten_thousand_common_passwords()
    {
        await using var scope = App.Services.CreateAsyncScope();
        var validator = Assert.Single(scope.ServiceProvider.GetServices<IPasswordValidator<AppUser>>());
        var policy = Assert.IsType<PasswordPolicy>(validator);
        Assert.Equal("PasswordTooShort", Assert.Single(policy.Validate(Short).Errors).Code);
        Assert.Equal("PasswordTooShort", Assert.Single(policy.Validate("").Errors).Code);
        Assert.Equal("PasswordRequiresUniqueChars", Assert.Single(policy.Validate("abababababab").Errors).Code);
        foreach (var common in new[] { "qwerty123456", Common, "QWERTY123456", "1q2w3e4r5t6y", "leavemealone" })
            Assert.Equal("PasswordTooCommon", Assert.Single(policy.Validate(common).Errors).Code);
        Assert.True(policy.Validate(Good).Succeeded);
        Assert.True(policy.Validate(VnTraceApp.TestPassword).Succeeded);
        Assert.True(policy.Validate(GeneratedPasswords.New()).Succeeded);
        // The first and the last of the bundled list.
        Assert.True(PasswordPolicy.IsCommon("123456"));
        Assert.True(PasswordPolicy.IsCommon("PASSWORD"));
        Assert.True(PasswordPolicy.IsCommon(File.ReadLines(Path.Combine(SourceDirectory(), "CommonPasswords.txt")).Last()));
        Assert.Equal(10_000, File.ReadLines(Path.Combine(SourceDirectory(), "CommonPasswords.txt")).Count());
        Assert.False(PasswordPolicy.IsCommon(Good));
    }

    private static string SourceDirectory([System.Runtime.CompilerServices.CallerFilePath] string here = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(here)!, "..", "..", "..", "src", "VnTrace.Server", "Identity"));

    [Fact]
    public async Task Sign_up_refuses_a_short_and_a_common_password_and_accepts_a_good_one()
    {
        var userName = Unique("signup");
        Dictionary<string, string> Fields(string password) => new()
        {
            ["Form.OrganizationName"] = "HTX Mật khẩu " + userName,
            ["Form.BusinessForm"] = "Cooperative",
            ["Form.OwnerFullName"] = "Nguyễn Thị Hoa",
            ["Form.UserName"] = userName,
            ["Form.Password"] = password,
            ["Form.ConfirmPassword"] = password,
            ["Form.Sector"] = "agriculture",
            ["Form.TaxCode"] = Random.Shared.NextInt64(1_000_000_000, 9_999_999_999).ToString(),
        };
        using var pages = new PageClient(App);
        var tooShort = await pages.SubmitFormAsync("/account/sign-up", Fields(Short));
        Assert.Equal(HttpStatusCode.OK, tooShort.StatusCode);
        Assert.Equal(TooShortMessage, await FieldErrorAsync(tooShort, "Form.Password"));
        var common = await pages.SubmitFormAsync("/account/sign-up", Fields(Common));
        Assert.Equal(HttpStatusCode.OK, common.StatusCode);
        Assert.StartsWith(TooCommonMessage, await FieldErrorAsync(common, "Form.Password"));
        Assert.False(await UserExistsAsync(userName));

        var good = await pages.SubmitFormAsync("/account/sign-up", Fields(Good));
        Assert.Equal(HttpStatusCode.Redirect, good.StatusCode);
        Assert.True(await UserExistsAsync(userName));
    }

    [Fact]
    public async Task An_invitation_refuses_a_short_and_a_common_password_and_accepts_a_good_one()
    {
        var owner = await App.CreateBusinessUserAsync(Unique("HTX mời"));
        using var ownerPages = await App.SignInAsync(owner);
        var link = new Uri(await Staff.StaffTests.InviteAsync(ownerPages, "Lê Văn Nam")).PathAndQuery;
        var userName = Unique("invitee");
        Dictionary<string, string> Fields(string password) => new()
        {
            ["Form.FullName"] = "Lê Văn Nam",
            ["Form.UserName"] = userName,
            ["Form.Password"] = password,
            ["Form.ConfirmPassword"] = password,
        };
        using var invitee = new PageClient(App);
        var tooShort = await invitee.SubmitFormAsync(link, Fields(Short));
        Assert.Equal(HttpStatusCode.OK, tooShort.StatusCode);
        Assert.Equal(TooShortMessage, await FieldErrorAsync(tooShort, "Form.Password"));
        var common = await invitee.SubmitFormAsync(link, Fields(Common));
        Assert.Equal(HttpStatusCode.OK, common.StatusCode);
        Assert.StartsWith(TooCommonMessage, await FieldErrorAsync(common, "Form.Password"));
        Assert.False(await UserExistsAsync(userName));

        Assert.Equal(HttpStatusCode.Redirect, (await invitee.SubmitFormAsync(link, Fields(Good))).StatusCode);
        Assert.True(await UserExistsAsync(userName));
    }

    [Fact]
    public async Task Changing_the_password_refuses_a_short_and_a_common_one_and_accepts_a_good_one_that_then_signs_in()
    {
        var user = await App.CreateBusinessUserAsync(Unique("HTX đổi mật khẩu"));
        using var pages = await App.SignInAsync(user);
        using var otherSession = await App.SignInAsync(user);
        Dictionary<string, string> Fields(string current, string password) => new()
        {
            ["Form.CurrentPassword"] = current,
            ["Form.NewPassword"] = password,
            ["Form.ConfirmPassword"] = password,
        };
        Assert.Contains("href=\"/account/password\"", await pages.GetPageAsync("/workspace"));

        var tooShort = await pages.SubmitFormAsync("/account/password", Fields(VnTraceApp.TestPassword, Short));
        Assert.Equal(HttpStatusCode.OK, tooShort.StatusCode);
        Assert.Equal(TooShortMessage, await FieldErrorAsync(tooShort, "Form.NewPassword"));
        var common = await pages.SubmitFormAsync("/account/password", Fields(VnTraceApp.TestPassword, Common));
        Assert.Equal(HttpStatusCode.OK, common.StatusCode);
        Assert.StartsWith(TooCommonMessage, await FieldErrorAsync(common, "Form.NewPassword"));
        var wrongCurrent = await pages.SubmitFormAsync("/account/password", Fields("not-my-password-at-all", Good));
        Assert.Equal("Mật khẩu không đúng.", await FieldErrorAsync(wrongCurrent, "Form.CurrentPassword"));

        // The same refusal in English.
        Assert.Equal(HttpStatusCode.Redirect, (await pages.GetAsync("/culture/en?returnUrl=%2F", followRedirects: false)).StatusCode);
        var english = await pages.SubmitFormAsync("/account/password", Fields(VnTraceApp.TestPassword, Common));
        Assert.StartsWith("This password is too common", await FieldErrorAsync(english, "Form.NewPassword"));

        var changed = await pages.SubmitFormAsync("/account/password", Fields(VnTraceApp.TestPassword, Good));
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        // This session goes on; the other one is signed out; the new password signs in, the old one no longer does.
        Assert.Equal(HttpStatusCode.OK, (await pages.GetAsync("/workspace", followRedirects: false)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await otherSession.GetAsync("/workspace", followRedirects: false)).StatusCode);
        using var fresh = new PageClient(App);
        Assert.Equal(HttpStatusCode.OK, (await SignInAsync(fresh, user.UserName, VnTraceApp.TestPassword)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await SignInAsync(fresh, user.UserName, Good)).StatusCode);
    }

    [Fact]
    public async Task A_password_reset_refuses_a_short_and_a_common_password_and_accepts_a_good_one()
    {
        // No page resets a password yet (people change theirs at /account/password); a reset through Identity, the
        // way any future one would go, meets the same rule.
        var user = await App.CreateBusinessUserAsync(Unique("HTX đặt lại"));
        await using var scope = App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var person = (await users.FindByIdAsync(user.Id.ToString()))!;
        async Task<IdentityResult> ResetAsync(string password) =>
            await users.ResetPasswordAsync(person, await users.GeneratePasswordResetTokenAsync(person), password);

        Assert.Equal("PasswordTooShort", Assert.Single((await ResetAsync(Short)).Errors).Code);
        Assert.Equal("PasswordTooCommon", Assert.Single((await ResetAsync(Common)).Errors).Code);
        Assert.True((await ResetAsync(Good)).Succeeded);
        Assert.True(await users.CheckPasswordAsync(person, Good));
    }

    private static Task<HttpResponseMessage> SignInAsync(PageClient pages, string userName, string password) =>
        pages.SubmitFormAsync("/account/sign-in", new Dictionary<string, string> { ["Form.UserName"] = userName, ["Form.Password"] = password });

    private async Task<bool> UserExistsAsync(string userName)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<VnTraceDbContext>().Users.AnyAsync(u => u.UserName == userName);
    }
}

public sealed class SqlitePasswordPolicyTests(SqliteAppFixture fixture) : PasswordPolicyTests(fixture), IClassFixture<SqliteAppFixture>;

public sealed class PostgresPasswordPolicyTests(PostgresAppFixture fixture) : PasswordPolicyTests(fixture), IClassFixture<PostgresAppFixture>;
