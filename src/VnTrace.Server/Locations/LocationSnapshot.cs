using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace VnTrace.Server.Locations;

/// <summary>What the audit log keeps of a location, and the fields a change touched ([before, after]).</summary>
internal static class LocationSnapshot
{
    public static Dictionary<string, string?> Of(Location l) => new()
    {
        ["kind"] = l.Kind.ToString(),
        ["name"] = l.Name,
        ["gln"] = l.Gln,
        ["parentId"] = l.ParentId?.ToString(),
        ["plantingAreaCode"] = l.PlantingAreaCode,
        ["packingHouseCode"] = l.PackingHouseCode,
        ["crop"] = l.Crop,
        ["areaHectares"] = l.AreaHectares?.ToString(CultureInfo.InvariantCulture),
        // The boundary by fingerprint only: the audit log says that it changed, the location holds it.
        ["boundary"] = l.BoundaryGeoJson is null ? null : "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(l.BoundaryGeoJson)))[..16],
        ["latitude"] = l.Latitude?.ToString(CultureInfo.InvariantCulture),
        ["longitude"] = l.Longitude?.ToString(CultureInfo.InvariantCulture),
        ["communeCode"] = l.CommuneCode,
        ["addressLine"] = l.AddressLine,
        ["internal"] = l.Internal ? "true" : "false",
    };

    public static Dictionary<string, string?[]> Changes(Dictionary<string, string?> before, Dictionary<string, string?> after) =>
        after.Where(kv => before[kv.Key] != kv.Value).ToDictionary(kv => kv.Key, kv => new[] { before[kv.Key], kv.Value });
}
