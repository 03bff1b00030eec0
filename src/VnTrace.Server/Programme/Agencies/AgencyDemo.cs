using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using VnTrace.Server.Demo;
using VnTrace.Server.Identity;
using VnTrace.Server.Platform.Data;
using VnTrace.Server.Platform.Files;

namespace VnTrace.Server.Programme.Agencies;

/// <summary>
/// The demo province's agencies: the DoST (named after the authority), Sở Nông nghiệp và Môi trường for crops and
/// food, and the ward of the coffee co-operative; their officers, and one agency key for each of the three kinds,
/// written beside demo-api-key.txt.
/// </summary>
internal sealed class AgencyDemo(VnTraceDbContext db, UserManager<AppUser> users, AgencyKeyService keys, DataOptions data) : IDemoStep
{
    public const string DepartmentName = "Sở Nông nghiệp và Môi trường tỉnh Đắk Lắk";
    public const string CommuneName = "UBND phường Tân An";
    public const string DepartmentUserName = "demo-department";
    public const string CommuneUserName = "demo-commune";
    public const string AuthorityKeyFile = "demo-authority-api-key.txt";
    public const string DepartmentKeyFile = "demo-department-api-key.txt";
    public const string CommuneKeyFile = "demo-commune-api-key.txt";

    public int Order => 0;

    public async Task SeedAsync(DemoContext demo, CancellationToken ct)
    {
        var authority = demo.Organizations[DemoProvince.Authority];
        var dost = await db.Agencies.AsTracking().FirstAsync(a => a.Kind == AgencyKind.Dost, ct);
        dost.Name = authority.Name;
        var department = new Agency { Name = DepartmentName, Kind = AgencyKind.Department, Sectors = ["agriculture", "food-processing"] };
        var commune = new Agency { Name = CommuneName, Kind = AgencyKind.Commune, CommuneCode = DemoProvince.Coffee.CommuneCode };
        db.Agencies.AddRange(department, commune);
        await db.SaveChangesAsync(ct);
        demo.Agencies[dost.Name] = dost.Id;
        demo.Agencies[DepartmentName] = department.Id;
        demo.Agencies[CommuneName] = commune.Id;

        // The officers the core seed made belong to the DoST; the new ones to their agencies.
        string[] dostOfficers = [DemoProvince.Authority.UserName, DemoProvince.InspectorUserName];
        await db.Users.Where(u => dostOfficers.Contains(u.UserName!)).ExecuteUpdateAsync(s => s.SetProperty(u => u.AgencyId, dost.Id), ct);
        foreach (var u in await db.Users.Where(u => dostOfficers.Contains(u.UserName!)).Select(u => new { u.UserName, u.Id }).ToListAsync(ct))
            demo.Users[u.UserName!] = u.Id;
        var password = demo.Password;
        demo.Users[DepartmentUserName] = await AddOfficerAsync(DepartmentUserName, "Cán bộ Sở Nông nghiệp và Môi trường (demo)", Roles.DepartmentOfficer, department, authority.Id, password);
        demo.Users[CommuneUserName] = await AddOfficerAsync(CommuneUserName, "Cán bộ UBND phường Tân An (demo)", Roles.CommuneOfficer, commune, authority.Id, password);
        demo.People.Add((DepartmentUserName, Roles.DepartmentOfficer, DepartmentName));
        demo.People.Add((CommuneUserName, Roles.CommuneOfficer, CommuneName));

        await WriteKeyAsync(AuthorityKeyFile, new OfficerScope(dost.Id, dost.Name, AgencyKind.Dost, Roles.Authority, [], null, demo.Users[DemoProvince.Authority.UserName]), demo, ct);
        await WriteKeyAsync(DepartmentKeyFile, new OfficerScope(department.Id, department.Name, AgencyKind.Department, Roles.DepartmentOfficer, department.Sectors, null, demo.Users[DepartmentUserName]), demo, ct);
        await WriteKeyAsync(CommuneKeyFile, new OfficerScope(commune.Id, commune.Name, AgencyKind.Commune, Roles.CommuneOfficer, [], commune.CommuneCode, demo.Users[CommuneUserName]), demo, ct);
    }

    private async Task<Guid> AddOfficerAsync(string userName, string fullName, string role, Agency agency, Guid authority, string password)
    {
        var user = new AppUser { UserName = userName, FullName = fullName, OrganizationId = authority, AgencyId = agency.Id };
        var result = await users.CreateAsync(user, password);
        if (result.Succeeded)
            result = await users.AddToRoleAsync(user, role);
        Check(result, userName);
        return user.Id;
    }

    private async Task WriteKeyAsync(string fileName, OfficerScope officer, DemoContext demo, CancellationToken ct)
    {
        var key = await keys.CreateAsync(officer, "demo key", ct);
        var path = Path.Combine(data.DataDirFullPath, fileName);
        await SecretFile.WriteAllTextAsync(path, key + Environment.NewLine);
        demo.Banner.Add($"Programme API key of {officer.AgencyName} ({officer.Role}): {path}");
    }

    private static void Check(IdentityResult result, string userName)
    {
        if (!result.Succeeded)
            throw new InvalidOperationException($"The demo user {userName} was refused: " + string.Join("; ", result.Errors.Select(e => e.Description)));
    }
}
