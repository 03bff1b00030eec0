using System.Net.Http.Json;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.EntityFrameworkCore;
using VnTrace.Server.Organizations;
using VnTrace.Server.Tests.Infrastructure;

namespace VnTrace.Server.Tests.Programme.Surveys;

/// <summary>OCOP producers to survey and a four-question survey sent to them through the agency API.</summary>
public static class SurveyTestKit
{
    public static async Task<Organization> OcopBusinessAsync(this VnTraceApp app, string? sector = "agriculture", string communeCode = "24163")
    {
        var organization = await app.CreateBusinessAsync(sector, communeCode);
        await app.WithDbAsync(db => db.Organizations.Where(o => o.Id == organization.Id).ExecuteUpdateAsync(s => s.SetProperty(o => o.OcopParticipant, true)));
        organization.OcopParticipant = true;
        return organization;
    }

    /// <summary>The questions: 1 single choice (Có/Chưa/Đang làm), 2 multiple choice (Tem/Phần mềm/Tập huấn), 3 number, 4 text.</summary>
    public static object Body(string title, IEnumerable<Guid> recipients, string? deadline = null) => new
    {
        title,
        description = "Khảo sát nhu cầu hỗ trợ",
        deadline,
        questions = new object[]
        {
            new { text = "Cơ sở đã áp dụng truy xuất nguồn gốc chưa?", kind = "single_choice", options = new[] { "Có", "Chưa", "Đang làm" } },
            new { text = "Cơ sở cần hỗ trợ gì?", kind = "multiple_choice", options = new[] { "Tem", "Phần mềm", "Tập huấn" } },
            new { text = "Số sản phẩm cần gắn mã", kind = "number" },
            new { text = "Kiến nghị khác", kind = "text" },
        },
        recipients,
    };

    public static async Task<Guid> SendAsync(HttpClient api, string title, IEnumerable<Guid> recipients, string? deadline = null)
    {
        var response = await api.PostAsJsonAsync("/api/programme/surveys", Body(title, recipients, deadline), TestContext.Current.CancellationToken);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("id").GetGuid();
    }

    /// <summary>The survey's question ids in order.</summary>
    public static Task<List<Guid>> QuestionsAsync(this VnTraceApp app, Guid surveyId) =>
        app.WithDbAsync(db => db.SurveyQuestions.Where(q => q.SurveyId == surveyId).OrderBy(q => q.Position).Select(q => q.Id).ToListAsync());

    /// <summary>Every shared string of a workbook, joined with "|", to look for cell texts.</summary>
    public static string WorkbookText(byte[] content)
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(content), false);
        return string.Join("|", document.WorkbookPart!.SharedStringTablePart?.SharedStringTable.Select(s => s.InnerText) ?? []);
    }
}
