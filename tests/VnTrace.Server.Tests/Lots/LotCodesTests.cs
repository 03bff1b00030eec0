using System.Globalization;
using System.Resources;
using VnTrace.Gs1.Genealogy;
using VnTrace.Gs1.Identifiers;
using VnTrace.Server.Workspace.Lots;
using VnTrace.Server.Lots;
using VnTrace.Server.Lots.Diary;

namespace VnTrace.Server.Tests.Lots;

/// <summary>The pure parts of the diary: lot codes, scanned codes, units, and the words built from values.</summary>
public sealed class LotCodesTests
{
    private const string Gtin = "08936012000108";
    private const string Lot = "https://id.gs1.org/01/08936012000108/10/LOT-7";

    [Theory]
    [InlineData("https://id.gs1.org/01/08936012000108/10/LOT-7", Lot)]
    [InlineData("https://truyxuat.example.vn/dl/01/8936012000108/10/LOT-7?17=271231", Lot)]
    [InlineData("https://id.gs1.org/01/08936012000108/10/LOT-7/21/0042", Lot)] // a unit's code names its lot
    [InlineData("(01)08936012000108(10)LOT-7", Lot)]
    [InlineData("(01)08936012000108(17)271231(10)LOT-7", Lot)]
    [InlineData("]C1010893601200010810LOT-7", Lot)] // what a scanner sends
    [InlineData("  (01)08936012000108(10)LOT-7  ", Lot)]
    [InlineData("urn:epc:class:lgtin:8936012.000010.LOT-7", Lot)]
    [InlineData("089360120000000016", "https://id.gs1.org/00/089360120000000016")]
    [InlineData("(00)089360120000000016", "https://id.gs1.org/00/089360120000000016")]
    [InlineData("https://id.gs1.org/00/089360120000000016", "https://id.gs1.org/00/089360120000000016")]
    public void A_scanned_code_becomes_the_identifier_the_shipping_event_names(string input, string expected)
    {
        var code = LotCodes.ReadScannedCode(input);
        Assert.Null(code.Problem);
        Assert.Equal(expected, code.Identifier);
    }

    [Theory]
    [InlineData("", ScannedCodeProblem.Empty)]
    [InlineData("hello", ScannedCodeProblem.Unreadable)]
    [InlineData("(01)08936012000109(10)LOT-7", ScannedCodeProblem.Unreadable)] // wrong check digit
    [InlineData("https://id.gs1.org/01/08936012000108", ScannedCodeProblem.NoLotNumber)]
    [InlineData("https://id.gs1.org/414/8936012000009", ScannedCodeProblem.NotALotOrContainer)]
    public void A_code_that_names_no_shipped_goods_says_why(string input, ScannedCodeProblem problem)
    {
        var code = LotCodes.ReadScannedCode(input);
        Assert.Null(code.Identifier);
        Assert.Equal(problem, code.Problem);
    }

    [Theory]
    [InlineData("LOT-7", null)]
    [InlineData("A/B.C_1:2", null)]
    [InlineData("12345678901234567890", null)]
    [InlineData("LÔ1", 1)]
    [InlineData("LOT 7", 3)]
    [InlineData("LOT#7", 3)]
    [InlineData("123456789012345678901", 20)]
    public void A_lot_number_is_up_to_20_characters_of_GS1_set_82(string lotNumber, int? badPosition)
    {
        var error = LotCodes.CheckLotNumber(lotNumber);
        Assert.Equal(badPosition, error?.Position);
    }

    [Fact]
    public void A_lot_class_is_the_canonical_Digital_Link_with_the_lot_percent_encoded()
    {
        Assert.Equal(Lot, LotCodes.LotClass(Gtin, "LOT-7"));
        Assert.Equal("https://id.gs1.org/01/08936012000108/10/A%2FB", LotCodes.LotClass("8936012000108", "A/B"));
        Assert.True(LotCodes.TryReadLotClass("https://id.gs1.org/01/08936012000108/10/A%2FB", out var gtin, out var lot));
        Assert.Equal((Gtin, "A/B"), (gtin, lot));
        Assert.True(DigitalLink.TryGetGln(LotCodes.Party("8936012000009"), out var party, out var kind));
        Assert.Equal(("8936012000009", GlnKind.Party), (party.ToString(), kind));
    }

    [Theory]
    [InlineData("kg", "KGM")]
    [InlineData("Kg", "KGM")]
    [InlineData("tấn", "TNE")]
    [InlineData("tạ", "DTN")]
    [InlineData("lít", "LTR")]
    [InlineData("ml", "MLT")]
    [InlineData("H87", "H87")]
    [InlineData("hộp", null)]
    [InlineData("chai", null)]
    [InlineData(null, null)]
    public void Units_map_to_UN_ECE_Rec_20_and_counted_units_have_no_uom(string? unit, string? code) =>
        Assert.Equal(code, QuantityUnits.Rec20(unit));

    [Theory]
    [InlineData("1200", 1200)]
    [InlineData("1200.5", 1200.5)]
    [InlineData("1200,5", 1200.5)]
    [InlineData(" 2 ", 2)]
    [InlineData("-5", -5)]
    public void Quantities_are_read_in_either_decimal_notation(string text, double expected)
    {
        Assert.True(LotForms.TryParseQuantity(text, out var value));
        Assert.Equal((decimal)expected, value);
    }

    [Fact]
    public void Every_word_built_from_a_value_exists_in_Vietnamese_and_English()
    {
        var resources = new ResourceManager(typeof(LotText).FullName!, typeof(LotText).Assembly);
        var keys = new List<string>();
        keys.AddRange(DetailsModel.Entries.Select(e => e.Key));
        keys.AddRange(DetailsModel.Entries.Select(e => "Diary.Submit." + e.Kind));
        keys.AddRange(["Entry.processing"]);
        keys.AddRange(((string[])["packing", "storing", "shipping", "receiving", "retail_selling", "commissioning"]).Select(w => "Step." + w));
        keys.AddRange(Enum.GetValues<FarmingInputKind>().Select(k => "InputKind." + DiaryEvents.KindWord(k)));
        keys.AddRange(Enum.GetValues<TraceEdgeKind>().Select(k => "Relation." + k));
        keys.AddRange(Enum.GetValues<LotStatus>().Select(s => "LotStatus." + s));
        keys.AddRange(Enum.GetValues<LotOrigin>().Select(o => "LotOrigin." + o));
        keys.AddRange(((string[])["did_not_occur", "incorrect_data"]).Select(r => "Correction.Reason." + r));
        keys.AddRange(((string[])["desadv", "po", "inv", "bol", "recadv", "other"]).Select(d => "Document." + d));
        var missing = keys.SelectMany(k => ((string[])["vi", "en"]).Where(c => string.IsNullOrEmpty(resources.GetString(k, new CultureInfo(c)))).Select(c => $"{k} ({c})")).ToList();
        Assert.Empty(missing);
    }
}
