using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using VnTrace.Server.Identity;
using VnTrace.Server.Programme.Agencies;
using VnTrace.Server.Tests.Infrastructure;

namespace VnTrace.Server.Tests.Programme.Surveys;

/// <summary>
/// The survey pages: the builder (questions added on the server, recipients picked under filters), the business
/// answering in its workspace, the officer's summary, key-in and exports, and who may open what.
/// </summary>
public abstract class SurveyPagesTests(AppFixture fixture)
{
    private VnTraceApp App => fixture.App;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<HttpResponseMessage> PostAsync(PageClient pages, string path, string handler, Dictionary<string, string> fields)
    {
        var token = PageClient.FindForm(await pages.GetPageAsync(path))!.AntiforgeryToken;
        return await pages.PostFormAsync(path + "?handler=" + handler, fields, token);
    }

    [Fact]
    public async Task The_builder_keeps_what_was_typed_adds_questions_picks_the_filtered_producers_and_sends()
    {
        var run = Guid.NewGuid().ToString("N")[..6];
        var officer = await App.CreateOfficerAsync();
        var producers = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            var b = await App.OcopBusinessAsync();
            await App.WithDbAsync(db => db.Organizations.Where(o => o.Id == b.Id).ExecuteUpdateAsync(s => s.SetProperty(o => o.Name, $"HTX Khảo sát {run} {i}"), Ct));
            producers.Add(b.Id);
        }
        var pages = await App.SignInAsync(officer.User);
        var title = $"Khảo sát <i>{run}</i>";
        var fields = new Dictionary<string, string>
        {
            ["Title"] = title,
            ["Questions[0].Text"] = "Đã áp dụng TXNG chưa?",
            ["Questions[0].Kind"] = "single_choice",
            ["Questions[0].Options"] = "Có\nChưa",
            ["OcopOnly"] = "true",
            ["Search"] = $"HTX Khảo sát {run}",
        };

        var added = await PostAsync(pages, "/authority/surveys/new", "AddQuestion", fields);
        var html = await added.Content.ReadAsStringAsync(Ct);
        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        Assert.Contains("data-question-form=\"2\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"Đã áp dụng TXNG chưa?\"", html, StringComparison.Ordinal);
        Assert.Contains($"value=\"Khảo sát &lt;i&gt;{run}&lt;/i&gt;\"", html, StringComparison.Ordinal);

        // "Pick all listed" under the name filter picks exactly the three producers.
        var picked = await PostAsync(pages, "/authority/surveys/new", "SelectShown", fields);
        Assert.Contains("data-selected-count=\"3\"", await picked.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        // Sending with a choice question of one option is refused with the reason; nothing is stored.
        var bad = new Dictionary<string, string>(fields) { ["Questions[0].Options"] = "Có", ["Recipients"] = producers[0].ToString() };
        var refused = await PostAsync(pages, "/authority/surveys/new", "", bad);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("at least two different options", await refused.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(0, await App.WithDbAsync(db => db.Surveys.CountAsync(s => s.Title == title, Ct)));

        var token = PageClient.FindForm(await pages.GetPageAsync("/authority/surveys/new"))!.AntiforgeryToken;
        var form = fields.Select(f => f).Concat(producers.Select(p => new KeyValuePair<string, string>("Recipients", p.ToString()))).ToList();
        var sent = await pages.PostFormAsync("/authority/surveys/new", form, token);
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var id = await App.WithDbAsync(db => db.Surveys.Where(s => s.Title == title).Select(s => s.Id).SingleAsync(Ct));
        Assert.Equal($"/authority/surveys/{id}", sent.Headers.Location?.OriginalString);
        Assert.Equal(3, await App.WithDbAsync(db => db.SurveyRecipients.CountAsync(r => r.SurveyId == id, Ct)));

        var details = await pages.GetPageAsync($"/authority/surveys/{id}");
        Assert.Contains("Đã gửi khảo sát", details, StringComparison.Ordinal);
        Assert.Contains($"HTX Khảo sát {run} 2", details, StringComparison.Ordinal);
        Assert.Contains($"Khảo sát &lt;i&gt;{run}&lt;/i&gt;", details, StringComparison.Ordinal);
        Assert.Contains($"/authority/surveys/{id}\">Khảo sát &lt;i&gt;", await pages.GetPageAsync("/authority/surveys"), StringComparison.Ordinal);
        var list = SurveyTestKit.WorkbookText(await (await pages.GetAsync($"/authority/surveys?handler=Export&Q={run}")).Content.ReadAsByteArrayAsync(Ct));
        Assert.Contains(title, list, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_business_answers_in_its_workspace_and_the_officer_reads_the_summary_the_chart_data_and_the_exports()
    {
        var run = Guid.NewGuid().ToString("N")[..6];
        var (officer, dost) = await App.DostClientAsync();
        var owner = await App.CreateBusinessUserAsync($"HTX Trả lời {run}");
        var stranger = await App.CreateBusinessUserAsync($"HTX Khác {run}");
        var id = await SurveyTestKit.SendAsync(dost, $"Khảo sát {run}", [owner.OrganizationId!.Value]);
        var q = await App.QuestionsAsync(id);

        var business = await App.SignInAsync(owner);
        Assert.Contains("data-alert=\"surveys\"", await business.GetPageAsync("/workspace"), StringComparison.Ordinal);
        Assert.Contains($"data-survey=\"{id}\"", await business.GetPageAsync("/workspace/surveys"), StringComparison.Ordinal);

        // A number that is not one is refused by question, and nothing is stored.
        var notNumber = await business.SubmitFormAsync($"/workspace/surveys/{id}", new Dictionary<string, string> { ["Fields[2].Number"] = "hai" });
        Assert.Equal(HttpStatusCode.OK, notNumber.StatusCode);
        Assert.Contains("Question 3: \"hai\" is not a number.", WebUtility.HtmlDecode(await notNumber.Content.ReadAsStringAsync(Ct)), StringComparison.Ordinal);
        Assert.Equal(0, await App.WithDbAsync(db => db.SurveyResponses.CountAsync(r => r.SurveyId == id, Ct)));

        var token = PageClient.FindForm(await business.GetPageAsync($"/workspace/surveys/{id}"))!.AntiforgeryToken;
        var answered = await business.PostFormAsync($"/workspace/surveys/{id}", new List<KeyValuePair<string, string>>
        {
            new("Fields[0].QuestionId", q[0].ToString()), new("Fields[0].Choices", "2"),
            new("Fields[1].QuestionId", q[1].ToString()), new("Fields[1].Choices", "0"), new("Fields[1].Choices", "1"),
            new("Fields[2].QuestionId", q[2].ToString()), new("Fields[2].Number", "2,5"),
            new("Fields[3].QuestionId", q[3].ToString()), new("Fields[3].Text", "<script>alert('x')</script>"),
        }, token);
        Assert.Equal(HttpStatusCode.Redirect, answered.StatusCode);
        var again = await business.GetPageAsync($"/workspace/surveys/{id}");
        Assert.Contains("Cảm ơn!", again, StringComparison.Ordinal);
        Assert.Contains("value=\"2.5\"", again, StringComparison.Ordinal);
        Assert.DoesNotContain("data-alert=\"surveys\"", await business.GetPageAsync("/workspace"), StringComparison.Ordinal);
        var response = await App.WithDbAsync(db => db.SurveyResponses.Include(r => r.Answers).SingleAsync(r => r.SurveyId == id, Ct));
        Assert.False(response.EnteredByOfficer);
        Assert.Equal(2.5m, response.Answers.Single(a => a.QuestionId == q[2]).Number);

        // Another business neither sees the survey nor answers it.
        var other = await App.SignInAsync(stranger);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/workspace/surveys/{id}")).StatusCode);
        Assert.DoesNotContain($"data-survey=\"{id}\"", await other.GetPageAsync("/workspace/surveys"), StringComparison.Ordinal);

        var pages = await App.SignInAsync(officer.User);
        var details = await pages.GetPageAsync($"/authority/surveys/{id}");
        Assert.Contains("data-responses=\"1\"", details, StringComparison.Ordinal);
        Assert.Contains("data-survey-chart=\"{&quot;labels&quot;:[&quot;C\\u00F3&quot;", details, StringComparison.Ordinal);
        Assert.Contains("&quot;counts&quot;:[0,0,1]", details, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;", details, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert(", details, StringComparison.Ordinal);
        Assert.Contains("/js/survey-charts", details, StringComparison.Ordinal);
        var answers = SurveyTestKit.WorkbookText(await (await pages.GetAsync($"/authority/surveys/{id}?handler=Answers")).Content.ReadAsByteArrayAsync(Ct));
        Assert.Contains($"HTX Trả lời {run}", answers, StringComparison.Ordinal);
        Assert.Contains("Tem; Phần mềm", answers, StringComparison.Ordinal);
        var summary = SurveyTestKit.WorkbookText(await (await pages.GetAsync($"/authority/surveys/{id}?handler=Summary")).Content.ReadAsByteArrayAsync(Ct));
        Assert.Contains("Đang làm", summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task After_the_deadline_the_business_only_reads_and_the_officer_keys_its_paper_answers_in()
    {
        var run = Guid.NewGuid().ToString("N")[..6];
        var (officer, dost) = await App.DostClientAsync();
        var owner = await App.CreateBusinessUserAsync($"HTX Trễ hạn {run}");
        var id = await SurveyTestKit.SendAsync(dost, $"Khảo sát trễ {run}", [owner.OrganizationId!.Value], DateOnly.FromDateTime(DateTime.UtcNow.AddDays(30)).ToString("yyyy-MM-dd"));
        var q = await App.QuestionsAsync(id);
        var business = await App.SignInAsync(owner);
        var token = PageClient.FindForm(await business.GetPageAsync($"/workspace/surveys/{id}"))!.AntiforgeryToken;
        // The deadline passes while the form is open.
        await App.WithDbAsync(db => db.Surveys.Where(s => s.Id == id).ExecuteUpdateAsync(s => s.SetProperty(x => x.Deadline, DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-2))), Ct));
        var late = await business.PostFormAsync($"/workspace/surveys/{id}",
            [new("Fields[0].QuestionId", q[0].ToString()), new("Fields[0].Choices", "0")], token);
        Assert.Equal(HttpStatusCode.OK, late.StatusCode);
        Assert.Contains("The survey closed on", await late.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        var closed = await business.GetPageAsync($"/workspace/surveys/{id}");
        Assert.Contains("Khảo sát đã hết hạn trả lời", closed, StringComparison.Ordinal);
        Assert.Null(PageClient.FindForm(closed));
        Assert.Equal(0, await App.WithDbAsync(db => db.SurveyResponses.CountAsync(r => r.SurveyId == id, Ct)));

        var pages = await App.SignInAsync(officer.User);
        var keyIn = $"/authority/surveys/{id}/answer/{owner.OrganizationId}";
        var saved = await pages.SubmitFormAsync(keyIn, new Dictionary<string, string>
        {
            ["Fields[0].QuestionId"] = q[0].ToString(), ["Fields[0].Choices"] = "1", ["Fields[2].QuestionId"] = q[2].ToString(), ["Fields[2].Number"] = "4",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var response = await App.WithDbAsync(db => db.SurveyResponses.Include(r => r.Answers).SingleAsync(r => r.SurveyId == id, Ct));
        Assert.True(response.EnteredByOfficer);
        Assert.Equal([1], response.Answers.Single(a => a.QuestionId == q[0]).Choices);
        var details = await pages.GetPageAsync($"/authority/surveys/{id}");
        Assert.Contains("Cán bộ nhập hộ", details, StringComparison.Ordinal);
        Assert.Contains("Đã hết hạn", details, StringComparison.Ordinal);
        // The key-in form opens with the answers already given.
        Assert.Contains("value=\"4\"", await pages.GetPageAsync(keyIn), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_agency_cannot_open_the_survey_an_inspector_cannot_key_in_and_a_business_not_surveyed_is_not_found()
    {
        var (officer, dost) = await App.DostClientAsync();
        var surveyed = await App.OcopBusinessAsync();
        var notSurveyed = await App.OcopBusinessAsync();
        var id = await SurveyTestKit.SendAsync(dost, ProgrammeTestKit.Unique("Khảo sát"), [surveyed.Id]);
        var department = await App.CreateOfficerAsync(await App.CreateAgencyAsync(AgencyKind.Department, ["agriculture"]), Roles.DepartmentOfficer);
        var departmentPages = await App.SignInAsync(department.User);
        Assert.Equal(HttpStatusCode.NotFound, (await departmentPages.GetAsync($"/authority/surveys/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await departmentPages.GetAsync($"/authority/surveys/{id}/answer/{surveyed.Id}")).StatusCode);
        Assert.DoesNotContain(id.ToString(), await departmentPages.GetPageAsync("/authority/surveys"), StringComparison.Ordinal);

        var inspector = await App.CreateOfficerAsync(role: Roles.Inspector);
        var inspectorPages = await App.SignInAsync(inspector.User);
        Assert.Contains("data-responses=\"0\"", await inspectorPages.GetPageAsync($"/authority/surveys/{id}"), StringComparison.Ordinal);
        var denied = await inspectorPages.GetAsync($"/authority/surveys/{id}/answer/{surveyed.Id}", followRedirects: false);
        Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
        Assert.StartsWith("/account/denied", denied.Headers.Location?.AbsolutePath ?? denied.Headers.Location?.OriginalString, StringComparison.Ordinal);
        Assert.Contains("Tài khoản thanh tra chỉ được xem", await inspectorPages.GetPageAsync("/authority/surveys/new"), StringComparison.Ordinal);

        var pages = await App.SignInAsync(officer.User);
        Assert.Equal(HttpStatusCode.NotFound, (await pages.GetAsync($"/authority/surveys/{id}/answer/{notSurveyed.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await pages.GetAsync($"/authority/surveys/{Guid.NewGuid()}")).StatusCode);
    }
}

public sealed class SqliteSurveyPagesTests(SqliteAppFixture fixture) : SurveyPagesTests(fixture), IClassFixture<SqliteAppFixture>;

public sealed class PostgresSurveyPagesTests(PostgresAppFixture fixture) : SurveyPagesTests(fixture), IClassFixture<PostgresAppFixture>;
