using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace VnTrace.Server.Identity;

/// <summary>
/// Bearer secrets handed to a person or a machine once (API keys, staff invitation links): 256 random bits,
/// base64url. Only their SHA-256 is stored; with that much entropy a fast hash is enough (no password stretching)
/// and a look-up is one index seek.
/// </summary>
public static class SecretTokens
{
    public static string New() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    /// <summary>Lower-case hex SHA-256 of the token's UTF-8 bytes, the form kept in the database.</summary>
    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
