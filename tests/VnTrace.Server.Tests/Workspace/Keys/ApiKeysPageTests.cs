using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using VnTrace.Server.Platform.Data;
using VnTrace.Server.Tests.Infrastructure;

namespace VnTrace.Server.Tests.Workspace.Keys;

/// <summary>An owner creates API keys in the workspace (shown once) and revokes them (refused from the next call).</summary>
public abstract partial class ApiKeysPageTests(AppFixture fixture)
{
    private VnTraceApp App => fixture.App;

    private static string Unique(string prefix) => prefix + "-" + Guid.NewGuid().ToString("N")[..8];

    private static async Task<string> CreateKeyAsync(PageClient owner, string name)
    {
        var response = await owner.SubmitFormAsync("/workspace/keys", new Dictionary<string, string> { ["Create.Name"] = name },
            formAction: "/workspace/keys?handler=Create");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl?.NoStore, "the page with the key may be cached");
        var key = Key().Match(await response.Content.ReadAsStringAsync());
        Assert.True(key.Success, "the page shows no key");
        return key.Value;
    }

    private HttpClient Bearer(string key)
    {
        var client = App.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    private async Task<Guid> KeyIdAsync(Guid organizationId, string name)
    {
        return await App.WithDbAsync(db => db.ApiKeys.Where(k => k.OrganizationId == organizationId && k.Name == name).Select(k => k.Id).SingleAsync());
    }

    [Fact]
    public async Task A_key_created_in_the_workspace_reads_events_and_stops_the_moment_it_is_revoked()
    {
        var owner = await App.CreateBusinessUserAsync(Unique("HTX khóa"));
        using var pages = await App.SignInAsync(owner);
        var key = await CreateKeyAsync(pages, "Phần mềm kho");
        var client = Bearer(key);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/events")).StatusCode); // now cached

        var list = await pages.GetPageAsync("/workspace/keys");
        Assert.Contains("Phần mềm kho", list);
        Assert.Contains(key[..12], list);
        Assert.DoesNotContain(key, list); // the whole key is never shown again

        var id = await KeyIdAsync(owner.OrganizationId!.Value, "Phần mềm kho");
        var revoked = await pages.SubmitFormAsync("/workspace/keys", new Dictionary<string, string> { ["id"] = id.ToString() },
            formAction: "/workspace/keys?handler=Revoke");
        Assert.Equal(HttpStatusCode.Redirect, revoked.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/events")).StatusCode);
        Assert.Contains("Đã thu hồi", await pages.GetPageAsync("/workspace/keys"));

        await App.WithDbAsync(async db =>
        {
            var actions = await db.AuditLog.Where(a => a.EntityId == id.ToString()).Select(a => a.Action).ToListAsync();
            Assert.Equal(new[] { "api-key.create", "api-key.revoke" }, actions.Order());
        });
    }

    [Fact]
    public async Task A_key_needs_a_name()
    {
        var owner = await App.CreateBusinessUserAsync(Unique("HTX tên khóa"));
        using var pages = await App.SignInAsync(owner);
        var response = await pages.SubmitFormAsync("/workspace/keys", new Dictionary<string, string> { ["Create.Name"] = "" },
            formAction: "/workspace/keys?handler=Create");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotMatch(Key(), await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Another_business_can_neither_see_nor_revoke_the_keys()
    {
        var a = await App.CreateBusinessUserAsync(Unique("HTX A khóa"));
        var b = await App.CreateBusinessUserAsync(Unique("HTX B khóa"));
        using var aPages = await App.SignInAsync(a);
        using var bPages = await App.SignInAsync(b);
        var key = await CreateKeyAsync(aPages, "Khóa riêng của A");
        var id = await KeyIdAsync(a.OrganizationId!.Value, "Khóa riêng của A");

        var bList = await bPages.GetPageAsync("/workspace/keys");
        Assert.DoesNotContain("Khóa riêng của A", bList);
        Assert.DoesNotContain(key[..12], bList);
        var revoke = await bPages.PostFormAsync("/workspace/keys?handler=Revoke", new Dictionary<string, string> { ["id"] = id.ToString() },
            PageClient.FindForm(bList)!.AntiforgeryToken);
        Assert.Equal(HttpStatusCode.NotFound, revoke.StatusCode);
        Assert.DoesNotContain("Khóa riêng của A", await revoke.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await Bearer(key).GetAsync("/events")).StatusCode);
    }

    [GeneratedRegex("vnt_[A-Za-z0-9_-]{43}")]
    private static partial Regex Key();
}

public sealed class SqliteApiKeysPageTests(SqliteAppFixture fixture) : ApiKeysPageTests(fixture), IClassFixture<SqliteAppFixture>;

public sealed class PostgresApiKeysPageTests(PostgresAppFixture fixture) : ApiKeysPageTests(fixture), IClassFixture<PostgresAppFixture>;
