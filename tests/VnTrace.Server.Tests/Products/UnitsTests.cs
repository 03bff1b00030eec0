using VnTrace.Server.Products;

namespace VnTrace.Server.Tests.Products;

public sealed class UnitsTests
{
    [Theory]
    [InlineData("kg", "kg", "KGM")]
    [InlineData("KG", "kg", "KGM")]
    [InlineData("g", "g", "GRM")]
    [InlineData("tan", "tấn", "TNE")]
    [InlineData("Lít", "lít", "LTR")]
    [InlineData("l", "lít", "LTR")]
    [InlineData("ml", "ml", "MLT")]
    [InlineData("hop", "hộp", "H87")]
    [InlineData("Box", "hộp", "H87")]
    [InlineData("chai", "chai", "H87")]
    [InlineData("quả", "quả", "H87")]
    [InlineData("piece", "cái", "H87")]
    public void Units_are_found_as_people_write_them_and_map_to_rec20(string typed, string symbol, string rec20)
    {
        var unit = Units.Find(typed);

        Assert.NotNull(unit);
        Assert.Equal(symbol, unit.Symbol);
        Assert.Equal(rec20, unit.Rec20);
        Assert.Equal(rec20, Units.Rec20(symbol));
    }

    [Theory]
    [InlineData("")]
    [InlineData("thùng")]
    [InlineData("xyz")]
    public void Unknown_units_are_not_guessed(string typed) => Assert.Null(Units.Find(typed));

    [Fact]
    public void Every_unit_has_a_distinct_symbol_and_key()
    {
        Assert.Equal(Units.All.Count, Units.All.Select(u => u.Symbol).Distinct().Count());
        Assert.Equal(Units.All.Count, Units.All.Select(u => u.Key).Distinct().Count());
        Assert.All(Units.All.Where(u => u.Countable), u => Assert.Equal(Units.Piece, u.Rec20));
    }

    [Theory]
    [InlineData("0,5", 0.5)]
    [InlineData("0.5", 0.5)]
    [InlineData("1250", 1250)]
    [InlineData("1.250,5", 1250.5)]
    [InlineData("1,250.5", 1250.5)]
    public void Form_amounts_take_either_decimal_separator(string typed, double expected) =>
        Assert.Equal((decimal)expected, ProductService.ParseAmount(typed));

    [Theory]
    [InlineData("abc")]
    [InlineData("1.2.3")]
    [InlineData("-1")]
    public void Form_amounts_refuse_what_is_not_a_positive_number(string typed) => Assert.Null(ProductService.ParseAmount(typed));
}
