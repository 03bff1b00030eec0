using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using VnTrace.Server.Identity;
using VnTrace.Server.Organizations;
using VnTrace.Server.Programme.Agencies;
using VnTrace.Server.Tests.Infrastructure;

namespace VnTrace.Server.Tests.Programme;

/// <summary>An officer of an agency, with an agency-key client for the programme API and the scope the key carries.</summary>
public sealed record TestOfficer(TestUser User, OfficerScope Scope, HttpClient Api);

/// <summary>Agencies, officers and agency keys made for a test, each unique so tests never share their counts.</summary>
public static class ProgrammeTestAgencies
{
    public static async Task<Agency> DostAsync(VnTraceApp app) =>
        await app.WithDbAsync(db => db.Agencies.AsNoTracking().Where(a => a.Kind == AgencyKind.Dost).OrderBy(a => a.CreatedAt).FirstAsync());

    public static async Task<Agency> CreateAgencyAsync(VnTraceApp app, AgencyKind kind, string[]? sectors = null, string? communeCode = null)
    {
        var agency = new Agency
        {
            Name = $"{kind} test {Guid.NewGuid():N}"[..40],
            Kind = kind,
            Sectors = [.. sectors ?? []],
            CommuneCode = communeCode,
        };
        await app.WithDbAsync(db =>
        {
            db.Agencies.Add(agency);
            return db.SaveChangesAsync();
        });
        return agency;
    }

    /// <summary>A new officer in <paramref name="role"/> of <paramref name="agency"/> (the DoST when null) and one agency key.</summary>
    public static async Task<TestOfficer> OfficerAsync(VnTraceApp app, Agency? agency = null, string role = Roles.Authority)
    {
        agency ??= await DostAsync(app);
        var user = await app.CreateAuthorityUserAsync(role);
        await app.WithDbAsync(db => db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.AgencyId, agency.Id)));
        var scope = new OfficerScope(agency.Id, agency.Name, agency.Kind, role, agency.Sectors, agency.CommuneCode, user.Id);
        await using var services = app.Services.CreateAsyncScope();
        var key = await services.ServiceProvider.GetRequiredService<AgencyKeyService>().CreateAsync(scope, "test");
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return new TestOfficer(user, scope, client);
    }

    /// <summary>An approved business (OCOP when asked) in a commune and sector of the test's choosing.</summary>
    public static async Task<Organization> BusinessAsync(VnTraceApp app, string? communeCode = null, string? sector = null, bool ocop = false,
        OrganizationStatus status = OrganizationStatus.Approved)
    {
        var organization = new Organization
        {
            Name = "DN thử " + Guid.NewGuid().ToString("N")[..8],
            TaxCode = "9" + Random.Shared.NextInt64(100_000_000, 999_999_999),
            CommuneCode = communeCode,
            Sector = sector,
            OcopParticipant = ocop,
            Status = status,
        };
        await app.WithDbAsync(db =>
        {
            db.Organizations.Add(organization);
            return db.SaveChangesAsync();
        });
        return organization;
    }

    /// <summary>A commune code no other test uses (GSO codes are five digits; these are letters, so never real).</summary>
    public static string UniqueCommune() => "T" + Guid.NewGuid().ToString("N")[..8];
}
