using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using VnTrace.Server.Identity;
using VnTrace.Server.Organizations;
using VnTrace.Server.Platform.Data;
using VnTrace.Server.Programme.Agencies;
using VnTrace.Server.Tests.Infrastructure;

namespace VnTrace.Server.Tests.Programme;

/// <summary>An officer the test created, with the scope the server resolves for them.</summary>
public sealed record KitOfficer(TestUser User, OfficerScope Scope);

/// <summary>Agencies, officers and agency-key clients for the programme's tests.</summary>
public static class ProgrammeTestKit
{
    public static string Unique(string prefix) => prefix + " " + Guid.NewGuid().ToString("N")[..8];

    /// <summary>The DoST agency the server made on start.</summary>
    public static async Task<Agency> DostAsync(this VnTraceApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<VnTraceDbContext>().Agencies.AsNoTracking().FirstAsync(a => a.Kind == AgencyKind.Dost);
    }

    public static async Task<Agency> CreateAgencyAsync(this VnTraceApp app, AgencyKind kind, IReadOnlyList<string>? sectors = null, string? communeCode = null)
    {
        var agency = new Agency { Name = Unique(kind.ToString()), Kind = kind, Sectors = [.. sectors ?? []], CommuneCode = communeCode };
        await app.WithDbAsync(db =>
        {
            db.Agencies.Add(agency);
            return db.SaveChangesAsync();
        });
        return agency;
    }

    /// <summary>An officer of <paramref name="agency"/> (the DoST when null) in <paramref name="role"/>, of a fresh authority organization.</summary>
    public static async Task<KitOfficer> CreateOfficerAsync(this VnTraceApp app, Agency? agency = null, string role = Roles.Authority)
    {
        agency ??= await app.DostAsync();
        var user = await app.CreateAuthorityUserAsync(role);
        await app.WithDbAsync(db => db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.AgencyId, agency.Id)));
        return new KitOfficer(user, new OfficerScope(agency.Id, agency.Name, agency.Kind, role, agency.Sectors, agency.CommuneCode, user.Id));
    }

    /// <summary>An HTTP client carrying a new agency key of <paramref name="officer"/>.</summary>
    public static async Task<HttpClient> AgencyClientAsync(this VnTraceApp app, KitOfficer officer)
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await app.AgencyKeyAsync(officer));
        return client;
    }

    public static async Task<string> AgencyKeyAsync(this VnTraceApp app, KitOfficer officer)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AgencyKeyService>().CreateAsync(officer.Scope, "test key");
    }

    /// <summary>A DoST officer and a client with their agency key: the province-wide caller most tests need.</summary>
    public static async Task<(KitOfficer Officer, HttpClient Client)> DostClientAsync(this VnTraceApp app)
    {
        var officer = await app.CreateOfficerAsync();
        return (officer, await app.AgencyClientAsync(officer));
    }

    /// <summary>An approved business (unless said otherwise) with a sector and commune, for scope tests.</summary>
    public static async Task<Organization> CreateBusinessAsync(this VnTraceApp app, string? sector = "agriculture", string? communeCode = "24163",
        OrganizationStatus status = OrganizationStatus.Approved)
    {
        var organization = new Organization { Name = Unique("Business"), Sector = sector, CommuneCode = communeCode, ProvinceCode = "66", Status = status };
        await app.WithDbAsync(db =>
        {
            db.Organizations.Add(organization);
            return db.SaveChangesAsync();
        });
        return organization;
    }
}

/// <summary>The programme API's problem+json answers.</summary>
public static class ProgrammeProblemAssertions
{
    /// <summary>Asserts the status, the problem+json type "urn:vntrace:programme:{kind}", and returns the body.</summary>
    public static async Task<System.Text.Json.Nodes.JsonObject> AssertProgrammeProblem(this HttpResponseMessage response, int status, string kind)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == status, $"expected {status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = System.Text.Json.Nodes.JsonNode.Parse(body)!.AsObject();
        Assert.Equal("urn:vntrace:programme:" + kind, (string?)problem["type"]);
        Assert.Equal(status, (int)problem["status"]!);
        return problem;
    }
}
