using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using VnTrace.Server.Identity;
using VnTrace.Server.Identity.Staff;
using VnTrace.Server.Organizations;
using VnTrace.Server.Platform.Data;
using VnTrace.Server.Tests.Infrastructure;

namespace VnTrace.Server.Tests.Platform.Data;

/// <summary>
/// The "Tenant" query filter: every entity with an organization column carries it or is listed below with the
/// reason it does not, and through it one organization sees none of another's rows, whatever Where a caller wrote.
/// </summary>
public abstract class TenantIsolationTests(AppFixture fixture)
{
    private VnTraceApp App => fixture.App;

    private static readonly string[] OrganizationColumns = ["OrganizationId", "OwnerId"];

    /// <summary>
    /// Entities with an organization column and no tenant filter, each with its reason. The "not yet" ones are read
    /// across organizations by the consumer lookup, resolver, trace, recall, EPCIS query, capture checks, demo seed
    /// or authority console; they get the filter once each of those reads opts out with IgnoreTenantFilter.
    /// </summary>
    private static readonly Dictionary<string, string> Unfiltered = new()
    {
        ["AppUser"] = "sign-in finds the user before any tenant is known; staff lists take the organization id",
        ["TraceabilityEvent"] = "EPCIS events are shared by design: the query's visibility rules (EPCIS 2.0 §8.2) decide who sees them, not ownership",
        ["Product"] = "not yet: read publicly by the consumer lookup, resolver, trace and recall",
        ["Lot"] = "not yet: read publicly by the consumer lookup, trace, recall and capture checks",
        ["Location"] = "not yet: read publicly by the consumer journey, trace and capture checks",
        ["Certificate"] = "not yet: shown publicly by the consumer lookup",
        ["LabelBatch"] = "not yet: the consumer lookup checks issued serials against their batch",
        ["StoredFile"] = "not yet: product images and certificate files are served publicly",
        ["PublicationSettings"] = "not yet: read by the public consumer page",
        ["Scan"] = "not yet: recorded by anonymous consumers",
        ["ProblemReport"] = "not yet: filed by anonymous consumers",
        ["AuditEntry"] = "not yet: also records authority and system actions with no organization",
        ["RecallNotice"] = "not yet: recall notices go to every organization along the supply chain",
        ["CaptureJob"] = "not yet: run by the background capture worker, which has no tenant",
        ["LocationHierarchy"] = "not yet: the EPCIS query and capture read the hierarchy across organizations",
    };

    /// <summary>For each filtered entity: how to give organization A a row, and how to count A's rows.</summary>
    private static readonly Dictionary<Type, (Func<IServiceProvider, Guid, Task> Seed, Func<VnTraceDbContext, Guid, Task<int>> CountOf)> Cases = new()
    {
        [typeof(ApiKey)] = (
            (services, org) => services.GetRequiredService<ApiKeyService>().CreateAsync(org, "isolation"),
            (db, org) => db.ApiKeys.CountAsync(k => k.OrganizationId == org)),
        [typeof(StaffInvitation)] = (
            (services, org) => services.GetRequiredService<StaffService>().InviteAsync(org, "Isolation", Roles.BusinessStaff, Guid.NewGuid(), CancellationToken.None),
            (db, org) => db.StaffInvitations.CountAsync(i => i.OrganizationId == org)),
    };

    [Fact]
    public void Every_entity_with_an_organization_column_has_the_tenant_filter_or_a_stated_reason()
    {
        using var scope = App.Services.CreateScope();
        var model = scope.ServiceProvider.GetRequiredService<VnTraceDbContext>().Model;
        var owned = model.GetEntityTypes()
            .Where(e => !e.IsOwned() && e.GetProperties().Any(p => OrganizationColumns.Contains(p.Name)))
            .ToList();
        Assert.NotEmpty(owned);
        var problems = new List<string>();
        foreach (var entity in owned)
        {
            var filtered = entity.GetDeclaredQueryFilters().Any(f => f.Key == TenantQueries.FilterName);
            var name = entity.ClrType.Name;
            if (filtered && Unfiltered.ContainsKey(name))
                problems.Add($"{name} has the Tenant filter: take it off the exception list");
            if (!filtered && !Unfiltered.ContainsKey(name))
                problems.Add($"{name} has an organization column but no \"{TenantQueries.FilterName}\" query filter and no stated reason");
            if (filtered && !Cases.ContainsKey(entity.ClrType))
                problems.Add($"{name} is tenant-filtered but TenantIsolationTests does not prove it");
        }
        problems.AddRange(Unfiltered.Keys.Where(name => !owned.Any(e => e.ClrType.Name == name))
            .Select(name => $"{name} is on the exception list but has no organization column"));
        Assert.Empty(problems);
    }

    [Fact]
    public async Task A_second_organization_sees_none_of_the_first_organizations_rows()
    {
        var a = await NewOrganizationAsync("tenant-a");
        var b = await NewOrganizationAsync("tenant-b");
        foreach (var (type, (seed, countOf)) in Cases)
        {
            await AsTenantAsync(a, services => seed(services, a));
            Assert.True(await AsTenantAsync(a, s => countOf(Db(s), a)) > 0, $"{type.Name}: the owner does not see its own row");
            Assert.Equal(0, await AsTenantAsync(b, s => countOf(Db(s), a)));
            // No tenant (anonymous, authority, background) means no rows, not every row.
            Assert.Equal(0, await AsTenantAsync(null, s => countOf(Db(s), a)));
        }
    }

    [Fact]
    public async Task Workspace_services_return_nothing_of_another_organization_even_when_given_its_id()
    {
        var a = await NewOrganizationAsync("tenant-svc-a");
        var b = await NewOrganizationAsync("tenant-svc-b");
        await AsTenantAsync(a, s => s.GetRequiredService<StaffService>().InviteAsync(a, "Isolation", Roles.BusinessStaff, Guid.NewGuid(), CancellationToken.None));
        await AsTenantAsync(a, s => s.GetRequiredService<ApiKeyService>().CreateAsync(a, "isolation"));
        var keyId = await AsTenantAsync(a, s => Db(s).ApiKeys.Where(k => k.OrganizationId == a).Select(k => k.Id).SingleAsync());

        Assert.Single(await AsTenantAsync(a, s => s.GetRequiredService<StaffService>().PendingInvitationsAsync(a, CancellationToken.None)));
        Assert.Empty(await AsTenantAsync(b, s => s.GetRequiredService<StaffService>().PendingInvitationsAsync(a, CancellationToken.None)));
        Assert.False(await AsTenantAsync(b, s => s.GetRequiredService<ApiKeyService>().RevokeAsync(a, keyId)));
        var revokedAt = await AsTenantAsync(null, s => Db(s).ApiKeys.IgnoreTenantFilter("the test checks the key is untouched")
            .Where(k => k.Id == keyId).Select(k => k.RevokedAt).SingleAsync());
        Assert.Null(revokedAt);
    }

    private static VnTraceDbContext Db(IServiceProvider services) => services.GetRequiredService<VnTraceDbContext>();

    private async Task<Guid> NewOrganizationAsync(string name)
    {
        var id = Guid.Empty;
        await AsTenantAsync(null, async s =>
        {
            var organization = new Organization { Name = name + "-" + Guid.NewGuid().ToString("N")[..8] };
            Db(s).Organizations.Add(organization);
            await Db(s).SaveChangesAsync();
            id = organization.Id;
            return 0;
        });
        return id;
    }

    /// <summary>Runs <paramref name="work"/> in a scope whose request principal carries <paramref name="organizationId"/>,
    /// as a signed-in business user's cookie or an organization API key does.</summary>
    private async Task<T> AsTenantAsync<T>(Guid? organizationId, Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var accessor = scope.ServiceProvider.GetRequiredService<IHttpContextAccessor>();
        var previous = accessor.HttpContext;
        var identity = organizationId is { } id
            ? new ClaimsIdentity([new Claim(ApiKeyAuthenticationHandler.OrganizationClaim, id.ToString())], "Test")
            : new ClaimsIdentity();
        accessor.HttpContext = new DefaultHttpContext { User = new ClaimsPrincipal(identity), RequestServices = scope.ServiceProvider };
        try
        {
            return await work(scope.ServiceProvider);
        }
        finally
        {
            accessor.HttpContext = previous;
        }
    }

    private Task AsTenantAsync(Guid? organizationId, Func<IServiceProvider, Task> work) =>
        AsTenantAsync(organizationId, async s => { await work(s); return 0; });
}

public sealed class SqliteTenantIsolationTests(SqliteAppFixture fixture) : TenantIsolationTests(fixture), IClassFixture<SqliteAppFixture>;

public sealed class PostgresTenantIsolationTests(PostgresAppFixture fixture) : TenantIsolationTests(fixture), IClassFixture<PostgresAppFixture>;
