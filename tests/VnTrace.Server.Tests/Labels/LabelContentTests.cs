using System.Text;
using VnTrace.Gs1.Identifiers;
using VnTrace.Server.Labels;

namespace VnTrace.Server.Tests.Labels;

public sealed class LabelContentTests
{
    [Fact]
    public void Label_for_a_digital_link_carries_the_link_as_written_and_one_hri_line_per_element()
    {
        var link = DigitalLink.Parse("https://id.example.vn/01/08936012000016/10/LOT42/21/000123?17=271231");
        var label = LabelContent.For(link, "Cà phê Robusta Buôn Ma Thuột");
        Assert.Equal("https://id.example.vn/01/08936012000016/10/LOT42/21/000123?17=271231", label.Uri);
        Assert.Equal(["(01) 08936012000016", "(10) LOT42", "(21) 000123", "(17) 271231"], label.Lines);
        Assert.Equal([.. label.Lines, "Cà phê Robusta Buôn Ma Thuột"], label.PrintedLines);
    }

    [Fact]
    public void Product_name_typed_with_combining_marks_is_kept_in_composed_form()
    {
        var decomposed = "Cà phê Buôn Ma Thuột".Normalize(NormalizationForm.FormD);
        var label = new LabelContent("https://id.example.vn/01/08936012000016", ["(01) 08936012000016"], decomposed);
        Assert.Equal("Cà phê Buôn Ma Thuột".Normalize(NormalizationForm.FormC), label.ProductName);
    }

    [Theory]
    [InlineData("https://id.example.vn/01/08936012000016/10/LÔ1", "character 44 is U+00D4")]
    [InlineData("https://id.example.vn/01/08936012000016/10/LOT 1", "character 46 is U+0020")]
    [InlineData("urn:epc:id:sgtin:8936012.000001.1", "must be an http or https URI")]
    [InlineData("", "must have 1 to 512 characters")]
    public void Uri_that_a_qr_code_would_not_carry_exactly_is_refused(string uri, string reason)
    {
        var e = Assert.Throws<ArgumentException>(() => new LabelContent(uri, []));
        Assert.Contains(reason, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_line_with_a_control_character_is_refused()
    {
        var e = Assert.Throws<ArgumentException>(() => new LabelContent("https://id.example.vn/01/08936012000016", ["(10) A\u0007B"]));
        Assert.Contains("U+0007", e.Message, StringComparison.Ordinal);
    }
}
