using System.Net;
using System.Net.Http.Json;
using VnTrace.Server.Platform.Data;
using VnTrace.Server.Products;
using VnTrace.Server.Tests.Infrastructure;

namespace VnTrace.Server.Tests.Programme.Support;

/// <summary>The business's support page: it applies for itself only, names only its own products, sees only its own applications.</summary>
public abstract class SupportWorkspaceTests(AppFixture fixture)
{
    private VnTraceApp App => fixture.App;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_business_applies_in_its_workspace_and_another_business_neither_sees_it_nor_names_its_products()
    {
        var run = Guid.NewGuid().ToString("N")[..6];
        var a = await App.CreateBusinessUserAsync($"HTX A {run}");
        var b = await App.CreateBusinessUserAsync($"HTX B {run}");
        var product = new Product { OrganizationId = a.OrganizationId!.Value, Gtin = "0894" + Random.Shared.NextInt64(1_000_000_000, 9_999_999_999), NameVi = "Sầu riêng " + run, Unit = "kg" };
        await App.WithDbAsync(db => { db.Products.Add(product); return db.SaveChangesAsync(); });
        var dost = await ProgrammeKit.DostClientAsync(App);
        var call = await dost.PostAsJsonAsync("/api/programme/support/calls", new { year = 2026, title = $"Đợt {run}", criteria = new[] { new { name = "c", weight = 1, minScore = 0, maxScore = 5 } } }, Ct);
        var callId = (await call.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>(Ct)).GetProperty("id").GetGuid();

        var pagesB = await App.SignInAsync(b);
        // B cannot name A's product: refused, nothing recorded.
        var refused = await pagesB.SubmitFormAsync("/workspace/support", new Dictionary<string, string> { ["CallId"] = callId.ToString(), ["ProductIds"] = product.Id.ToString() });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("registered product of the applying business", await refused.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        var pagesA = await App.SignInAsync(a);
        var applied = await pagesA.SubmitFormAsync("/workspace/support", new Dictionary<string, string> { ["CallId"] = callId.ToString(), ["ProductIds"] = product.Id.ToString(), ["Needs"] = "Tem" });
        Assert.Equal(HttpStatusCode.Redirect, applied.StatusCode);
        Assert.Contains($"Đợt {run} (2026)</td>", await pagesA.GetPageAsync("/workspace/support"), StringComparison.Ordinal);
        Assert.DoesNotContain($"Đợt {run} (2026)</td>", await pagesB.GetPageAsync("/workspace/support"), StringComparison.Ordinal);
        Assert.Equal(1, await App.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.SupportApplications, x => x.CallId == callId, Ct)));
    }
}

public sealed class SqliteSupportWorkspaceTests(SqliteAppFixture fixture) : SupportWorkspaceTests(fixture), IClassFixture<SqliteAppFixture>;

public sealed class PostgresSupportWorkspaceTests(PostgresAppFixture fixture) : SupportWorkspaceTests(fixture), IClassFixture<PostgresAppFixture>;
