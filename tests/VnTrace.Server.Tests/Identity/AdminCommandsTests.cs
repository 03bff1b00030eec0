using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using VnTrace.Server.Identity;
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
        using var scope = fixture.App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<VnTrace.Server.Data.VnTraceDbContext>();
        Assert.All(db.ApiKeys, k =>
        {
            Assert.Matches("^[0-9a-f]{64}$", k.KeyHash);
            Assert.DoesNotContain("vnt_", k.KeyHash, StringComparison.Ordinal);
        });
    }

    [GeneratedRegex("Organization created: ([0-9a-f-]{36})")]
    private static partial Regex OrganizationId();
}
