using VnTrace.Server.Labels;
using VnTrace.Server.Tests.Infrastructure;

namespace VnTrace.Server.Tests.Labels;

/// <summary>LabelsForm.Check's result, without a page: which property each refusal names.</summary>
public sealed class LabelsFormTests
{
    [Fact]
    public void Check_lists_each_unreadable_custom_size_under_its_property()
    {
        var form = new LabelsForm { LotId = Guid.NewGuid(), Count = "ten", Layout = LabelsForm.Custom, LabelWidthMm = "", LabelHeightMm = "3x", Columns = "3", Rows = "" };

        var (checkedForm, errors) = form.Check(new KeyLocalizer<object>());

        Assert.Null(checkedForm);
        Assert.Equal(
            [("Count", "Labels.Error.WholeNumber(Labels.Count)"), ("LabelWidthMm", "Labels.Error.Required(Labels.LabelWidthMm)"),
             ("LabelHeightMm", "Labels.Error.Number(Labels.LabelHeightMm)"), ("Rows", "Labels.Error.Required(Labels.Rows)")],
            errors.Select(e => (e.Field, e.Message)));
    }

    [Fact]
    public void Check_reads_a_vietnamese_thousands_count_into_the_issue_request()
    {
        var lot = Guid.NewGuid();
        var form = new LabelsForm { LotId = lot, Count = "1.000", Layout = "a4-3x7", StartPosition = "4" };

        var (checkedForm, errors) = form.Check(new KeyLocalizer<object>());

        Assert.Empty(errors);
        Assert.NotNull(checkedForm);
        Assert.Equal(new IssueRequest(lot, LabelBatchKind.Serial, 1000, "a4-3x7"), checkedForm.Request);
        Assert.Equal(4, checkedForm.StartPosition);
    }

    [Fact]
    public void Check_refuses_a_start_position_beyond_the_sheet()
    {
        var form = new LabelsForm { LotId = Guid.NewGuid(), Count = "5", Layout = "a4-3x7", StartPosition = "22" };

        var (checkedForm, errors) = form.Check(new KeyLocalizer<object>());

        Assert.Null(checkedForm);
        var error = Assert.Single(errors);
        Assert.Equal(("StartPosition", "Labels.Error.StartPosition(21)"), (error.Field, error.Message));
    }
}
