using System.Text;
using VnTrace.Server.Organizations.Reference;

namespace VnTrace.Server.Tests.Organizations;

public sealed class AdministrativeUnitsTests
{
    [Fact]
    public void Viet_Nam_has_34_provinces_with_Dak_Lak_as_66()
    {
        Assert.Equal(34, AdministrativeUnits.Provinces.Count);
        var dakLak = AdministrativeUnits.FindProvince("66");
        Assert.NotNull(dakLak);
        Assert.Equal("Tỉnh Đắk Lắk", dakLak.FullName);
        Assert.Equal("Thành phố Hồ Chí Minh", AdministrativeUnits.FindProvince("79")!.FullName);
        Assert.Null(AdministrativeUnits.FindProvince("67")); // Đắk Nông merged into Lâm Đồng
    }

    [Fact]
    public void Dak_Lak_has_102_communes_and_wards_directly_under_the_province()
    {
        var units = AdministrativeUnits.CommunesOf("66");

        Assert.Equal(102, units.Count);
        Assert.Equal(14, units.Count(u => u.Kind == CommuneKind.Ward));
        Assert.Equal(88, units.Count(u => u.Kind == CommuneKind.Commune));
        Assert.All(units, u => Assert.Matches("^[0-9]{5}$", u.Code));
        Assert.Equal(units.Count, units.Select(u => u.Code).Distinct().Count());
        Assert.All(units, u => Assert.True(u.Name.IsNormalized(NormalizationForm.FormC), u.Name));
        Assert.Empty(AdministrativeUnits.CommunesOf("01")); // not listed yet
    }

    [Fact]
    public void A_commune_is_found_by_code()
    {
        var ward = AdministrativeUnits.FindCommune("24133");
        Assert.NotNull(ward);
        Assert.Equal("Phường Buôn Ma Thuột", ward.FullName);
        Assert.Equal("66", ward.ProvinceCode);
        Assert.Equal("Xã Tuy An Bắc", AdministrativeUnits.FindCommune("22114")!.FullName);
        Assert.Null(AdministrativeUnits.FindCommune("99999"));
    }

    [Theory]
    [InlineData("buon ma thuot", "24133")]
    [InlineData("BUÔN MA THUỘT", "24133")]
    [InlineData("phuong tan an", "24163")]
    [InlineData("cu mgar", "24280")]
    [InlineData("Cư M’gar", "24280")]
    [InlineData("ea hleo", "24184")]
    [InlineData("Tuy Hòa", "22015")] // the list writes "Hoà"
    [InlineData("dak lieng", "24595")]
    public void Search_ignores_case_tone_marks_and_apostrophes(string query, string code)
    {
        var found = AdministrativeUnits.Search(query, "66");
        Assert.NotEmpty(found);
        Assert.Equal(code, found[0].Code);
    }

    [Fact]
    public void Search_puts_names_that_start_with_the_query_first_and_finds_nothing_for_nothing()
    {
        var found = AdministrativeUnits.Search("ea", limit: 100);
        Assert.True(found.Count > 20);
        Assert.All(found.TakeWhile(c => c.Name.StartsWith("Ea", StringComparison.Ordinal)), c => Assert.Equal("66", c.ProvinceCode));
        Assert.Empty(AdministrativeUnits.Search("   "));
        Assert.Empty(AdministrativeUnits.Search("hà nội"));
    }
}
