using System.Net.Http.Headers;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using VnTrace.Server.Identity;
using VnTrace.Server.Programme.Agencies;
using VnTrace.Server.Tests.Infrastructure;

namespace VnTrace.Server.Tests.Programme.Lists;

/// <summary>Agencies of each kind with an officer and an agency key, made through AgencyKeyService as the console does.</summary>
public static class ProgrammeKeys
{
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<VnTraceApp, System.Runtime.CompilerServices.StrongBox<int>> years = new();

    /// <summary>A year no other test of this server uses, so each test owns its edition of the lists.</summary>
    // Even years only, so a test's year + 1 (the next edition) is never another test's year.
    public static int NewYear(VnTraceApp app) => 2030 + Interlocked.Add(ref years.GetOrCreateValue(app).Value, 2);

    public static async Task<HttpClient> DostAsync(VnTraceApp app, string role = Roles.Authority)
    {
        var dost = await app.WithDbAsync(db => db.Agencies.FirstAsync(a => a.Kind == AgencyKind.Dost));
        return await KeyAsync(app, dost, role);
    }

    public static async Task<(HttpClient Client, Agency Agency)> DepartmentAsync(VnTraceApp app, params string[] sectors)
    {
        var agency = new Agency { Name = "Sở NN&MT test " + Guid.NewGuid().ToString("N")[..8], Kind = AgencyKind.Department, Sectors = [.. sectors] };
        await app.WithDbAsync(db => { db.Agencies.Add(agency); return db.SaveChangesAsync(); });
        return (await KeyAsync(app, agency, Roles.DepartmentOfficer), agency);
    }

    public static async Task<(HttpClient Client, Agency Agency)> CommuneAsync(VnTraceApp app, string communeCode)
    {
        var agency = new Agency { Name = "UBND xã test " + Guid.NewGuid().ToString("N")[..8], Kind = AgencyKind.Commune, CommuneCode = communeCode };
        await app.WithDbAsync(db => { db.Agencies.Add(agency); return db.SaveChangesAsync(); });
        return (await KeyAsync(app, agency, Roles.CommuneOfficer), agency);
    }

    public static async Task<HttpClient> KeyAsync(VnTraceApp app, Agency agency, string role)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = new AppUser { UserName = "officer-" + Guid.NewGuid().ToString("N")[..10], FullName = "Officer", AgencyId = agency.Id };
        Assert.True((await users.CreateAsync(user, VnTraceApp.TestPassword)).Succeeded);
        await users.AddToRoleAsync(user, role);
        var key = await scope.ServiceProvider.GetRequiredService<AgencyKeyService>().CreateAsync(
            new OfficerScope(agency.Id, agency.Name, agency.Kind, role, agency.Sectors, agency.CommuneCode, user.Id), "test");
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }
}
