using Microsoft.EntityFrameworkCore;
using VnTrace.Server.Capture;
using VnTrace.Server.Data;
using VnTrace.Server.Identity;

namespace VnTrace.Server.Demo;

/// <summary>
/// On the first start with an empty database (and VnTrace:SeedDemo not false), creates the demo province and prints
/// one API key, also written to &lt;data folder&gt;/demo-api-key.txt. Events go through the capture service, the same
/// path as the API.
/// </summary>
public static class DemoSeeder
{
    public const string KeyFileName = "demo-api-key.txt";

    public static async Task SeedDemoAsync(this WebApplication app)
    {
        if (!app.Configuration.GetValue("VnTrace:SeedDemo", true))
            return;
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<VnTraceDbContext>();
        if (await db.Organizations.AnyAsync())
            return;

        var organizations = DemoProvince.All.ToDictionary(o => o, o => new Organization
        {
            Name = o.Name,
            TaxCode = o.TaxCode,
            Gln = o.Gln,
            Kind = o == DemoProvince.Authority ? OrganizationKind.Authority : OrganizationKind.Business,
        });
        db.Organizations.AddRange(organizations.Values);
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();

        var capture = scope.ServiceProvider.GetRequiredService<CaptureService>();
        foreach (var group in DemoProvince.Season().GroupBy(s => s.Owner))
        {
            var events = group.Select(s => s.Event).ToList();
            var outcome = await capture.CaptureAsync(organizations[group.Key].Id, events, i => $"demo/{group.Key.Name}/{i}", CancellationToken.None);
            if (!outcome.Success)
                throw new InvalidOperationException("The demo data failed to capture: " + string.Join("; ", outcome.Errors));
        }

        var keyOwner = organizations[DemoProvince.Coffee];
        var key = await scope.ServiceProvider.GetRequiredService<ApiKeyService>().CreateAsync(keyOwner.Id, "demo key");
        var options = scope.ServiceProvider.GetRequiredService<DataOptions>();
        var keyFile = Path.Combine(options.DataDirFullPath, KeyFileName);
        await File.WriteAllTextAsync(keyFile, key + Environment.NewLine);
        var url = app.Configuration["urls"]?.Split(';')[0].Replace("0.0.0.0", "localhost").Replace("[::]", "localhost").Replace("+", "localhost").Replace("*", "localhost")
            ?? "http://localhost:5000";
        Console.WriteLine($"""

            ===================================================================
             VnTrace demo province seeded (Đắk Lắk: coffee, rice, durian).
             Demo API key for "{keyOwner.Name}":
               {key}
             (also in {keyFile})
             Try:  curl -H "Authorization: Bearer {key}" {url}/events
            ===================================================================

            """);
    }
}
