using System.Globalization;

namespace VnTrace.Server.Programme.Surveys;

/// <summary>One question's field in the answer form, as posted: the chosen option indices, a typed number, a text.</summary>
public sealed class SurveyAnswerField
{
    public Guid QuestionId { get; set; }
    public List<int> Choices { get; set; } = [];
    public string? Number { get; set; }
    public string? Text { get; set; }
}

/// <summary>The answer form of a survey (the business's workspace and an officer keying answers in share it).</summary>
public sealed record SurveyAnswerView(Survey Survey, IReadOnlyList<SurveyAnswerField> Fields, bool ReadOnly = false);

public static class SurveyAnswerForm
{
    /// <summary>The form's fields in question order, filled with the earlier answers when there are any.</summary>
    public static List<SurveyAnswerField> Fields(Survey survey, SurveyResponse? response) =>
        [.. survey.Questions.OrderBy(q => q.Position).Select(q =>
        {
            var a = response?.Answers.FirstOrDefault(x => x.QuestionId == q.Id);
            return new SurveyAnswerField
            {
                QuestionId = q.Id,
                Choices = a?.Choices ?? [],
                Number = a?.Number?.ToString("0.####", CultureInfo.InvariantCulture),
                Text = a?.Text,
            };
        })];

    /// <summary>
    /// The posted fields as answers, or a refusal per number that is not one. A number may use a decimal point or,
    /// as Vietnamese writes it, a decimal comma ("2,5"); a question left empty is not answered.
    /// </summary>
    public static (List<AnswerInput> Answers, List<Refusal> Refusals) Read(Survey survey, IReadOnlyList<SurveyAnswerField> fields)
    {
        var answers = new List<AnswerInput>();
        var refusals = new List<Refusal>();
        foreach (var f in fields)
        {
            var q = survey.Questions.FirstOrDefault(x => x.Id == f.QuestionId);
            if (q is null)
            {
                refusals.Add(Refusal.Invalid("No such question in this survey.", $"answers[{f.QuestionId}]"));
                continue;
            }
            switch (q.Kind)
            {
                case QuestionKind.Number when f.Number?.Trim() is { Length: > 0 } typed:
                    if (ParseNumber(typed) is { } n)
                        answers.Add(new AnswerInput(q.Id, Number: n));
                    else
                        refusals.Add(Refusal.Invalid($"Question {q.Position}: \"{typed}\" is not a number.", $"answers[{q.Id}]"));
                    break;
                case QuestionKind.Number:
                    break;
                case QuestionKind.Text:
                    answers.Add(new AnswerInput(q.Id, Text: f.Text));
                    break;
                default:
                    answers.Add(new AnswerInput(q.Id, Choices: f.Choices));
                    break;
            }
        }
        return (answers, refusals);
    }

    public static decimal? ParseNumber(string typed)
    {
        var text = typed.Trim().Replace(" ", "", StringComparison.Ordinal);
        // One comma and no point is a decimal comma; otherwise only the invariant form is taken.
        if (text.Count(c => c == ',') == 1 && !text.Contains('.', StringComparison.Ordinal))
            text = text.Replace(',', '.');
        return decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var n)
            ? n
            : null;
    }
}
