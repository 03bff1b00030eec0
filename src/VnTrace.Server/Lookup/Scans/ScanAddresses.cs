using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using VnTrace.Server.Platform.Data;
using VnTrace.Server.Platform.Files;

namespace VnTrace.Server.Lookup.Scans;

/// <summary>
/// What a scan keeps of the viewer's address: HMAC-SHA256 of the address under the day's key, 16 hex digits. The
/// copied-label rule counts one address as at most one viewer a day (<see cref="Authenticity"/>), so a script on one
/// address cannot make a genuine serial look copied by changing its User-Agent. The raw address is never stored, and
/// the day's key changes at midnight in Viet Nam, so the same address on two days gives unrelated values and the
/// table alone links no one's scans across days. The keys derive from a server secret of 32 random bytes kept beside
/// the data-protection key ring (<c>keys/scan-addresses.key</c>, 0600), not in the database: a copy of the database
/// cannot recover addresses by trying every IPv4 address; deleting the file forgets every link between old scans.
/// </summary>
public sealed class ScanAddresses
{
    public const string KeyFileName = "scan-addresses.key";

    /// <summary>Days as the statistics count them (Viet Nam, UTC+7, no daylight saving).</summary>
    private static readonly TimeSpan VietNam = TimeSpan.FromHours(7);

    private readonly byte[] secret;
    /// <summary>The day's key, replaced whole (one reference) when the day changes, so concurrent scans never mix two days.</summary>
    private volatile DayKey current;

    private sealed record DayKey(DateOnly Day, byte[] Key);

    public ScanAddresses(DataOptions data) : this(LoadSecret(Path.Combine(data.DataDirFullPath, "keys")))
    {
    }

    internal ScanAddresses(byte[] secret)
    {
        if (secret.Length < 32)
            throw new InvalidOperationException($"The scan-address secret ({KeyFileName}) is shorter than 32 bytes; delete the file to make a new one.");
        this.secret = secret;
        current = new DayKey(default, KeyOf(default));
    }

    /// <summary>The stored form of <paramref name="address"/> on the day of <paramref name="at"/>; null when the address is unknown.</summary>
    public string? HashOf(IPAddress? address, DateTime at)
    {
        if (address is null)
            return null;
        var day = DateOnly.FromDateTime(at.ToUniversalTime() + VietNam);
        var known = current;
        if (known.Day != day)
            current = known = new DayKey(day, KeyOf(day));
        Span<byte> network = stackalloc byte[16];
        var length = NetworkOf(address, network);
        Span<byte> mac = stackalloc byte[32];
        HMACSHA256.HashData(known.Key, network[..length], mac);
        return Convert.ToHexStringLower(mac[..8]);
    }

    /// <summary>
    /// What counts as one address: an IPv4 address (also when written as IPv6), or the /64 network of an IPv6 address —
    /// one subscriber line gets at least a /64 and its devices pick new addresses within it at will (RFC 4941, RFC 6177).
    /// </summary>
    internal static int NetworkOf(IPAddress address, Span<byte> destination)
    {
        if (address.IsIPv4MappedToIPv6)
            address = address.MapToIPv4();
        address.TryWriteBytes(destination, out var written);
        return address.AddressFamily == AddressFamily.InterNetworkV6 ? 8 : written;
    }

    /// <summary>The partition of per-address limits: the same notion of "one address" as the hash.</summary>
    public static string NetworkKey(IPAddress? address)
    {
        if (address is null)
            return "";
        Span<byte> network = stackalloc byte[16];
        return Convert.ToHexString(network[..NetworkOf(address, network)]);
    }

    private byte[] KeyOf(DateOnly day) =>
        HMACSHA256.HashData(secret, Encoding.UTF8.GetBytes("VnTrace scan address " + day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));

    private static byte[] LoadSecret(string keysDirectory)
    {
        SecretFile.OwnerOnlyDirectory(keysDirectory);
        var text = SecretFile.ReadOrCreate(Path.Combine(keysDirectory, KeyFileName), () => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
        try
        {
            return Convert.FromBase64String(text);
        }
        catch (FormatException)
        {
            throw new InvalidOperationException($"The scan-address secret ({KeyFileName}) is not base64; delete the file to make a new one.");
        }
    }
}
