using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using VnTrace.Server.Organizations;
using VnTrace.Server.Platform.Data;

namespace VnTrace.Server.Identity;

/// <summary>
/// Command-line administration, run instead of the server:
/// <c>admin create-organization --name "…" [--gln 893…] [--tax-code …] [--authority]</c>,
/// <c>admin create-key --organization &lt;id&gt; [--name "…"]</c>, <c>admin list-organizations</c>,
/// <c>admin create-user --organization &lt;id&gt;|--none --role &lt;role&gt; --username &lt;name&gt; [--full-name "…"]</c>
/// (the first system administrator or authority officer of a deployment; the password is made up and shown once).
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
                if (options.TryGetValue("tax-code", out var taxText) && !OrganizationCodes.IsTaxCode(taxText))
                    return Fail(output, $"--tax-code '{taxText}' is not a tax code: 10 digits, 10-3 digits or 12 digits.");
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
            case "create-user":
                return await CreateUserAsync(db, scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>(),
                    scope.ServiceProvider.GetRequiredService<VnTrace.Server.Platform.Audit.AuditTrail>(), options, output);
            default:
                return Fail(output, Usage);
        }
    }

    private const string Usage = """
        Commands:
          admin create-organization --name NAME [--gln GLN] [--tax-code CODE] [--authority]
          admin create-key --organization ID [--name NAME]
          admin create-user --organization ID|--none --role ROLE --username NAME [--full-name "FULL NAME"]
              ROLE: SystemAdmin, Authority, Inspector (authority organization or --none),
                    BusinessOwner, BusinessStaff (a business); the password is generated and shown once.
          admin list-organizations
        """;

    /// <summary>
    /// A person for a real deployment, typically its first system administrator or authority officer: business
    /// roles belong to a business, authority roles to the authority organization (or to none).
    /// </summary>
    private static async Task<int> CreateUserAsync(VnTraceDbContext db, UserManager<AppUser> users, VnTrace.Server.Platform.Audit.AuditTrail audit,
        Dictionary<string, string> options, TextWriter output)
    {
        if (!options.TryGetValue("role", out var role) || !Roles.All.Contains(role))
            return Fail(output, $"create-user needs --role, one of {string.Join(", ", Roles.All)}.");
        if (role is Roles.DepartmentOfficer or Roles.CommuneOfficer)
            return Fail(output, $"A {role} belongs to an agency: a DoST officer invites them from the console (Agencies).");
        if (!options.TryGetValue("username", out var userName) || string.IsNullOrWhiteSpace(userName))
            return Fail(output, "create-user needs --username NAME.");
        var business = role is Roles.BusinessOwner or Roles.BusinessStaff;
        Organization? organization = null;
        if (options.ContainsKey("none"))
        {
            if (options.ContainsKey("organization"))
                return Fail(output, "create-user takes --organization ID or --none, not both.");
            if (business)
                return Fail(output, $"A {role} belongs to a business: give --organization ID.");
        }
        else
        {
            if (!options.TryGetValue("organization", out var orgText) || !Guid.TryParse(orgText, out var orgId))
                return Fail(output, "create-user needs --organization <organization id> (or --none for a user of no organization).");
            organization = await db.Organizations.FirstOrDefaultAsync(o => o.Id == orgId);
            if (organization is null)
                return Fail(output, $"There is no organization {orgId}.");
            var expected = business ? OrganizationKind.Business : OrganizationKind.Authority;
            if (organization.Kind != expected)
                return Fail(output, $"A {role} belongs to an organization of kind {expected}; {organization.Name} is {organization.Kind}.");
        }

        var password = GeneratedPasswords.New();
        var user = new AppUser { UserName = userName.Trim(), FullName = options.GetValueOrDefault("full-name") ?? userName.Trim(), OrganizationId = organization?.Id };
        await using var tx = await db.Database.BeginTransactionAsync();
        audit.Record("user.create", nameof(AppUser), user.Id, new { user.UserName, role, by = "admin command" }, organization?.Id);
        var result = await users.CreateAsync(user, password);
        if (result.Succeeded)
            result = await users.AddToRoleAsync(user, role);
        if (!result.Succeeded)
            return Fail(output, $"The user was refused: {string.Join("; ", result.Errors.Select(e => e.Description))}");
        await tx.CommitAsync();
        output.WriteLine($"User created: {user.Id} {user.UserName} ({role}{(organization is null ? "" : ", " + organization.Name)})");
        output.WriteLine("Password (shown only now; give it to the person, who signs in with it):");
        output.WriteLine(password);
        return 0;
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
                if (pending is "authority" or "none")
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
