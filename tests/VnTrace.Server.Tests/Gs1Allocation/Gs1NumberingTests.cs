using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using VnTrace.Gs1.Identifiers;
using VnTrace.Server.Gs1Allocation;
using VnTrace.Server.Organizations;
using VnTrace.Server.Platform.Data;
using VnTrace.Server.Products;
using VnTrace.Server.Tests.Infrastructure;

namespace VnTrace.Server.Tests.Gs1Allocation;

/// <summary>
/// Approval gives a business a company prefix from the province's range (appsettings: 893610 + 3 digits) and its
/// party GLN; GTINs and GLNs then come one by one, distinct even when asked for at the same moment.
/// </summary>
public abstract class Gs1NumberingTests(AppFixture fixture)
{
    private const string RangePrefix = "893610";

    private VnTraceApp App => fixture.App;

    private static string Unique(string prefix) => prefix + "-" + Guid.NewGuid().ToString("N")[..8];

    private async Task<Guid> PendingBusinessAsync(string? ownPrefix = null)
    {
        return await App.WithDbAsync(async db =>
        {
            var organization = new Organization { Name = Unique("HTX chờ duyệt"), Status = OrganizationStatus.Pending, Gs1CompanyPrefix = ownPrefix };
            db.Organizations.Add(organization);
            await db.SaveChangesAsync();
            return organization.Id;
        });
    }

    private async Task<bool> DecideAsync(Guid organizationId, OrganizationStatus decision)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<OrganizationDecisions>().DecideAsync(organizationId, decision, "test", Guid.NewGuid(), CancellationToken.None);
    }

    private async Task<Organization> LoadAsync(Guid organizationId)
    {
        return await App.WithDbAsync(db => db.Organizations.SingleAsync(o => o.Id == organizationId));
    }

    private async Task<T> WithNumbering<T>(Func<Gs1Numbering, Task<T>> use)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await use(scope.ServiceProvider.GetRequiredService<Gs1Numbering>());
    }

    [Fact]
    public async Task Approval_allocates_a_prefix_from_the_range_and_the_party_gln_once()
    {
        var id = await PendingBusinessAsync();
        Assert.True(await DecideAsync(id, OrganizationStatus.Approved));
        var approved = await LoadAsync(id);
        Assert.NotNull(approved.AllocatedCompanyPrefix);
        Assert.StartsWith(RangePrefix, approved.AllocatedCompanyPrefix);
        Assert.Equal(9, approved.AllocatedCompanyPrefix!.Length);
        Assert.True(Gln.TryParse(approved.Gln, out _, out _));
        Assert.StartsWith(approved.AllocatedCompanyPrefix, approved.Gln);
        Assert.Equal(approved.AllocatedCompanyPrefix + "000", approved.Gln![..12]);
        Assert.Equal(1, approved.NextGlnReference);

        // Suspended and approved again: the same codes, nothing new allocated.
        Assert.True(await DecideAsync(id, OrganizationStatus.Suspended));
        Assert.True(await DecideAsync(id, OrganizationStatus.Approved));
        var again = await LoadAsync(id);
        Assert.Equal(approved.AllocatedCompanyPrefix, again.AllocatedCompanyPrefix);
        Assert.Equal(approved.Gln, again.Gln);
        Assert.Equal(1, again.NextGlnReference);

        await App.WithDbAsync(async db =>
        {
            var audit = await db.AuditLog.Where(a => a.EntityId == id.ToString() && a.Action == "organization.approved").Select(a => a.Detail).FirstAsync();
            Assert.Contains(approved.AllocatedCompanyPrefix, audit);
        });
    }

    [Fact]
    public async Task A_business_with_its_own_prefix_gets_only_its_party_gln_from_it()
    {
        var own = "8937" + Random.Shared.Next(100, 999);
        var id = await PendingBusinessAsync(own);
        Assert.True(await DecideAsync(id, OrganizationStatus.Approved));
        var approved = await LoadAsync(id);
        Assert.Null(approved.AllocatedCompanyPrefix);
        Assert.StartsWith(own + "00000", approved.Gln);
    }

    [Fact]
    public async Task Businesses_approved_at_the_same_moment_get_distinct_prefixes()
    {
        var ids = new List<Guid>();
        for (var i = 0; i < 6; i++)
            ids.Add(await PendingBusinessAsync());
        await Task.WhenAll(ids.Select(id => DecideAsync(id, OrganizationStatus.Approved)));
        var organizations = await Task.WhenAll(ids.Select(LoadAsync));
        Assert.All(organizations, o => Assert.StartsWith(RangePrefix, o.AllocatedCompanyPrefix));
        Assert.Equal(6, organizations.Select(o => o.AllocatedCompanyPrefix).Distinct().Count());
        Assert.Equal(6, organizations.Select(o => o.Gln).Distinct().Count());
    }

    [Fact]
    public async Task Parallel_requests_get_distinct_gtins_and_glns()
    {
        var id = await PendingBusinessAsync();
        Assert.True(await DecideAsync(id, OrganizationStatus.Approved));
        var gtins = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => WithNumbering(n => n.NextGtinAsync(id, CancellationToken.None))));
        var glns = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => WithNumbering(n => n.NextGlnAsync(id, CancellationToken.None))));
        Assert.Equal(20, gtins.Distinct().Count());
        Assert.Equal(20, glns.Distinct().Count());
        var organization = await LoadAsync(id);
        Assert.All(gtins, g => Assert.StartsWith("0" + organization.AllocatedCompanyPrefix, g.ToString()));
        Assert.Equal(20, organization.NextGtinReference);
        Assert.Equal(21, organization.NextGlnReference); // the party GLN took the first
        Assert.DoesNotContain(organization.Gln, glns.Select(g => g.ToString()));
    }

    [Fact]
    public async Task A_gtin_already_taken_by_a_product_is_skipped()
    {
        var id = await PendingBusinessAsync();
        Assert.True(await DecideAsync(id, OrganizationStatus.Approved));
        var prefix = (await LoadAsync(id)).AllocatedCompanyPrefix!;
        var body = prefix + "000";
        var taken = "0" + body + Gs1CheckDigit.ComputeChar(body);
        await App.WithDbAsync(async db =>
        {
            db.Products.Add(new Product { OrganizationId = id, Gtin = taken, NameVi = "Nhập tay", Unit = "kg" });
            await db.SaveChangesAsync();
        });
        var next = await WithNumbering(n => n.NextGtinAsync(id, CancellationToken.None));
        Assert.NotEqual(taken, next.ToString());
        Assert.Equal("0" + prefix + "001", next.ToString()[..13]);
    }

    [Fact]
    public async Task A_business_without_a_prefix_is_told_so()
    {
        var id = await PendingBusinessAsync();
        var e = await Assert.ThrowsAsync<Gs1AllocationException>(() => WithNumbering(n => n.NextGtinAsync(id, CancellationToken.None)));
        Assert.Contains("no GS1 company prefix", e.Message);
    }
}

public sealed class SqliteGs1NumberingTests(SqliteAppFixture fixture) : Gs1NumberingTests(fixture), IClassFixture<SqliteAppFixture>;

public sealed class PostgresGs1NumberingTests(PostgresAppFixture fixture) : Gs1NumberingTests(fixture), IClassFixture<PostgresAppFixture>;

/// <summary>The province's range as configured: checked at start-up, and its end reported to the officer.</summary>
public sealed class Gs1RangeTests(PostgresServer postgres)
{
    [Fact]
    public async Task A_bad_range_stops_the_server_with_the_reason()
    {
        var e = await Assert.ThrowsAsync<OptionsValidationException>(() => VnTraceApp.StartAsync(DatabaseProvider.Sqlite, postgres,
            new() { ["VnTrace:Gs1Allocation:Prefix"] = "12", ["VnTrace:Gs1Allocation:BusinessDigits"] = "3" }));
        Assert.Contains("VnTrace:Gs1Allocation:Prefix", e.Message);
    }

    [Fact]
    public async Task When_the_range_is_used_up_the_officer_is_told_and_the_business_stays_pending()
    {
        await using var app = await VnTraceApp.StartAsync(DatabaseProvider.Sqlite, postgres,
            new() { ["VnTrace:Gs1Allocation:Prefix"] = "893620", ["VnTrace:Gs1Allocation:BusinessDigits"] = "1" });
        var pending = await app.WithDbAsync(async db =>
        {
            db.Organizations.Add(new Organization { Name = "HTX cuối dải", AllocatedCompanyPrefix = "8936209" });
            var organization = new Organization { Name = "HTX hết mã", Status = OrganizationStatus.Pending };
            db.Organizations.Add(organization);
            await db.SaveChangesAsync();
            return organization.Id;
        });
        using var officer = await app.SignInAsync(await app.CreateAuthorityUserAsync());
        var response = await officer.SubmitFormAsync("/authority/organizations", new Dictionary<string, string>
        {
            ["id"] = pending.ToString(),
            ["decision"] = "Approved",
        }, formAction: "/authority/organizations?handler=Decide");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await officer.GetPageAsync(response.Headers.Location!.ToString());
        Assert.Contains("Chưa duyệt được", page);
        Assert.Contains("893620 is exhausted", page);
        await app.WithDbAsync(async db =>
        {
            Assert.Equal(OrganizationStatus.Pending, (await db.Organizations.SingleAsync(o => o.Id == pending)).Status);
        });
    }
}
