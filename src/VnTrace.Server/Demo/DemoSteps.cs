using VnTrace.Server.Organizations;
using VnTrace.Server.Platform.Data;

namespace VnTrace.Server.Demo;

/// <summary>What the core demo seed made, for the steps that build on it.</summary>
internal sealed class DemoContext(VnTraceDbContext db, IServiceProvider services, IReadOnlyDictionary<DemoProvince.DemoOrganization, Organization> organizations,
    string password, List<(string UserName, string Role, string Organization)> people)
{
    /// <summary>The one password of every demo user, made up at first start.</summary>
    public string Password { get; } = password;

    /// <summary>The demo users written to demo-credentials.txt; a step that adds people adds them here.</summary>
    public List<(string UserName, string Role, string Organization)> People { get; } = people;

    public VnTraceDbContext Db { get; } = db;
    public IServiceProvider Services { get; } = services;
    public IReadOnlyDictionary<DemoProvince.DemoOrganization, Organization> Organizations { get; } = organizations;

    /// <summary>Demo users by user name, with their ids (officers, business owners).</summary>
    public Dictionary<string, Guid> Users { get; } = new(StringComparer.Ordinal);

    /// <summary>Demo agencies by <see cref="DemoProvince"/> agency name.</summary>
    public Dictionary<string, Guid> Agencies { get; } = new(StringComparer.Ordinal);

    /// <summary>Lines for the banner printed at first start (files written, what to try).</summary>
    public List<string> Banner { get; } = [];

    public Guid Organization(DemoProvince.DemoOrganization o) => Organizations[o].Id;
}

/// <summary>
/// A feature's part of the demo province, run in <see cref="Order"/> after the organizations, their season and
/// their people exist. Features register their steps in their setup (<c>AddScoped&lt;IDemoStep, …&gt;</c>), so the
/// seeder does not grow with every feature.
/// </summary>
internal interface IDemoStep
{
    /// <summary>Agencies and officers are 0; programme records that need them come after (10, 20…).</summary>
    int Order { get; }

    Task SeedAsync(DemoContext demo, CancellationToken ct);
}
