using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using VnTrace.Server.Identity;
using VnTrace.Server.Platform.Data;
using VnTrace.Server.Tests.Infrastructure;

namespace VnTrace.Server.Tests.Identity;

public sealed partial class AdminCommandsTests(SqliteAppFixture fixture) : IClassFixture<SqliteAppFixture>
{
    [Fact]
    public async Task Admin_commands_create_an_organization_and_a_key_that_works_once_shown()
    {
        var output = new StringWriter();
        Assert.Equal(0, await AdminCommands.RunAsync(fixture.App.Services,
            ["admin", "create-organization", "--name", "HTX Thử nghiệm", "--gln", "8936099000015"], output));
        var organizationId = OrganizationId().Match(output.ToString()).Groups[1].Value;

        output = new StringWriter();
        Assert.Equal(0, await AdminCommands.RunAsync(fixture.App.Services, ["admin", "create-key", "--organization", organizationId, "--name", "ERP"], output));
        var key = output.ToString().Split('\n', StringSplitOptions.TrimEntries).Single(l => l.StartsWith("vnt_", StringComparison.Ordinal));

        var client = fixture.App.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/events")).StatusCode);
    }

    [Theory]
    [InlineData("create-organization")]
    [InlineData("create-organization", "--name", "X", "--gln", "8936099000012")]
    [InlineData("create-key", "--organization", "not-a-guid")]
    [InlineData("create-key", "--organization", "00000000-0000-0000-0000-000000000001")]
    [InlineData("explode")]
    [InlineData("create-user", "--none", "--role", "Nope", "--username", "x-user")]
    [InlineData("create-user", "--none", "--role", "BusinessOwner", "--username", "x-user")]
    [InlineData("create-user", "--role", "Authority", "--username", "x-user")]
    [InlineData("create-user", "--none", "--role", "SystemAdmin")]
    [InlineData("create-user", "--none", "--organization", "00000000-0000-0000-0000-000000000001", "--role", "SystemAdmin", "--username", "x-user")]
    [InlineData("create-organization", "--name", "X", "--tax-code", "12345")]
    public async Task Admin_commands_with_bad_arguments_say_what_is_wrong_and_fail(params string[] arguments)
    {
        var output = new StringWriter();
        Assert.Equal(2, await AdminCommands.RunAsync(fixture.App.Services, ["admin", .. arguments], output));
        Assert.False(string.IsNullOrWhiteSpace(output.ToString()));
    }

    [Fact]
    public async Task Keys_are_stored_only_as_hashes()
    {
        var (_, _) = await fixture.App.CreateOrganizationClientAsync("hash-only");
        var keys = await fixture.App.WithDbAsync(db => db.ApiKeys.ToListAsync());
        Assert.NotEmpty(keys);
        Assert.All(keys, k =>
        {
            Assert.Matches("^[0-9a-f]{64}$", k.KeyHash);
            Assert.DoesNotContain("vnt_", k.KeyHash, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task Admin_create_user_prints_a_generated_password_once_and_it_signs_in()
    {
        var userName = "admin-" + Guid.NewGuid().ToString("N")[..8];
        var output = new StringWriter();
        Assert.Equal(0, await AdminCommands.RunAsync(fixture.App.Services,
            ["admin", "create-user", "--none", "--role", "SystemAdmin", "--username", userName, "--full-name", "Quản trị hệ thống"], output));
        var password = PasswordAfterHeading(output.ToString());
        Assert.Matches("^[a-z2-9]{4}(-[a-z2-9]{4}){3}$", password);

        using var pages = new PageClient(fixture.App);
        var signIn = await pages.SubmitFormAsync("/account/sign-in", new Dictionary<string, string> { ["Form.UserName"] = userName, ["Form.Password"] = password });
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await pages.GetAsync("/authority/organizations")).StatusCode);
        Assert.True(await fixture.App.WithDbAsync(db => db.AuditLog.AnyAsync(a => a.Action == "user.create" && a.Detail!.Contains(userName))));
    }

    [Fact]
    public async Task Admin_create_user_puts_an_officer_in_the_authority_and_an_owner_only_in_a_business()
    {
        var output = new StringWriter();
        Assert.Equal(0, await AdminCommands.RunAsync(fixture.App.Services, ["admin", "create-organization", "--name", "Sở KH&CN", "--authority"], output));
        var authorityId = OrganizationId().Match(output.ToString()).Groups[1].Value;
        output = new StringWriter();
        Assert.Equal(0, await AdminCommands.RunAsync(fixture.App.Services, ["admin", "create-organization", "--name", "HTX thường"], output));
        var businessId = OrganizationId().Match(output.ToString()).Groups[1].Value;

        var officer = "officer-" + Guid.NewGuid().ToString("N")[..8];
        output = new StringWriter();
        Assert.Equal(0, await AdminCommands.RunAsync(fixture.App.Services,
            ["admin", "create-user", "--organization", authorityId, "--role", "Authority", "--username", officer], output));
        using var pages = new PageClient(fixture.App);
        var signIn = await pages.SubmitFormAsync("/account/sign-in", new Dictionary<string, string> { ["Form.UserName"] = officer, ["Form.Password"] = PasswordAfterHeading(output.ToString()) });
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);

        foreach (var (organization, role) in new[] { (businessId, "Authority"), (authorityId, "BusinessOwner") })
        {
            output = new StringWriter();
            Assert.Equal(2, await AdminCommands.RunAsync(fixture.App.Services,
                ["admin", "create-user", "--organization", organization, "--role", role, "--username", "wrong-" + Guid.NewGuid().ToString("N")[..6]], output));
            Assert.Contains("belongs to an organization of kind", output.ToString());
        }
        output = new StringWriter();
        Assert.Equal(2, await AdminCommands.RunAsync(fixture.App.Services,
            ["admin", "create-user", "--organization", authorityId, "--role", "Inspector", "--username", officer], output));
        Assert.Contains(officer, output.ToString()); // the duplicate user name, named
    }

    private static string PasswordAfterHeading(string output)
    {
        var lines = output.Split('\n', StringSplitOptions.TrimEntries);
        return lines[Array.FindIndex(lines, l => l.StartsWith("Password (shown only now", StringComparison.Ordinal)) + 1];
    }

    [GeneratedRegex("Organization created: ([0-9a-f-]{36})")]
    private static partial Regex OrganizationId();
}
