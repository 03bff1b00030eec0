using VnTrace.Server.Platform.Text;

namespace VnTrace.Server.Products;

/// <summary>
/// A unit a product is sold or measured in: the short Vietnamese word stored on the product ("kg", "hộp"), an ASCII
/// key for its name in the interface (ProductText "Unit.{Key}"), and its UN/ECE Recommendation 20 code, which EPCIS
/// quantities carry in <c>uom</c> (EPCIS 2.0 §7.3.3.3). Countable units (a box, a bottle, a fruit) are counted in
/// pieces: H87.
/// </summary>
public sealed record Unit(string Symbol, string Key, string Rec20, bool Countable);

/// <summary>The units a business can choose; the one place that maps them to UN/ECE Rec 20 codes.</summary>
public static class Units
{
    /// <summary>UN/ECE Rec 20 "piece", the unit of a count of things.</summary>
    public const string Piece = "H87";

    public static readonly IReadOnlyList<Unit> All =
    [
        new("kg", "Kilogram", "KGM", false),
        new("g", "Gram", "GRM", false),
        new("tấn", "Tonne", "TNE", false),
        new("lít", "Litre", "LTR", false),
        new("ml", "Millilitre", "MLT", false),
        new("hộp", "Box", Piece, true),
        new("gói", "Pack", Piece, true),
        new("chai", "Bottle", Piece, true),
        new("túi", "Bag", Piece, true),
        new("quả", "Fruit", Piece, true),
        new("bó", "Bunch", Piece, true),
        new("cái", "Item", Piece, true),
    ];

    /// <summary>
    /// The unit written as <paramref name="text"/>: its symbol in any case or without tone marks ("Lit", "tan"), its
    /// English name ("box"), or its Rec 20 code for a measure ("KGM"). Null when none matches.
    /// </summary>
    public static Unit? Find(string? text)
    {
        var folded = VietnameseText.Fold(text);
        if (folded.Length == 0)
            return null;
        foreach (var unit in All)
        {
            if (VietnameseText.Fold(unit.Symbol) == folded || unit.Key.Equals(folded, StringComparison.OrdinalIgnoreCase))
                return unit;
        }
        // "l", "litre", "liter", "kilo", "piece" and the Rec 20 codes of the measures, as spreadsheets often say.
        return folded switch
        {
            "l" or "liter" or "lit" => Find("lít"),
            "kilo" or "kgm" => Find("kg"),
            "grm" or "gam" => Find("g"),
            "tne" or "t" or "ton" => Find("tấn"),
            "ltr" => Find("lít"),
            "mlt" => Find("ml"),
            "piece" or "pcs" or "h87" or "chiec" => Find("cái"),
            _ => null,
        };
    }

    /// <summary>The UN/ECE Rec 20 code for a stored unit symbol, or null for one not in the list.</summary>
    public static string? Rec20(string? symbol) => Find(symbol)?.Rec20;
}
