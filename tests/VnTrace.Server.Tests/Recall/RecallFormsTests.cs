using VnTrace.Server.Recall;
using VnTrace.Server.Tests.Infrastructure;

namespace VnTrace.Server.Tests.Recall;

/// <summary>What RecallForms reads from the recall forms, without a page: the codes, their lines, the refusals by property.</summary>
public sealed class RecallFormsTests
{
    [Fact]
    public void Recall_lots_name_the_bad_line_and_keep_the_lines_of_each_good_code()
    {
        const string lot = "https://id.gs1.org/01/09506000134352/10/ABC";
        var read = RecallForms.ReadLots($"{lot}\n\n(01)09506000134352\n{lot}", otherErrors: false, new KeyLocalizer<RecallText>());

        var canonical = Assert.Single(read.Lots);
        Assert.Equal([1, 4], read.Lines[canonical]);
        var error = Assert.Single(read.Errors);
        Assert.Equal("Lots", error.Field);
        Assert.StartsWith("Error.ProductOnly(3,", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_recall_list_is_reported_only_when_nothing_else_on_the_form_is_wrong()
    {
        var l = new KeyLocalizer<RecallText>();

        Assert.Equal(["Error.NoLots"], RecallForms.ReadLots(" \n", otherErrors: false, l).Errors.Select(e => e.Message));
        Assert.Empty(RecallForms.ReadLots(" \n", otherErrors: true, l).Errors);
    }

    [Fact]
    public void Recall_quantity_refuses_a_negative_number_beside_its_field()
    {
        var read = RecallForms.ReadQuantity(new AcknowledgeRecallForm { QuantityRecovered = "-2,5" }, new KeyLocalizer<RecallText>());

        Assert.Equal(-2.5m, read.Quantity);
        Assert.Equal([("QuantityRecovered", "Error.Negative")], read.Errors.Select(e => (e.Field, e.Message)));
    }
}
