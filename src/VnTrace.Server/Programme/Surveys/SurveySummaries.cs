using Microsoft.EntityFrameworkCore;
using VnTrace.Server.Exports;
using VnTrace.Server.Platform.Data;

namespace VnTrace.Server.Programme.Surveys;

/// <summary>How many respondents chose one option, and their share of those who answered the question (0–100, one decimal).</summary>
public sealed record OptionCount(string Option, int Count, decimal Share);

/// <summary>
/// One question's summary: for a choice question the count and share of each option; for a number its count,
/// minimum, mean and maximum; for a text the answers themselves.
/// </summary>
public sealed record QuestionSummary(Guid QuestionId, int Position, string Text, string Kind, int Answered,
    IReadOnlyList<OptionCount> Options, decimal? Min, decimal? Mean, decimal? Max, IReadOnlyList<string> Texts);

public sealed record SurveySummary(Guid Id, string Title, int Recipients, int Responses, IReadOnlyList<QuestionSummary> Questions);

/// <summary>The summary per question and the xlsx of every answer, from the responses as they are now.</summary>
public sealed class SurveySummaries(VnTraceDbContext db)
{
    public async Task<SurveySummary> SummarizeAsync(Survey survey, CancellationToken ct)
    {
        var answers = await db.SurveyAnswers
            .Where(a => db.SurveyResponses.Any(r => r.Id == a.ResponseId && r.SurveyId == survey.Id))
            .ToListAsync(ct);
        var recipients = await db.SurveyRecipients.CountAsync(r => r.SurveyId == survey.Id, ct);
        var responses = await db.SurveyResponses.CountAsync(r => r.SurveyId == survey.Id, ct);
        var questions = survey.Questions.OrderBy(q => q.Position).Select(q =>
        {
            var mine = answers.Where(a => a.QuestionId == q.Id).ToList();
            var options = SurveyService.IsChoice(q.Kind)
                ? q.Options.Select((o, i) =>
                {
                    var count = mine.Count(a => a.Choices.Contains(i));
                    return new OptionCount(o, count, Share(count, mine.Count));
                }).ToList()
                : [];
            var numbers = mine.Where(a => a.Number is not null).Select(a => a.Number!.Value).ToList();
            return new QuestionSummary(q.Id, q.Position, q.Text, SurveyService.KindName(q.Kind), mine.Count, options,
                numbers.Count == 0 ? null : numbers.Min(),
                numbers.Count == 0 ? null : Math.Round(numbers.Average(), 2, MidpointRounding.AwayFromZero),
                numbers.Count == 0 ? null : numbers.Max(),
                [.. mine.Where(a => a.Text is not null).Select(a => a.Text!)]);
        }).ToList();
        return new SurveySummary(survey.Id, survey.Title, recipients, responses, questions);
    }

    public static decimal Share(int count, int of) => of == 0 ? 0 : Math.Round(100m * count / of, 1, MidpointRounding.AwayFromZero);

    /// <summary>One row per responding business, one column per question (choices joined with "; ").</summary>
    public async Task<byte[]> ExportAsync(Survey survey, CancellationToken ct)
    {
        var responses = await db.SurveyResponses.Where(r => r.SurveyId == survey.Id).Include(r => r.Answers)
            .Join(db.Organizations, r => r.OrganizationId, o => o.Id, (r, o) => new { Response = r, o.Name, o.TaxCode })
            .OrderBy(r => r.Name).ToListAsync(ct);
        var questions = survey.Questions.OrderBy(q => q.Position).ToList();
        List<ExportColumn> columns =
        [
            new ExportColumn("Business", ExportCellKind.Text, "The business that answered.", 36) { Header = "Doanh nghiệp / Business" },
            new ExportColumn("Tax code", ExportCellKind.Text, "Its tax code.", 14) { Header = "Mã số thuế / Tax code" },
            new ExportColumn("Submitted", ExportCellKind.UtcDateTime, "When the answers were submitted (UTC).", 20) { Header = "Thời điểm trả lời / Submitted" },
            new ExportColumn("Keyed in by an officer", ExportCellKind.Literal, "Yes when an officer entered the answers for the business.", 12) { Header = "Cán bộ nhập / Keyed in by an officer" },
        ];
        columns.AddRange(questions.Select(q => new ExportColumn($"Q{q.Position}", q.Kind == QuestionKind.Number ? ExportCellKind.Number : ExportCellKind.Text,
            $"{q.Text} ({SurveyService.KindName(q.Kind)})", 30) { Header = $"{q.Position}. {Truncate(q.Text, 200)}" }));
        var rows = responses.Select(r =>
        {
            var cells = new List<object?> { r.Name, r.TaxCode, new DateTimeOffset(DateTime.SpecifyKind(r.Response.SubmittedAt, DateTimeKind.Utc)),
                r.Response.EnteredByOfficer ? "Có / Yes" : "Không / No" };
            foreach (var q in questions)
            {
                var a = r.Response.Answers.FirstOrDefault(x => x.QuestionId == q.Id);
                cells.Add(a is null ? null : q.Kind switch
                {
                    QuestionKind.Number => a.Number,
                    QuestionKind.Text => a.Text,
                    _ => string.Join("; ", a.Choices.Where(c => c < q.Options.Count).Select(c => q.Options[c])),
                });
            }
            return cells.ToArray();
        }).ToList();
        var sheet = new ExportSheet("Khảo sát", "SurveyAnswers", columns, rows,
            [("Khảo sát / Survey", survey.Title), ("Số câu trả lời / Responses", rows.Count.ToString(System.Globalization.CultureInfo.InvariantCulture))]);
        return XlsxExportWriter.Write(sheet);
    }

    /// <summary>The summary as a workbook: one row per option of a choice question, one per number question, one per text answer.</summary>
    public static byte[] SummaryWorkbook(SurveySummary summary)
    {
        List<ExportColumn> columns =
        [
            new ExportColumn("Question", ExportCellKind.Number, "The question's position in the survey.", 8) { Header = "Câu / Question" },
            new ExportColumn("Text", ExportCellKind.Text, "The question as asked.", 48) { Header = "Câu hỏi / Text" },
            new ExportColumn("Kind", ExportCellKind.Literal, "single_choice, multiple_choice, number or text.", 16) { Header = "Loại / Kind" },
            new ExportColumn("Answered", ExportCellKind.Number, "How many businesses answered the question.", 12) { Header = "Số trả lời / Answered" },
            new ExportColumn("Answer", ExportCellKind.Text, "The option, or a text answer.", 40) { Header = "Phương án / Answer" },
            new ExportColumn("Count", ExportCellKind.Number, "Businesses that chose the option.", 10) { Header = "Số lượng / Count" },
            new ExportColumn("Share", ExportCellKind.Number, "Percent of those who answered the question.", 10) { Header = "Tỷ lệ % / Share" },
            new ExportColumn("Min", ExportCellKind.Number, "The smallest number given.", 10) { Header = "Nhỏ nhất / Min" },
            new ExportColumn("Mean", ExportCellKind.Number, "The mean of the numbers given.", 10) { Header = "Trung bình / Mean" },
            new ExportColumn("Max", ExportCellKind.Number, "The largest number given.", 10) { Header = "Lớn nhất / Max" },
        ];
        var rows = new List<object?[]>();
        foreach (var q in summary.Questions)
        {
            object?[] Row(string? answer, int? count, decimal? share, decimal? min = null, decimal? mean = null, decimal? max = null) =>
                [(decimal)q.Position, q.Text, q.Kind, (decimal)q.Answered, answer, (decimal?)count, share, min, mean, max];
            if (q.Options.Count > 0)
                rows.AddRange(q.Options.Select(o => Row(o.Option, o.Count, o.Share)));
            else if (q.Kind == "number")
                rows.Add(Row(null, null, null, q.Min, q.Mean, q.Max));
            else if (q.Texts.Count > 0)
                rows.AddRange(q.Texts.Select(t => Row(t, null, null)));
            else
                rows.Add(Row(null, null, null));
        }
        var sheet = new ExportSheet("Tổng hợp khảo sát", "SurveySummary", columns, rows,
        [
            ("Khảo sát / Survey", summary.Title),
            ("Gửi đến / Recipients", summary.Recipients.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("Số câu trả lời / Responses", summary.Responses.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ]);
        return XlsxExportWriter.Write(sheet);
    }

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..max];
}
