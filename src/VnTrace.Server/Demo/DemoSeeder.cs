using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using VnTrace.Server.Capture;
using VnTrace.Server.Locations;
using VnTrace.Server.Lots;
using VnTrace.Server.Organizations;
using VnTrace.Server.Platform.Data;
using VnTrace.Server.Platform.Files;
using VnTrace.Server.Products;
using VnTrace.Server.Identity;

namespace VnTrace.Server.Demo;

/// <summary>
/// On the first start with an empty database, when VnTrace:SeedDemo is true (its default in Development only), creates the demo province — approved
/// organizations with their profiles, products, locations and lots, a season of events — and its people: an
/// authority officer, an inspector and each business's owner, all with one password made up at that moment. The
/// API key and the sign-in names and password are printed once and written to &lt;data folder&gt;/demo-api-key.txt
/// and demo-credentials.txt. Events go through the capture service, the same path as the API.
/// </summary>
public static class DemoSeeder
{
    public const string KeyFileName = "demo-api-key.txt";
    public const string CredentialsFileName = "demo-credentials.txt";

    public static async Task SeedDemoAsync(this WebApplication app)
    {
        // Only where asked for: a production server must never start with known people and a printed key. The
        // README's `dotnet run` runs in Development (Properties/launchSettings.json), so the first try still has data.
        if (!app.Configuration.GetValue("VnTrace:SeedDemo", app.Environment.IsDevelopment()))
            return;
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<VnTraceDbContext>();
        if (await db.Organizations.AnyAsync())
            return;

        var organizations = DemoProvince.All.ToDictionary(o => o, NewOrganization);
        db.Organizations.AddRange(organizations.Values);
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();
        await AddMasterDataAsync(db, organizations);

        var capture = scope.ServiceProvider.GetRequiredService<CaptureService>();
        foreach (var group in DemoProvince.Season().GroupBy(s => s.Owner))
        {
            var events = group.Select(s => s.Event).ToList();
            var owner = organizations[group.Key].Id;
            using var actingFor = db.ActFor(owner);
            var outcome = await capture.CaptureAsync(owner, events, i => $"demo/{group.Key.Name}/{i}", CancellationToken.None, channel: CaptureChannel.Demo);
            if (!outcome.Success)
                throw new InvalidOperationException("The demo data failed to capture: " + string.Join("; ", outcome.Errors));
        }

        var password = GeneratedPasswords.New();
        var people = await AddPeopleAsync(scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>(), organizations, password);
        var demo = new DemoContext(db, scope.ServiceProvider, organizations, password, people);
        db.ChangeTracker.Clear();
        foreach (var step in scope.ServiceProvider.GetServices<IDemoStep>().OrderBy(s => s.Order))
        {
            await step.SeedAsync(demo, CancellationToken.None);
            db.ChangeTracker.Clear();
        }

        var keyOwner = organizations[DemoProvince.Coffee];
        var key = await scope.ServiceProvider.GetRequiredService<ApiKeyService>().CreateAsync(keyOwner.Id, "demo key");
        var options = scope.ServiceProvider.GetRequiredService<DataOptions>();
        var keyFile = Path.Combine(options.DataDirFullPath, KeyFileName);
        await SecretFile.WriteAllTextAsync(keyFile, key + Environment.NewLine);
        var url = app.Configuration["urls"]?.Split(';')[0].Replace("0.0.0.0", "localhost").Replace("[::]", "localhost").Replace("+", "localhost").Replace("*", "localhost")
            ?? "http://localhost:5000";

        var credentials = new StringBuilder();
        credentials.AppendLine($"VnTrace demo users (sign in at {url}/account/sign-in), all with the password:");
        credentials.AppendLine("  " + password);
        foreach (var (userName, role, organization) in people)
            credentials.AppendLine($"  {userName,-18} {role,-17} {organization}");
        var credentialsFile = Path.Combine(options.DataDirFullPath, CredentialsFileName);
        await SecretFile.WriteAllTextAsync(credentialsFile, credentials.ToString());

        Console.WriteLine($"""

            ===================================================================
             VnTrace demo province seeded (Đắk Lắk: coffee, rice, durian).
             Demo API key for "{keyOwner.Name}":
               {key}
             (also in {keyFile})
             Try:  curl -H "Authorization: Bearer {key}" {url}/events

             Demo users — sign in at {url}/account/sign-in with the password
               {password}
            {string.Join(Environment.NewLine, people.Select(p => $"   {p.UserName,-18} {p.Role,-17} {p.Organization}"))}
             (also in {credentialsFile})
            {string.Join(Environment.NewLine, demo.Banner.Select(b => "   " + b))}
            ===================================================================

            """);
    }

    private static Organization NewOrganization(DemoProvince.DemoOrganization o)
    {
        var authority = o == DemoProvince.Authority;
        return new Organization
        {
            Name = o.Name,
            Kind = authority ? OrganizationKind.Authority : OrganizationKind.Business,
            Status = OrganizationStatus.Approved,
            Form = o.Form,
            TaxCode = o.TaxCode,
            Gln = o.Gln,
            ProvinceCode = DemoProvince.ProvinceCode,
            CommuneCode = o.CommuneCode,
            AddressLine = o.AddressLine,
            ContactName = o.ContactName,
            Phone = o.Phone,
            Sector = o.Sector,
            OcopParticipant = o.Ocop,
            // The demo businesses hold their own GS1 Vietnam prefixes; the codes the events use are taken, so
            // numbering goes on after them (party GLN 1, locations 2–3; items 10–11).
            Gs1CompanyPrefix = authority ? null : o.CompanyPrefix,
            NextGtinReference = authority ? 0 : 12,
            NextGlnReference = authority ? 0 : 4,
            DecidedAt = authority ? null : DateTime.UtcNow,
        };
    }

    /// <summary>The products, places and lots the season's events name, so the workspace shows what the diary tells.</summary>
    private static async Task AddMasterDataAsync(VnTraceDbContext db, Dictionary<DemoProvince.DemoOrganization, Organization> organizations)
    {
        var products = DemoProvince.Products.ToDictionary(p => (p.Owner, p.ItemReference), p => new Product
        {
            OrganizationId = organizations[p.Owner].Id,
            Gtin = p.Owner.Gtin(p.ItemReference),
            NameVi = p.NameVi,
            NameEn = p.NameEn,
            Category = p.Category,
            Unit = p.Unit,
            ShelfLifeDays = p.ShelfLifeDays,
            OcopStars = p.OcopStars,
            Origin = "Đắk Lắk, Việt Nam",
        });
        var locations = DemoProvince.Locations.ToDictionary(l => (l.Owner, l.Number), l => new Location
        {
            OrganizationId = organizations[l.Owner].Id,
            Kind = l.Kind,
            Name = l.Name,
            Gln = l.Owner.Location(l.Number),
            PlantingAreaCode = l.PlantingAreaCode,
            Crop = l.Crop,
            Latitude = l.Latitude,
            Longitude = l.Longitude,
            CommuneCode = l.Owner.CommuneCode,
        });
        db.Products.AddRange(products.Values);
        db.Locations.AddRange(locations.Values);
        db.Lots.AddRange(DemoProvince.Lots.Select(l => new Lot
        {
            OrganizationId = organizations[l.Owner].Id,
            Gtin = l.Owner.Gtin(l.ItemReference),
            LotNumber = l.LotNumber,
            ProductId = products[(l.Owner, l.ItemReference)].Id,
            LocationId = locations[(l.Owner, l.LocationNumber)].Id,
            Status = l.Status,
            Origin = LotOrigin.Produced,
            Quantity = l.Quantity,
            Unit = l.Unit,
            ProductionDate = l.ProductionDate,
        }));
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();
    }

    private static async Task<List<(string UserName, string Role, string Organization)>> AddPeopleAsync(UserManager<AppUser> users,
        Dictionary<DemoProvince.DemoOrganization, Organization> organizations, string password)
    {
        var people = new List<(string UserName, string Role, string Organization)>();
        var authority = organizations[DemoProvince.Authority];
        await AddAsync(DemoProvince.Authority.UserName, "Cán bộ Sở KH&CN (demo)", Roles.Authority, authority);
        await AddAsync(DemoProvince.InspectorUserName, "Thanh tra viên (demo)", Roles.Inspector, authority);
        foreach (var business in DemoProvince.Businesses)
            await AddAsync(business.UserName, business.ContactName, Roles.BusinessOwner, organizations[business]);
        return people;

        async Task AddAsync(string userName, string fullName, string role, Organization organization)
        {
            var user = new AppUser { UserName = userName, FullName = fullName, OrganizationId = organization.Id };
            var result = await users.CreateAsync(user, password);
            if (result.Succeeded)
                result = await users.AddToRoleAsync(user, role);
            if (!result.Succeeded)
                throw new InvalidOperationException($"The demo user {userName} was refused: " + string.Join("; ", result.Errors.Select(e => e.Description)));
            people.Add((userName, role, organization.Name));
        }
    }
}
