using VnTrace.Gs1.Identifiers;

namespace VnTrace.Gs1.Tests.Genealogy;

/// <summary>Canonical Digital Links with real check digits, under the Vietnamese company prefix 8936012.</summary>
internal static class Gs1TestIds
{
    private const string CompanyPrefix = "8936012";

    /// <summary>GTIN-14 of item reference <paramref name="item"/> (5 digits after the 7-digit prefix).</summary>
    public static string Gtin(int item) => WithCheckDigit($"0{CompanyPrefix}{item:D5}");

    public static string Lot(int item, string lot) => $"https://id.gs1.org/01/{Gtin(item)}/10/{lot}";

    public static string Unit(int item, int serial) => $"https://id.gs1.org/01/{Gtin(item)}/21/{serial}";

    public static string UnitOfLot(int item, string lot, int serial) => $"{Lot(item, lot)}/21/{serial}";

    public static string Sscc(int serial) => $"https://id.gs1.org/00/{WithCheckDigit($"0{CompanyPrefix}{serial:D9}")}";

    public static string Gln(int location) => WithCheckDigit($"{CompanyPrefix}{location:D5}");

    public static string Location(int location) => $"https://id.gs1.org/414/{Gln(location)}";

    public static string Party(int party) => $"https://id.gs1.org/417/{Gln(party)}";

    private static string WithCheckDigit(string digits) => digits + Gs1CheckDigit.ComputeChar(digits);
}
