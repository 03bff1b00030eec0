using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using VnTrace.Server.Data;

namespace VnTrace.Server.Identity;

/// <summary>Issues and checks API keys. A key is "vnt_" + 43 base64url characters (256 random bits).</summary>
public sealed class ApiKeyService(VnTraceDbContext db)
{
    private const string KeyPrefix = "vnt_";

    /// <summary>Creates a key for an organization and returns it; this is the only time the key is seen.</summary>
    public async Task<string> CreateAsync(Guid organizationId, string name, CancellationToken ct = default)
    {
        var key = KeyPrefix + Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        db.ApiKeys.Add(new ApiKey
        {
            OrganizationId = organizationId,
            Name = name,
            DisplayPrefix = key[..12],
            KeyHash = Hash(key),
        });
        await db.SaveChangesAsync(ct);
        return key;
    }

    /// <summary>The organization a presented key belongs to, or null for an unknown or revoked key.</summary>
    public async Task<Guid?> FindOrganizationAsync(string presentedKey, CancellationToken ct = default)
    {
        if (!presentedKey.StartsWith(KeyPrefix, StringComparison.Ordinal) || presentedKey.Length > 100)
            return null;
        var hash = Hash(presentedKey);
        var match = await db.ApiKeys
            .Where(k => k.KeyHash == hash && k.RevokedAt == null)
            .Select(k => new { k.OrganizationId })
            .FirstOrDefaultAsync(ct);
        return match?.OrganizationId;
    }

    internal static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    private static string Base64UrlEncode(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
