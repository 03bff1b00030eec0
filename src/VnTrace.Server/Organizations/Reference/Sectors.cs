namespace VnTrace.Server.Organizations.Reference;

/// <summary>The sectors a business declares (lĩnh vực), by stable code; names come from SharedText "Sector.{code}".</summary>
public static class Sectors
{
    public static readonly string[] Codes =
    [
        "agriculture", "livestock", "aquaculture", "forestry", "food-processing", "beverages", "herbal-medicine",
        "handicrafts", "trade", "logistics", "other",
    ];

    public static bool IsKnown(string? code) => code is not null && Codes.Contains(code);
}
