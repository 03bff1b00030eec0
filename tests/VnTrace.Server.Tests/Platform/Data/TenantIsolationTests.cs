using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using VnTrace.Server.Identity;
using VnTrace.Server.Capture;
using VnTrace.Server.Certificates;
using VnTrace.Server.Identity.Staff;
using VnTrace.Server.Labels;
using VnTrace.Server.Locations;
using VnTrace.Server.Lookup.Publication;
using VnTrace.Server.Lookup.Reports;
using VnTrace.Server.Lookup.Scans;
using VnTrace.Server.Lots;
using VnTrace.Server.Platform.Audit;
using VnTrace.Server.Platform.Files;
using VnTrace.Server.Products;
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
        ["SupportApplication"] = "a programme record read by officers across businesses within their OfficerScope; the business workspace reads only its own by an explicit organization id (SupportQueries.ApplicationsOfAsync)",
        ["InspectionVisit"] = "an authority's inspection record, read by officers within their OfficerScope, never by the business workspace",
        ["ConformityAssessment"] = "an authority's certification record, read by officers within their OfficerScope, never by the business workspace",
        ["RecallNotice"] = "a notice is part of its recall campaign: the initiator and the authority read every notice of it, an addressee only its own, as RecallDocuments decides",
        ["ActivityAttendee"] = "an attendee's organization is where the person came from, not an owner: the register belongs to the activity, read by officers within their scope (ActivityService.InScope)",
        ["SurveyRecipient"] = "the survey is the agency's; a business reads only the surveys sent to it, through SurveyService's organization-id queries",
        ["SurveyResponse"] = "officers read every response of a survey in their scope for its summary; a business reads and writes only its own, through SurveyService, which takes its organization id",
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
        [typeof(LabelBatch)] = (
            (services, org) => Add(services, new LabelBatch { OrganizationId = org, LotId = NewLot(services, org).Id, Kind = LabelBatchKind.Lot, Count = 1 }),
            (db, org) => db.LabelBatches.CountAsync(b => b.OrganizationId == org)),
        [typeof(PublicationSettings)] = (
            (services, org) => Add(services, new PublicationSettings { OrganizationId = org, ShowInternalLocations = true }),
            (db, org) => db.PublicationSettings.CountAsync(p => p.OrganizationId == org)),
        [typeof(ProblemReport)] = (
            (services, org) => Add(services, new ProblemReport { OrganizationId = org, Identifier = "isolation", Message = "isolation" }),
            (db, org) => db.ProblemReports.CountAsync(r => r.OrganizationId == org)),
        [typeof(Scan)] = (
            (services, org) => Add(services, new Scan { OrganizationId = org, Identifier = "isolation", UserAgentHash = "isolation" }),
            (db, org) => db.Scans.CountAsync(s => s.OrganizationId == org)),
        [typeof(CaptureJob)] = (
            (services, org) => Add(services, new CaptureJob { OwnerId = org }),
            (db, org) => db.CaptureJobs.CountAsync(j => j.OwnerId == org)),
        [typeof(StoredFile)] = (
            (services, org) => Add(services, new StoredFile { OrganizationId = org, FileName = "a.txt", ContentType = "text/plain", Sha256 = "00", Content = [1] }),
            (db, org) => db.Files.CountAsync(f => f.OrganizationId == org)),
        [typeof(AuditEntry)] = (
            (services, org) => Add(services, new AuditEntry { OrganizationId = org, Action = "isolation" }),
            (db, org) => db.AuditLog.CountAsync(a => a.OrganizationId == org)),
        [typeof(Certificate)] = (
            (services, org) => Add(services, new Certificate { OrganizationId = org, Kind = CertificateKind.VietGap, Number = "ISO-1", Issuer = "Cách ly", ValidFrom = new DateOnly(2026, 1, 1) }),
            (db, org) => db.Certificates.CountAsync(c => c.OrganizationId == org)),
        [typeof(Product)] = (
            (services, org) => Add(services, NewLot(services, org)),
            (db, org) => db.Products.CountAsync(p => p.OrganizationId == org)),
        [typeof(Location)] = (
            (services, org) => Add(services, new Location { OrganizationId = org, Kind = LocationKind.Farm, Name = "Cách ly", Gln = "8936" + Random.Shared.NextInt64(100_000_000, 999_999_999) }),
            (db, org) => db.Locations.CountAsync(l => l.OrganizationId == org)),
        [typeof(Lot)] = (
            (services, org) => Add(services, NewLot(services, org)),
            (db, org) => db.Lots.CountAsync(l => l.OrganizationId == org)),
        [typeof(LocationHierarchy)] = (
            (services, org) => Add(services, new LocationHierarchy { OwnerId = org, ParentId = "urn:parent:" + org, ChildId = "urn:child:" + org }),
            (db, org) => db.LocationHierarchy.CountAsync(h => h.OwnerId == org)),
    };

    private static async Task Add(IServiceProvider services, object row)
    {
        if (Db(services).Entry(row).State == EntityState.Detached)
            Db(services).Add(row);
        await Db(services).SaveChangesAsync();
    }

    /// <summary>A lot of organization <paramref name="org"/>, added to the context for the row that needs one.</summary>
    private static Lot NewLot(IServiceProvider services, Guid org)
    {
        var product = new Product { OrganizationId = org, Gtin = "0" + Random.Shared.NextInt64(1_000_000_000_000, 9_999_999_999_999), NameVi = "Cách ly", Unit = "kg" };
        var lot = new Lot { OrganizationId = org, Gtin = product.Gtin, LotNumber = "ISO-1", ProductId = product.Id };
        Db(services).AddRange(product, lot);
        return lot;
    }

    [Fact]
    public void Every_entity_with_an_organization_column_has_the_tenant_filter_or_a_stated_reason()
    {
        using var scope = App.ServerServices.CreateScope();
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

        // A product of A with a certificate naming it: B asking for that product's coverage by its id learns nothing.
        var productId = await AsTenantAsync(a, async s =>
        {
            var lot = NewLot(s, a);
            var certificate = new Certificate { OrganizationId = a, Kind = CertificateKind.VietGap, Number = "ISO-2", Issuer = "Cách ly", ValidFrom = new DateOnly(2026, 1, 1) };
            Db(s).Add(certificate);
            Db(s).Add(new CertificateProduct { CertificateId = certificate.Id, ProductId = lot.ProductId!.Value });
            await Db(s).SaveChangesAsync();
            return lot.ProductId!.Value;
        });
        Assert.Single(await AsTenantAsync(a, s => s.GetRequiredService<CertificateCoverage>().ForProductAsync(productId)));
        Assert.Empty(await AsTenantAsync(b, s => s.GetRequiredService<CertificateCoverage>().ForProductAsync(productId)));
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
        await using var scope = App.ServerServices.CreateAsyncScope();
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
