using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using VnTrace.Server.Identity;
using VnTrace.Server.Programme.Agencies;
using VnTrace.Server.Tests.Infrastructure;

namespace VnTrace.Server.Tests.Programme.Surveys;

/// <summary>The needs-survey API: sending, keying in answers, the summary and its workbooks, every refusal and scope.</summary>
public abstract class SurveysApiTests(AppFixture fixture)
{
    private VnTraceApp App => fixture.App;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Answers_keyed_in_make_the_summary_counts_shares_and_both_workbooks()
    {
        var (_, dost) = await App.DostClientAsync();
        var a = await App.OcopBusinessAsync();
        var b = await App.OcopBusinessAsync();
        var c = await App.OcopBusinessAsync();
        var title = ProgrammeTestKit.Unique("Khảo sát OCOP");
        var id = await SurveyTestKit.SendAsync(dost, title, [a.Id, b.Id, c.Id]);
        var q = await App.QuestionsAsync(id);

        var first = await dost.PostAsJsonAsync($"/api/programme/surveys/{id}/responses", new
        {
            organizationId = a.Id,
            answers = new object[]
            {
                new { questionId = q[0], choices = new[] { 1 } }, new { questionId = q[1], choices = new[] { 0, 2 } },
                new { questionId = q[2], number = 3 }, new { questionId = q[3], text = "Cần tem <b>QR</b>" },
            },
        }, Ct);
        Assert.Equal(HttpStatusCode.NoContent, first.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await dost.PostAsJsonAsync($"/api/programme/surveys/{id}/responses", new
        {
            organizationId = b.Id,
            answers = new object[] { new { questionId = q[0], choices = new[] { 1 } }, new { questionId = q[1], choices = new[] { 0 } }, new { questionId = q[2], number = 6 } },
        }, Ct)).StatusCode);

        var summary = await dost.GetFromJsonAsync<JsonElement>($"/api/programme/surveys/{id}/summary", Ct);
        Assert.Equal(3, summary.GetProperty("recipients").GetInt32());
        Assert.Equal(2, summary.GetProperty("responses").GetInt32());
        var questions = summary.GetProperty("questions");
        var single = questions[0].GetProperty("options");
        Assert.Equal(2, single[1].GetProperty("count").GetInt32());
        Assert.Equal(100m, single[1].GetProperty("share").GetDecimal());
        Assert.Equal(0, single[0].GetProperty("count").GetInt32());
        var multiple = questions[1].GetProperty("options");
        Assert.Equal(2, multiple[0].GetProperty("count").GetInt32());
        Assert.Equal(1, multiple[2].GetProperty("count").GetInt32());
        Assert.Equal(50m, multiple[2].GetProperty("share").GetDecimal());
        Assert.Equal(4.5m, questions[2].GetProperty("mean").GetDecimal());
        Assert.Equal(3m, questions[2].GetProperty("min").GetDecimal());
        Assert.Equal("Cần tem <b>QR</b>", questions[3].GetProperty("texts")[0].GetString());

        // Keying in again replaces the business's answers: it still counts once.
        Assert.Equal(HttpStatusCode.NoContent, (await dost.PostAsJsonAsync($"/api/programme/surveys/{id}/responses", new
        {
            organizationId = b.Id, answers = new object[] { new { questionId = q[0], choices = new[] { 0 } } },
        }, Ct)).StatusCode);
        summary = await dost.GetFromJsonAsync<JsonElement>($"/api/programme/surveys/{id}/summary", Ct);
        Assert.Equal(2, summary.GetProperty("responses").GetInt32());
        Assert.Equal(1, summary.GetProperty("questions")[0].GetProperty("options")[0].GetProperty("count").GetInt32());
        Assert.Equal(1, summary.GetProperty("questions")[1].GetProperty("answered").GetInt32());

        var answers = SurveyTestKit.WorkbookText(await dost.GetByteArrayAsync($"/api/programme/surveys/{id}/answers.xlsx", Ct));
        Assert.Contains(a.Name, answers, StringComparison.Ordinal);
        Assert.Contains("Tem; Tập huấn", answers, StringComparison.Ordinal);
        Assert.DoesNotContain(c.Name, answers, StringComparison.Ordinal);
        var summaryBook = SurveyTestKit.WorkbookText(await dost.GetByteArrayAsync($"/api/programme/surveys/{id}/summary.xlsx", Ct));
        Assert.Contains("Phần mềm", summaryBook, StringComparison.Ordinal);
        Assert.Contains("Cần tem <b>QR</b>", summaryBook, StringComparison.Ordinal);
        Assert.Contains(title, summaryBook, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_survey_with_bad_parts_is_refused_field_by_field_and_nothing_is_stored()
    {
        var (_, dost) = await App.DostClientAsync();
        var business = await App.OcopBusinessAsync();
        var title = ProgrammeTestKit.Unique("Khảo sát lỗi");
        var response = await dost.PostAsJsonAsync("/api/programme/surveys", new
        {
            title,
            deadline = "31/12/2026",
            questions = new object[]
            {
                new { text = "Một phương án", kind = "single_choice", options = new[] { "Có" } },
                new { text = "Trùng", kind = "multiple_choice", options = new[] { "A", "A" } },
                new { text = "Loại lạ", kind = "rating" },
                new { text = "", kind = "text" },
                new { text = "Số có phương án", kind = "number", options = new[] { "1" } },
            },
            recipients = new[] { business.Id, Guid.NewGuid() },
        }, Ct);
        var problem = await response.AssertProgrammeProblem(400, "invalid");
        var text = problem.ToJsonString();
        foreach (var field in new[] { "deadline", "questions[0].options", "questions[1].options", "questions[2].kind", "questions[3].text", "questions[4].options", "recipients" })
            Assert.Contains($"\"{field}\"", text, StringComparison.Ordinal);

        var empty = await (await dost.PostAsJsonAsync("/api/programme/surveys", new { title = "", questions = Array.Empty<object>(), recipients = Array.Empty<Guid>() }, Ct))
            .AssertProgrammeProblem(400, "invalid");
        foreach (var field in new[] { "title", "questions", "recipients" })
            Assert.Contains($"\"{field}\"", empty.ToJsonString(), StringComparison.Ordinal);
        var past = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-3)).ToString("yyyy-MM-dd");
        var late = await (await dost.PostAsJsonAsync("/api/programme/surveys", SurveyTestKit.Body(title, [business.Id], past), Ct)).AssertProgrammeProblem(400, "invalid");
        Assert.Contains("already passed", late.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal(0, await App.WithDbAsync(db => db.Surveys.CountAsync(s => s.Title == title, Ct)));
    }

    [Fact]
    public async Task Answers_that_do_not_fit_their_questions_or_a_business_not_surveyed_are_refused()
    {
        var (_, dost) = await App.DostClientAsync();
        var business = await App.OcopBusinessAsync();
        var other = await App.OcopBusinessAsync();
        var id = await SurveyTestKit.SendAsync(dost, ProgrammeTestKit.Unique("Khảo sát"), [business.Id]);
        var q = await App.QuestionsAsync(id);
        async Task Refused(object body, string expected)
        {
            var problem = await (await dost.PostAsJsonAsync($"/api/programme/surveys/{id}/responses", body, Ct)).AssertProgrammeProblem(400, "invalid");
            Assert.Contains(expected, problem.ToJsonString(), StringComparison.Ordinal);
        }
        await Refused(new { organizationId = business.Id, answers = new[] { new { questionId = q[0], choices = new[] { 3 } } } }, "not one of its options");
        await Refused(new { organizationId = business.Id, answers = new[] { new { questionId = q[0], choices = new[] { 0, 1 } } } }, "takes one choice");
        await Refused(new { organizationId = business.Id, answers = new[] { new { questionId = Guid.NewGuid(), choices = new[] { 0 } } } }, "No such question");
        await Refused(new { organizationId = business.Id, answers = Array.Empty<object>() }, "at least one question");
        await Refused(new { organizationId = business.Id, answers = new[] { new { questionId = q[3], text = new string('x', 4001) } } }, "longer than 4000");
        await Refused(new { organizationId = other.Id, answers = new[] { new { questionId = q[0], choices = new[] { 0 } } } }, "not sent to this business");
        Assert.Equal(0, await App.WithDbAsync(db => db.SurveyResponses.CountAsync(r => r.SurveyId == id, Ct)));
    }

    [Fact]
    public async Task Agencies_send_only_within_their_scope_and_read_only_their_own_surveys()
    {
        var (_, dost) = await App.DostClientAsync();
        var commune = await App.CreateAgencyAsync(AgencyKind.Commune, communeCode: "24175");
        var department = await App.CreateAgencyAsync(AgencyKind.Department, ["food"]);
        var communeApi = await App.AgencyClientAsync(await App.CreateOfficerAsync(commune, Roles.CommuneOfficer));
        var departmentApi = await App.AgencyClientAsync(await App.CreateOfficerAsync(department, Roles.DepartmentOfficer));
        var inCommune = await App.OcopBusinessAsync("agriculture", "24175");
        var elsewhere = await App.OcopBusinessAsync("food", "24163");

        // The commune may survey its own commune's business, not one elsewhere.
        var communeSurvey = await SurveyTestKit.SendAsync(communeApi, ProgrammeTestKit.Unique("Xã"), [inCommune.Id]);
        var outside = await (await communeApi.PostAsJsonAsync("/api/programme/surveys", SurveyTestKit.Body("Ngoài xã", [elsewhere.Id]), Ct)).AssertProgrammeProblem(400, "invalid");
        Assert.Contains(elsewhere.Id.ToString(), outside.ToJsonString(), StringComparison.Ordinal);

        // The DoST reads the commune's survey; the department neither reads nor keys in for it.
        Assert.Equal(HttpStatusCode.OK, (await dost.GetAsync($"/api/programme/surveys/{communeSurvey}/summary", Ct)).StatusCode);
        await (await departmentApi.GetAsync($"/api/programme/surveys/{communeSurvey}/summary", Ct)).AssertProgrammeProblem(404, "not-found");
        await (await departmentApi.GetAsync($"/api/programme/surveys/{communeSurvey}/answers.xlsx", Ct)).AssertProgrammeProblem(404, "not-found");
        var q = await App.QuestionsAsync(communeSurvey);
        await (await departmentApi.PostAsJsonAsync($"/api/programme/surveys/{communeSurvey}/responses",
            new { organizationId = inCommune.Id, answers = new[] { new { questionId = q[0], choices = new[] { 0 } } } }, Ct)).AssertProgrammeProblem(404, "not-found");
        var listed = await departmentApi.GetFromJsonAsync<JsonElement>("/api/programme/surveys", Ct);
        Assert.DoesNotContain(listed.EnumerateArray(), s => s.GetProperty("id").GetGuid() == communeSurvey);
        var dostList = await dost.GetFromJsonAsync<JsonElement>("/api/programme/surveys", Ct);
        Assert.Contains(dostList.EnumerateArray(), s => s.GetProperty("id").GetGuid() == communeSurvey && s.GetProperty("recipients").GetInt32() == 1);

        // A read-only inspector of the DoST reads but does not send.
        var inspector = await App.AgencyClientAsync(await App.CreateOfficerAsync(role: Roles.Inspector));
        await (await inspector.PostAsJsonAsync("/api/programme/surveys", SurveyTestKit.Body("Thanh tra", [inCommune.Id]), Ct)).AssertProgrammeProblem(403, "forbidden");
        Assert.Equal(HttpStatusCode.OK, (await inspector.GetAsync($"/api/programme/surveys/{communeSurvey}/summary", Ct)).StatusCode);
        await (await inspector.PostAsJsonAsync($"/api/programme/surveys/{communeSurvey}/responses",
            new { organizationId = inCommune.Id, answers = new[] { new { questionId = q[0], choices = new[] { 0 } } } }, Ct)).AssertProgrammeProblem(403, "forbidden");
    }
}

public sealed class SqliteSurveysApiTests(SqliteAppFixture fixture) : SurveysApiTests(fixture), IClassFixture<SqliteAppFixture>;

public sealed class PostgresSurveysApiTests(PostgresAppFixture fixture) : SurveysApiTests(fixture), IClassFixture<PostgresAppFixture>;
