using VnTrace.Gs1.Genealogy;

namespace VnTrace.Gs1.Tests.Genealogy;

public class TraceIdentifiersTests
{
    public static TheoryData<string, TraceNodeKind, string> Identifiers => new()
    {
        { "https://id.gs1.org/01/09506000134352/10/LOT1", TraceNodeKind.Lot, "GTIN 09506000134352 · lot LOT1" },
        { "https://id.gs1.org/01/09506000134352/21/77", TraceNodeKind.Unit, "GTIN 09506000134352 · serial 77" },
        { "https://id.gs1.org/01/09506000134352/10/LOT1/21/77", TraceNodeKind.Unit, "GTIN 09506000134352 · lot LOT1 · serial 77" },
        { "https://id.gs1.org/00/040123450000003338", TraceNodeKind.Container, "SSCC 040123450000003338" },
        { "https://id.gs1.org/414/4012345000115/254/987", TraceNodeKind.Location, "GLN 4012345000115 · ext 987" },
        { "https://id.gs1.org/417/4012345000009", TraceNodeKind.Party, "GLN 4012345000009" },
        { "https://id.gs1.org/01/09506000134352", TraceNodeKind.Other, "GTIN 09506000134352" },
        { "urn:uuid:6a2f41a3-c54c-fce8-32d2-0324e1c32e22", TraceNodeKind.Other, "urn:uuid:6a2f41a3-c54c-fce8-32d2-0324e1c32e22" },
    };

    [Theory]
    [MemberData(nameof(Identifiers))]
    public void Kind_and_label_come_from_the_digital_link(string id, TraceNodeKind kind, string label)
    {
        Assert.Equal(kind, TraceIdentifiers.KindOf(id));
        Assert.Equal(label, TraceIdentifiers.LabelOf(id));
    }

    [Theory]
    [InlineData("https://id.gs1.org/01/09506000134352/10/LOT1/21/77", "https://id.gs1.org/01/09506000134352/10/LOT1")]
    [InlineData("https://id.gs1.org/01/09506000134352/22/V2/10/LOT%2F17/21/S1", "https://id.gs1.org/01/09506000134352/22/V2/10/LOT%2F17")]
    public void A_unit_written_with_its_lot_belongs_to_that_lot(string unit, string lot)
    {
        Assert.True(TraceIdentifiers.TryGetLotOfUnit(unit, out var found));
        Assert.Equal(lot, found);
    }

    [Theory]
    [InlineData("https://id.gs1.org/01/09506000134352/21/77")]
    [InlineData("https://id.gs1.org/01/09506000134352/10/LOT1")]
    [InlineData("https://id.gs1.org/00/040123450000003338")]
    public void Other_identifiers_belong_to_no_lot(string id) => Assert.False(TraceIdentifiers.TryGetLotOfUnit(id, out _));

    [Theory]
    [InlineData("urn:epc:class:lgtin:4012345.012345.998877", "https://id.gs1.org/01/04012345123456/10/998877")]
    [InlineData(" https://example.vn/dl/01/9506000134352/10/LOT1?17=261231 ", "https://id.gs1.org/01/09506000134352/10/LOT1")]
    [InlineData("urn:uuid:6a2f41a3-c54c-fce8-32d2-0324e1c32e22", "urn:uuid:6a2f41a3-c54c-fce8-32d2-0324e1c32e22")]
    public void A_start_is_written_canonically(string given, string canonical) => Assert.Equal(canonical, TraceIdentifiers.Canonical(given));
}
