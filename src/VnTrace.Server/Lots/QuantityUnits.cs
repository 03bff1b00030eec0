using System.Collections.Frozen;

namespace VnTrace.Server.Lots;

/// <summary>
/// Units a business writes (kg, tấn, lít, hộp…) and the UN/ECE Recommendation 20 codes EPCIS quantities carry
/// (EPCIS 2.0 §7.3.3.3: uom is a Rec 20 code). Counted units (hộp, chai, cái…) have no uom on purpose: a quantity
/// without uom counts instances of the class, i.e. trade items of that GTIN, which is what "12 hộp" means.
/// </summary>
public static class QuantityUnits
{
    private static readonly FrozenDictionary<string, string> ToCode = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["kg"] = "KGM",
        ["kilogram"] = "KGM",
        ["kilôgam"] = "KGM",
        ["ki-lô-gam"] = "KGM",
        ["kí"] = "KGM",
        ["ký"] = "KGM",
        ["g"] = "GRM",
        ["gam"] = "GRM",
        ["gram"] = "GRM",
        ["gr"] = "GRM",
        ["mg"] = "MGM",
        ["tấn"] = "TNE",
        ["t"] = "TNE",
        ["tonne"] = "TNE",
        ["ton"] = "TNE",
        // A tạ is 100 kg, which Rec 20 names decitonne (DTN).
        ["tạ"] = "DTN",
        ["l"] = "LTR",
        ["lít"] = "LTR",
        ["lit"] = "LTR",
        ["litre"] = "LTR",
        ["liter"] = "LTR",
        ["ml"] = "MLT",
        ["mililít"] = "MLT",
        ["m"] = "MTR",
        ["mét"] = "MTR",
        ["m2"] = "MTK",
        ["m²"] = "MTK",
        ["m3"] = "MTQ",
        ["m³"] = "MTQ",
        ["ha"] = "HAR",
        ["héc-ta"] = "HAR",
        ["hecta"] = "HAR",
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenDictionary<string, string> FromCode = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["KGM"] = "kg",
        ["GRM"] = "g",
        ["MGM"] = "mg",
        ["TNE"] = "tấn",
        ["DTN"] = "tạ",
        ["LTR"] = "lít",
        ["MLT"] = "ml",
        ["MTR"] = "m",
        ["MTK"] = "m²",
        ["MTQ"] = "m³",
        ["HAR"] = "ha",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>
    /// The Rec 20 code of a unit, or null for a counted unit (no uom). A unit already written as a Rec 20 code
    /// (2–3 upper-case letters or digits, e.g. H87) is kept.
    /// </summary>
    public static string? Rec20(string? unit)
    {
        if (string.IsNullOrWhiteSpace(unit))
            return null;
        var u = unit.Trim();
        if (ToCode.TryGetValue(u, out var code))
            return code;
        return u.Length is 2 or 3 && u.All(c => char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c)) ? u : null;
    }

    /// <summary>How to show a quantity's uom to a person: kg for KGM; the code itself when we have no word for it.</summary>
    public static string? Word(string? uom) => uom is null ? null : FromCode.GetValueOrDefault(uom, uom);
}
