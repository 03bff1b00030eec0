using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using VnTrace.Server.Identity;
using VnTrace.Server.Organizations;
using VnTrace.Server.Platform.Data;
using VnTrace.Server.Products;
using VnTrace.Server.Programme.Agencies;
using VnTrace.Server.Tests.Infrastructure;

namespace VnTrace.Server.Tests.Programme.Support;

/// <summary>Agency keys and businesses for programme API tests; each call makes its own, so tests share nothing.</summary>
public static class ProgrammeKit
{
    public static async Task<HttpClient> DostClientAsync(VnTraceApp app, string role = Roles.Authority)
    {
        var dost = await app.WithDbAsync(db => db.Agencies.FirstAsync(a => a.Kind == AgencyKind.Dost));
        return await ClientAsync(app, dost, role);
    }

    public static async Task<(HttpClient Client, Guid AgencyId)> DepartmentClientAsync(VnTraceApp app, params string[] sectors)
    {
        var agency = new Agency { Name = "Sở thử " + Guid.NewGuid().ToString("N")[..8], Kind = AgencyKind.Department, Sectors = [.. sectors] };
        await app.WithDbAsync(db => { db.Agencies.Add(agency); return db.SaveChangesAsync(); });
        return (await ClientAsync(app, agency, Roles.DepartmentOfficer), agency.Id);
    }

    public static async Task<HttpClient> CommuneClientAsync(VnTraceApp app, string communeCode)
    {
        var agency = new Agency { Name = "UBND xã thử " + Guid.NewGuid().ToString("N")[..8], Kind = AgencyKind.Commune, CommuneCode = communeCode };
        await app.WithDbAsync(db => { db.Agencies.Add(agency); return db.SaveChangesAsync(); });
        return await ClientAsync(app, agency, Roles.CommuneOfficer);
    }

    private static async Task<HttpClient> ClientAsync(VnTraceApp app, Agency agency, string role)
    {
        var user = await app.CreateAuthorityUserAsync(role);
        await app.WithDbAsync(db => db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.AgencyId, agency.Id)));
        await using var scope = app.Services.CreateAsyncScope();
        var key = await scope.ServiceProvider.GetRequiredService<AgencyKeyService>().CreateAsync(
            new OfficerScope(agency.Id, agency.Name, agency.Kind, role, agency.Sectors, agency.CommuneCode, user.Id), "test");
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    /// <summary>An approved business of a sector and commune, with one registered product.</summary>
    public static async Task<(Guid OrganizationId, Guid ProductId)> BusinessAsync(VnTraceApp app, string sector = "agriculture", string communeCode = "24121")
    {
        var organization = new Organization { Name = "HTX thử " + Guid.NewGuid().ToString("N")[..8], Sector = sector, CommuneCode = communeCode };
        var product = new Product
        {
            OrganizationId = organization.Id, Gtin = "0" + Random.Shared.NextInt64(1_000_000_000_000, 9_999_999_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture),
            NameVi = "Cà phê thử", Unit = "kg",
        };
        await app.WithDbAsync(db =>
        {
            db.Organizations.Add(organization);
            db.Products.Add(product);
            return db.SaveChangesAsync();
        });
        return (organization.Id, product.Id);
    }
}
