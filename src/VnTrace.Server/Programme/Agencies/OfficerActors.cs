using Microsoft.EntityFrameworkCore;
using VnTrace.Server.Platform.Data;

namespace VnTrace.Server.Programme.Agencies;

/// <summary>
/// Names for the <see cref="OfficerScope.Actor"/> strings programme records keep ("user:…", "key:…"), for the
/// "who" columns of the console: the officer's full name and user name, or the key's name and prefix.
/// </summary>
public static class OfficerActors
{
    public static async Task<IReadOnlyDictionary<string, string>> NamesAsync(VnTraceDbContext db, IEnumerable<string?> actors, CancellationToken ct)
    {
        var wanted = actors.Where(a => a is not null).Select(a => a!).Distinct(StringComparer.Ordinal).ToList();
        var users = wanted.Select(a => a.StartsWith("user:", StringComparison.Ordinal) && Guid.TryParse(a.AsSpan(5), out var id) ? id : (Guid?)null)
            .Where(id => id is not null).Select(id => id!.Value).ToList();
        var keys = wanted.Select(a => a.StartsWith("key:", StringComparison.Ordinal) && Guid.TryParse(a.AsSpan(4), out var id) ? id : (Guid?)null)
            .Where(id => id is not null).Select(id => id!.Value).ToList();
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        if (users.Count > 0)
            foreach (var u in await db.Users.AsNoTracking().Where(u => users.Contains(u.Id)).Select(u => new { u.Id, u.FullName, u.UserName }).ToListAsync(ct))
                names["user:" + u.Id] = $"{u.FullName} ({u.UserName})";
        if (keys.Count > 0)
            foreach (var k in await db.AgencyApiKeys.AsNoTracking().Where(k => keys.Contains(k.Id)).Select(k => new { k.Id, k.Name, k.DisplayPrefix }).ToListAsync(ct))
                names["key:" + k.Id] = $"{k.Name} ({k.DisplayPrefix}…)";
        foreach (var a in wanted)
            names.TryAdd(a, a);
        return names;
    }
}
