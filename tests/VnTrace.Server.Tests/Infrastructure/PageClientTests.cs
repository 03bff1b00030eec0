namespace VnTrace.Server.Tests.Infrastructure;

/// <summary>The HTML scan behind <see cref="PageClient"/>, on markup as Razor Pages render it. Its HTTP side is exercised by the page tests.</summary>
public sealed class PageClientTests
{
    private const string Page = """
        <form method="get" action="/search"><input name="q"><input type="hidden" name="page" value="1"></form>
        <form method="post" action="/Lots/Create?handler=Save&amp;returnUrl=%2F" class="needs-validation">
          <input class="form-control" type="text" data-val="true" id="Lot_Number" name="Lot.Number" value="">
          <input type="hidden" id="Lot_Id" name="Lot.Id" value="7">
          <input name="Lot.Organic" type="hidden" value="false" />
          <input name="__RequestVerificationToken" type="hidden" value="CfDJ8Abc-_x" /></form>
        <FORM METHOD=POST action='/Account/Logout'><input type=hidden name=__RequestVerificationToken value=CfDJ8Other></FORM>
        """;

    [Fact]
    public void FindForm_takes_the_first_post_form_its_decoded_action_and_its_hidden_inputs()
    {
        var form = PageClient.FindForm(Page);

        Assert.NotNull(form);
        Assert.Equal("/Lots/Create?handler=Save&returnUrl=%2F", form.Action);
        Assert.Equal(["Lot.Id=7", "Lot.Organic=false", "__RequestVerificationToken=CfDJ8Abc-_x"],
            form.HiddenFields.Select(f => $"{f.Key}={f.Value}"));
        Assert.Equal("CfDJ8Abc-_x", form.AntiforgeryToken);
    }

    [Fact]
    public void FindForm_picks_a_form_by_action_whatever_the_case_and_quoting_of_its_markup()
    {
        Assert.Equal("CfDJ8Other", PageClient.FindForm(Page, "/Account/Logout")?.AntiforgeryToken);
        Assert.Null(PageClient.FindForm(Page, "/nowhere"));
        Assert.Null(PageClient.FindForm("<p>no form</p>"));
    }
}
