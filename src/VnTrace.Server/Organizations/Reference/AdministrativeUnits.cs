using System.Collections.Frozen;
using System.Text;
using VnTrace.Server.Platform.Text;

namespace VnTrace.Server.Organizations.Reference;

public enum ProvinceKind
{
    /// <summary>Tỉnh.</summary>
    Province,

    /// <summary>Thành phố trực thuộc trung ương.</summary>
    Municipality,
}

public enum CommuneKind
{
    /// <summary>Xã.</summary>
    Commune,

    /// <summary>Phường.</summary>
    Ward,

    /// <summary>Đặc khu (an island special zone).</summary>
    SpecialZone,
}

/// <summary>A province-level unit: its official 2-digit code and name.</summary>
public sealed record Province(string Code, string Name, ProvinceKind Kind)
{
    /// <summary>The name with its unit word, as on documents: "Tỉnh Đắk Lắk", "Thành phố Huế".</summary>
    public string FullName => (Kind == ProvinceKind.Municipality ? "Thành phố " : "Tỉnh ") + Name;
}

/// <summary>A commune-level unit directly under a province (since 1 July 2025 there is no district level).</summary>
public sealed record Commune(string Code, string ProvinceCode, string Name, CommuneKind Kind)
{
    /// <summary>The name with its unit word: "Phường Buôn Ma Thuột", "Xã Ea Kar".</summary>
    public string FullName => Kind switch
    {
        CommuneKind.Ward => "Phường ",
        CommuneKind.SpecialZone => "Đặc khu ",
        _ => "Xã ",
    } + Name;
}

/// <summary>
/// Viet Nam's provinces and, for the provinces listed so far (Đắk Lắk), their communes and wards, read once from
/// the CSV files in Data/ (embedded in the assembly). The files say where each list comes from.
/// </summary>
public static class AdministrativeUnits
{
    private static readonly Lazy<Store> Data = new(Load);

    public static IReadOnlyList<Province> Provinces => Data.Value.Provinces;

    public static Province? FindProvince(string code) =>
        Data.Value.ProvincesByCode.GetValueOrDefault(code.Trim());

    /// <summary>The communes and wards of a province, in code order; empty for a province not listed yet.</summary>
    public static IReadOnlyList<Commune> CommunesOf(string provinceCode) =>
        Data.Value.CommunesByProvince.GetValueOrDefault(provinceCode.Trim(), []);

    /// <summary>A commune or ward by its 5-digit code.</summary>
    public static Commune? FindCommune(string code) =>
        Data.Value.CommunesByCode.GetValueOrDefault(code.Trim());

    /// <summary>
    /// Communes whose name contains the query, ignoring case, tone marks and apostrophes ("buon ma thuot",
    /// "cu mgar"), optionally within one province; names that start with the query come first. The unit word may
    /// be part of the query ("phuong tan an"). An empty query finds nothing.
    /// </summary>
    public static IReadOnlyList<Commune> Search(string query, string? provinceCode = null, int limit = 20)
    {
        var folded = VietnameseText.Fold(query);
        if (folded.Length == 0 || limit <= 0)
            return [];
        var candidates = provinceCode is null ? Data.Value.Communes : CommunesOf(provinceCode);
        return candidates
            .Select(c => (Commune: c, Name: VietnameseText.Fold(c.Name), Full: VietnameseText.Fold(c.FullName)))
            .Where(c => c.Name.Contains(folded, StringComparison.Ordinal) || c.Full.Contains(folded, StringComparison.Ordinal))
            .OrderBy(c => c.Name == folded || c.Full == folded ? 0 : c.Name.StartsWith(folded, StringComparison.Ordinal) ? 1 : 2)
            .ThenBy(c => c.Commune.Code, StringComparer.Ordinal)
            .Take(limit)
            .Select(c => c.Commune)
            .ToList();
    }

    private sealed record Store(
        IReadOnlyList<Province> Provinces,
        FrozenDictionary<string, Province> ProvincesByCode,
        IReadOnlyList<Commune> Communes,
        FrozenDictionary<string, Commune> CommunesByCode,
        FrozenDictionary<string, IReadOnlyList<Commune>> CommunesByProvince);

    private static Store Load()
    {
        var provinces = ReadCsv("Provinces.csv", 3)
            .Select(f => new Province(f[0], f[2], f[1] switch
            {
                "Tinh" => ProvinceKind.Province,
                "ThanhPho" => ProvinceKind.Municipality,
                _ => throw new InvalidDataException($"Provinces.csv: unknown kind '{f[1]}'"),
            }))
            .OrderBy(p => p.Code, StringComparer.Ordinal)
            .ToList();
        var communes = ReadCsv("Communes.csv", 4)
            .Select(f => new Commune(f[0], f[1], f[3], f[2] switch
            {
                "Xa" => CommuneKind.Commune,
                "Phuong" => CommuneKind.Ward,
                "DacKhu" => CommuneKind.SpecialZone,
                _ => throw new InvalidDataException($"Communes.csv: unknown kind '{f[2]}'"),
            }))
            .OrderBy(c => c.Code, StringComparer.Ordinal)
            .ToList();
        return new Store(
            provinces,
            provinces.ToFrozenDictionary(p => p.Code),
            communes,
            communes.ToFrozenDictionary(c => c.Code),
            communes.GroupBy(c => c.ProvinceCode).ToFrozenDictionary(g => g.Key, g => (IReadOnlyList<Commune>)g.ToList()));
    }

    /// <summary>
    /// The data rows of one of the embedded lists: '#' lines are notes, the first other line is the header; names
    /// hold no commas, so a plain split is enough.
    /// </summary>
    private static IEnumerable<string[]> ReadCsv(string name, int fields)
    {
        var assembly = typeof(AdministrativeUnits).Assembly;
        var resource = $"{typeof(AdministrativeUnits).Namespace}.Data.{name}";
        using var stream = assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"embedded resource {resource} is missing");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var header = true;
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line.StartsWith('#'))
                continue;
            if (header)
            {
                header = false;
                continue;
            }
            var parts = line.Split(',');
            if (parts.Length != fields)
                throw new InvalidDataException($"{name}: expected {fields} fields in '{line}'");
            yield return [.. parts.Select(p => p.Trim().Normalize(NormalizationForm.FormC))];
        }
    }
}
