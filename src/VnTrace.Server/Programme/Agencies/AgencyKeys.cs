using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using VnTrace.Server.Identity;
using VnTrace.Server.Platform.Audit;
using VnTrace.Server.Platform.Data;

namespace VnTrace.Server.Programme.Agencies;

/// <summary>An agency key as its agency's officers see it in the console.</summary>
public sealed record AgencyKeyView(Guid Id, string Name, string DisplayPrefix, string Role, string CreatedByName, DateTime CreatedAt, DateTime? RevokedAt);

/// <summary>Who a presented agency key speaks for.</summary>
public sealed record AgencyKeyHolder(Guid KeyId, Guid AgencyId, Guid UserId, string Role);

/// <summary>
/// Issues, lists, checks and revokes agency API keys: "vta_" + 43 base64url characters (256 random bits), so an
/// organization key ("vnt_") is told apart without a look-up. A key works while it is not revoked and its creator
/// is still an active officer of the same agency.
/// </summary>
public sealed class AgencyKeyService(VnTraceDbContext db, IMemoryCache cache, AuditTrail audit, TimeProvider clock)
{
    public const string KeyPrefix = "vta_";

    /// <summary>As for organization keys (<see cref="ApiKeyService.CacheFor"/>): revocation here is immediate in this process.</summary>
    public static readonly TimeSpan CacheFor = ApiKeyService.CacheFor;

    /// <summary>Creates a key carrying the officer's role and agency; the only time the key is seen.</summary>
    public async Task<string> CreateAsync(OfficerScope officer, string name, CancellationToken ct = default)
    {
        if (officer.UserId is not { } userId)
            throw new InvalidOperationException("Only a signed-in officer creates agency keys.");
        var key = KeyPrefix + SecretTokens.New();
        var apiKey = new AgencyApiKey
        {
            AgencyId = officer.AgencyId,
            CreatedBy = userId,
            Role = officer.Role,
            Name = name.Trim(),
            DisplayPrefix = key[..12],
            KeyHash = SecretTokens.Hash(key),
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.AgencyApiKeys.Add(apiKey);
        audit.Record("agency-key.create", nameof(AgencyApiKey), apiKey.Id, new { apiKey.Name, apiKey.DisplayPrefix, apiKey.Role, agency = officer.AgencyId });
        await db.SaveChangesAsync(ct);
        return key;
    }

    /// <summary>The agency's keys, newest first (the DoST's officers see theirs, a department its own).</summary>
    public async Task<IReadOnlyList<AgencyKeyView>> ListAsync(Guid agencyId, CancellationToken ct = default) =>
        await db.AgencyApiKeys
            .Where(k => k.AgencyId == agencyId)
            .OrderByDescending(k => k.CreatedAt)
            .Select(k => new AgencyKeyView(k.Id, k.Name, k.DisplayPrefix, k.Role,
                db.Users.Where(u => u.Id == k.CreatedBy).Select(u => u.FullName).FirstOrDefault() ?? "", k.CreatedAt, k.RevokedAt))
            .ToListAsync(ct);

    /// <returns>False when the agency has no such key (another agency's key is "no such key").</returns>
    public async Task<bool> RevokeAsync(Guid agencyId, Guid keyId, CancellationToken ct = default)
    {
        var apiKey = await db.AgencyApiKeys.AsTracking().FirstOrDefaultAsync(k => k.Id == keyId && k.AgencyId == agencyId, ct);
        if (apiKey is null)
            return false;
        if (apiKey.RevokedAt is null)
        {
            apiKey.RevokedAt = clock.GetUtcNow().UtcDateTime;
            audit.Record("agency-key.revoke", nameof(AgencyApiKey), apiKey.Id, new { apiKey.Name, apiKey.DisplayPrefix, agency = agencyId });
            await db.SaveChangesAsync(ct);
        }
        Forget(apiKey.KeyHash);
        return true;
    }

    /// <summary>Revokes every key an officer created (the officer was removed); they stop at once in this process.</summary>
    public async Task RevokeAllOfAsync(Guid userId, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var live = await db.AgencyApiKeys.AsTracking().Where(k => k.CreatedBy == userId && k.RevokedAt == null).ToListAsync(ct);
        foreach (var key in live)
        {
            key.RevokedAt = now;
            audit.Record("agency-key.revoke", nameof(AgencyApiKey), key.Id, new { key.Name, key.DisplayPrefix, reason = "officer removed" });
        }
        await db.SaveChangesAsync(ct);
        foreach (var key in live)
            Forget(key.KeyHash);
    }

    private void Forget(string hash)
    {
        cache.Set(RevokedCacheKey(hash), true, new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = CacheFor * 2, Size = 1 });
        cache.Remove(CacheKey(hash));
    }

    /// <summary>Who the presented key speaks for, or null for an unknown or revoked key, or one whose officer left.</summary>
    public async Task<AgencyKeyHolder?> FindAsync(string presentedKey, CancellationToken ct = default)
    {
        if (!presentedKey.StartsWith(KeyPrefix, StringComparison.Ordinal) || presentedKey.Length > 100)
            return null;
        var hash = SecretTokens.Hash(presentedKey);
        if (cache.TryGetValue(RevokedCacheKey(hash), out _))
            return null;
        if (cache.TryGetValue<AgencyKeyHolder>(CacheKey(hash), out var cached))
            return cached;
        var now = clock.GetUtcNow();
        var match = await db.AgencyApiKeys
            .Where(k => k.KeyHash == hash && k.RevokedAt == null)
            .Join(db.Users, k => k.CreatedBy, u => u.Id, (k, u) => new { k.Id, k.AgencyId, k.CreatedBy, k.Role, UserAgency = u.AgencyId, u.LockoutEnd })
            .FirstOrDefaultAsync(ct);
        // A removed officer is locked out for good; one moved to another agency no longer speaks for this one.
        // (LockoutEnd is compared here, not in SQL: SQLite keeps DateTimeOffset as text.)
        if (match is null || match.LockoutEnd > now || (match.UserAgency is { } a && a != match.AgencyId))
            return null;
        var holder = new AgencyKeyHolder(match.Id, match.AgencyId, match.CreatedBy, match.Role);
        cache.Set(CacheKey(hash), holder, new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = CacheFor, Size = 1 });
        return holder;
    }

    private static string CacheKey(string hash) => "agency-key:" + hash;

    private static string RevokedCacheKey(string hash) => "agency-key-revoked:" + hash;
}
