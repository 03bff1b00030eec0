using Microsoft.EntityFrameworkCore;
using VnTrace.Server.Data;

namespace VnTrace.Server.Identity;

/// <summary>
/// Command-line administration, run instead of the server:
/// <c>admin create-organization --name "…" [--gln 893…] [--tax-code …] [--authority]</c>,
/// <c>admin create-key --organization &lt;id&gt; [--name "…"]</c>, <c>admin list-organizations</c>.
/// </summary>
public static class AdminCommands
{
    public static bool IsAdminCommand(string[] args) => args.Length > 0 && args[0] == "admin";

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<VnTraceDbContext>();
        var options = ParseOptions(args.Skip(2));
        switch (args.ElementAtOrDefault(1))
        {
            case "create-organization":
                if (!options.TryGetValue("name", out var name))
                    return Fail(output, "create-organization needs --name.");
                if (options.TryGetValue("gln", out var glnText) && !Gs1.Identifiers.Gln.TryParse(glnText, out _, out var glnError))
                    return Fail(output, $"--gln '{glnText}' is not a valid GLN: {glnError.Message}");
                var organization = new Organization
                {
                    Name = name,
                    Gln = options.GetValueOrDefault("gln"),
                    TaxCode = options.GetValueOrDefault("tax-code"),
                    Kind = options.ContainsKey("authority") ? OrganizationKind.Authority : OrganizationKind.Business,
                };
                db.Organizations.Add(organization);
                await db.SaveChangesAsync();
                output.WriteLine($"Organization created: {organization.Id} {organization.Name}");
                return 0;
            case "create-key":
                if (!options.TryGetValue("organization", out var orgText) || !Guid.TryParse(orgText, out var orgId))
                    return Fail(output, "create-key needs --organization <organization id>.");
                if (!await db.Organizations.AnyAsync(o => o.Id == orgId))
                    return Fail(output, $"There is no organization {orgId}.");
                var key = await scope.ServiceProvider.GetRequiredService<ApiKeyService>()
                    .CreateAsync(orgId, options.GetValueOrDefault("name") ?? "created by admin command");
                output.WriteLine("API key (shown only now; store it safely):");
                output.WriteLine(key);
                return 0;
            case "list-organizations":
                foreach (var o in await db.Organizations.OrderBy(o => o.Name).ToListAsync())
                    output.WriteLine($"{o.Id}  {o.Gln,-13}  {o.Kind,-9}  {o.Name}");
                return 0;
            default:
                return Fail(output, "Commands: admin create-organization --name NAME [--gln GLN] [--tax-code CODE] [--authority] | admin create-key --organization ID [--name NAME] | admin list-organizations");
        }
    }

    private static int Fail(TextWriter output, string message)
    {
        output.WriteLine(message);
        return 2;
    }

    private static Dictionary<string, string> ParseOptions(IEnumerable<string> args)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        string? pending = null;
        foreach (var arg in args)
        {
            if (arg.StartsWith("--", StringComparison.Ordinal))
            {
                pending = arg[2..];
                if (pending == "authority")
                {
                    result[pending] = "true"; // a flag, no value
                    pending = null;
                }
            }
            else if (pending is not null)
            {
                result[pending] = arg;
                pending = null;
            }
        }
        return result;
    }
}
