using System.Globalization;
using Microsoft.EntityFrameworkCore;
using VnTrace.Server.Organizations;
using VnTrace.Server.Platform.Audit;
using VnTrace.Server.Platform.Data;
using VnTrace.Server.Platform.Text;
using VnTrace.Server.Programme.Agencies;

namespace VnTrace.Server.Programme.Surveys;

public sealed record QuestionInput(string? Text, string? Kind, IReadOnlyList<string>? Options = null);

public sealed record SurveyInput(string? Title, IReadOnlyList<QuestionInput>? Questions, IReadOnlyList<Guid>? Recipients,
    string? Description = null, string? Deadline = null);

/// <summary>One answer: choice indices (0-based into the question's options), a number or a text, by question kind.</summary>
public sealed record AnswerInput(Guid QuestionId, IReadOnlyList<int>? Choices = null, decimal? Number = null, string? Text = null);

public sealed record SurveyListItem(Guid Id, string Title, DateOnly? Deadline, string AgencyName, int Recipients, int Responses, DateTime CreatedAt);

/// <summary>An approved business an officer may send a survey to.</summary>
public sealed record SurveyCandidate(Guid Id, string Name, bool Ocop, string? CommuneCode, string? Sector);

public sealed record SurveyRecipientView(Guid OrganizationId, string Name, bool Ocop, DateTime? AnsweredAt, bool EnteredByOfficer);

/// <summary>A survey as a business sees it in its workspace: the questions and its own answers, if any.</summary>
public sealed record BusinessSurvey(Survey Survey, SurveyResponse? Response);

/// <summary>
/// Needs surveys: an agency's questionnaire sent to chosen businesses, who answer their own (and only their own) in
/// the workspace, or an officer keys the answers in for them. The DoST reads every survey, other agencies their own.
/// </summary>
public sealed class SurveyService(VnTraceDbContext db, AuditTrail audit, TimeProvider clock)
{
    public static readonly (QuestionKind Kind, string Name)[] Kinds =
    [
        (QuestionKind.SingleChoice, "single_choice"),
        (QuestionKind.MultipleChoice, "multiple_choice"),
        (QuestionKind.Number, "number"),
        (QuestionKind.Text, "text"),
    ];

    public static string KindName(QuestionKind kind) => Kinds.First(k => k.Kind == kind).Name;

    public static bool IsChoice(QuestionKind kind) => kind is QuestionKind.SingleChoice or QuestionKind.MultipleChoice;

    public async Task<(Guid? Id, IReadOnlyList<Refusal> Refusals)> CreateAsync(OfficerScope scope, SurveyInput input, CancellationToken ct)
    {
        if (!scope.CanRecord)
            return (null, [Refusal.Forbidden("An inspector reads surveys but does not send them.")]);
        var refusals = new List<Refusal>();
        var title = input.Title?.Trim();
        if (string.IsNullOrEmpty(title) || title.Length > 300)
            refusals.Add(Refusal.Invalid("The title is required (at most 300 characters).", "title"));
        DateOnly? deadline = null;
        if (!string.IsNullOrWhiteSpace(input.Deadline))
        {
            if (DateOnly.TryParseExact(input.Deadline.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
            {
                if (d < VietnamTime.Today(clock))
                    refusals.Add(Refusal.Invalid($"The deadline {d:yyyy-MM-dd} has already passed.", "deadline"));
                deadline = d;
            }
            else
                refusals.Add(Refusal.Invalid($"\"{input.Deadline}\" is not a date; write it as yyyy-MM-dd.", "deadline"));
        }
        var questions = new List<SurveyQuestion>();
        var given = input.Questions ?? [];
        if (given.Count == 0)
            refusals.Add(Refusal.Invalid("A survey asks at least one question.", "questions"));
        for (var i = 0; i < given.Count; i++)
        {
            var q = given[i];
            var field = $"questions[{i}]";
            var kind = Kinds.Where(k => k.Name == q.Kind?.Trim()).Select(k => (QuestionKind?)k.Kind).FirstOrDefault();
            if (kind is null)
                refusals.Add(Refusal.Invalid("kind must be one of " + string.Join(", ", Kinds.Select(k => k.Name)) + ".", field + ".kind"));
            if (string.IsNullOrWhiteSpace(q.Text) || q.Text.Trim().Length > 1000)
                refusals.Add(Refusal.Invalid("The question's text is required (at most 1000 characters).", field + ".text"));
            var options = (q.Options ?? []).Select(o => o.Trim()).Where(o => o.Length > 0).ToList();
            if (kind is { } k && IsChoice(k) && (options.Count < 2 || options.Distinct().Count() != options.Count))
                refusals.Add(Refusal.Invalid("A choice question has at least two different options.", field + ".options"));
            if (kind is { } k2 && !IsChoice(k2) && options.Count > 0)
                refusals.Add(Refusal.Invalid("Only a choice question has options.", field + ".options"));
            if (kind is not null && !string.IsNullOrWhiteSpace(q.Text))
                questions.Add(new SurveyQuestion { Position = i + 1, Text = q.Text.Trim(), Kind = kind.Value, Options = options });
        }
        var recipients = (input.Recipients ?? []).Distinct().ToList();
        if (recipients.Count == 0)
            refusals.Add(Refusal.Invalid("Choose the businesses the survey goes to.", "recipients"));
        var known = await scope.Organizations(db.Organizations)
            .Where(o => recipients.Contains(o.Id) && o.Status == OrganizationStatus.Approved).Select(o => o.Id).ToListAsync(ct);
        foreach (var missing in recipients.Except(known))
            refusals.Add(Refusal.Invalid($"{missing} is not an approved business in your scope.", "recipients"));
        if (refusals.Count > 0)
            return (null, refusals);

        var survey = new Survey
        {
            Title = title!,
            Description = input.Description?.Trim() is { Length: > 0 } description ? description : null,
            Deadline = deadline,
            AgencyId = scope.AgencyId,
            CreatedBy = scope.Actor,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
            Questions = questions,
        };
        survey.Recipients.AddRange(recipients.Select(r => new SurveyRecipient { SurveyId = survey.Id, OrganizationId = r }));
        db.Surveys.Add(survey);
        audit.Record("programme-survey.create", nameof(Survey), survey.Id, new { survey.Title, questions = questions.Count, recipients = recipients.Count });
        await db.SaveChangesAsync(ct);
        return (survey.Id, []);
    }

    public IQueryable<Survey> InScope(OfficerScope scope) =>
        scope.IsProvince ? db.Surveys : db.Surveys.Where(s => s.AgencyId == scope.AgencyId);

    public async Task<IReadOnlyList<SurveyListItem>> ListAsync(OfficerScope scope, CancellationToken ct) =>
        await InScope(scope).OrderByDescending(s => s.CreatedAt)
            .Select(s => new SurveyListItem(s.Id, s.Title, s.Deadline,
                db.Agencies.Where(a => a.Id == s.AgencyId).Select(a => a.Name).FirstOrDefault() ?? "",
                s.Recipients.Count, db.SurveyResponses.Count(r => r.SurveyId == s.Id), s.CreatedAt))
            .ToListAsync(ct);

    public async Task<Survey?> GetAsync(OfficerScope scope, Guid id, CancellationToken ct) =>
        await InScope(scope).Include(s => s.Questions.OrderBy(q => q.Position)).AsSplitQuery().FirstOrDefaultAsync(s => s.Id == id, ct);

    public async Task<IReadOnlyList<SurveyRecipientView>> RecipientsAsync(Guid surveyId, CancellationToken ct)
    {
        var recipients = await db.SurveyRecipients.Where(r => r.SurveyId == surveyId)
            .Join(db.Organizations, r => r.OrganizationId, o => o.Id, (r, o) => new { o.Id, o.Name, o.OcopParticipant })
            .OrderBy(o => o.Name).ToListAsync(ct);
        var responses = await db.SurveyResponses.Where(x => x.SurveyId == surveyId)
            .Select(x => new { x.OrganizationId, x.SubmittedAt, x.EnteredByOfficer }).ToDictionaryAsync(x => x.OrganizationId, ct);
        return [.. recipients.Select(o => responses.TryGetValue(o.Id, out var r)
            ? new SurveyRecipientView(o.Id, o.Name, o.OcopParticipant, r.SubmittedAt, r.EnteredByOfficer)
            : new SurveyRecipientView(o.Id, o.Name, o.OcopParticipant, null, false))];
    }

    public bool CanEdit(OfficerScope scope, Survey survey) => scope.CanRecord && (scope.IsProvince || survey.AgencyId == scope.AgencyId);

    /// <summary>
    /// The approved businesses in the scope that a survey may go to, filtered (OCOP producers only, a commune, a
    /// name or tax code), by name, at most <paramref name="take"/>; plus whichever of <paramref name="keep"/> are in the
    /// scope, so that a choice made under another filter is not lost.
    /// </summary>
    public async Task<IReadOnlyList<SurveyCandidate>> CandidatesAsync(OfficerScope scope, bool ocopOnly, string? communeCode, string? text,
        IReadOnlyCollection<Guid> keep, int take, CancellationToken ct)
    {
        var approved = scope.Organizations(db.Organizations).Where(o => o.Status == OrganizationStatus.Approved);
        var filtered = approved;
        if (ocopOnly)
            filtered = filtered.Where(o => o.OcopParticipant);
        if (!string.IsNullOrWhiteSpace(communeCode))
            filtered = filtered.Where(o => o.CommuneCode == communeCode.Trim());
        if (text?.Trim() is { Length: > 0 } q)
            filtered = filtered.Where(o => o.Name.Contains(q) || o.TaxCode == q);
        var shown = await filtered.OrderBy(o => o.Name).Take(take)
            .Select(o => new SurveyCandidate(o.Id, o.Name, o.OcopParticipant, o.CommuneCode, o.Sector)).ToListAsync(ct);
        var missing = keep.Except(shown.Select(c => c.Id)).ToList();
        if (missing.Count > 0)
            shown.AddRange(await approved.Where(o => missing.Contains(o.Id))
                .Select(o => new SurveyCandidate(o.Id, o.Name, o.OcopParticipant, o.CommuneCode, o.Sector)).ToListAsync(ct));
        return shown;
    }

    /// <summary>One recipient's answers, for an officer who reads or keys them in; null when it has not answered.</summary>
    public async Task<SurveyResponse?> ResponseAsync(Guid surveyId, Guid organizationId, CancellationToken ct) =>
        await db.SurveyResponses.AsNoTracking().Include(r => r.Answers)
            .FirstOrDefaultAsync(r => r.SurveyId == surveyId && r.OrganizationId == organizationId, ct);

    /// <summary>Whether the survey still takes answers from businesses (officers may key in late paper answers).</summary>
    public bool IsOpen(Survey survey) => survey.Deadline is not { } deadline || VietnamTime.Today(clock) <= deadline;

    /// <summary>The surveys sent to one business, newest first, with whether it has answered.</summary>
    public async Task<IReadOnlyList<(Survey Survey, DateTime? AnsweredAt)>> ForBusinessAsync(Guid organizationId, CancellationToken ct)
    {
        var rows = await db.Surveys.Where(s => s.Recipients.Any(r => r.OrganizationId == organizationId))
            .OrderByDescending(s => s.CreatedAt)
            .Select(s => new { Survey = s, Answered = db.SurveyResponses.Where(r => r.SurveyId == s.Id && r.OrganizationId == organizationId).Select(r => (DateTime?)r.SubmittedAt).FirstOrDefault() })
            .ToListAsync(ct);
        return [.. rows.Select(r => (r.Survey, r.Answered))];
    }

    /// <summary>How many open surveys sent to the business it has not answered yet (its dashboard's reminder).</summary>
    public async Task<int> AwaitingAsync(Guid organizationId, CancellationToken ct)
    {
        var today = VietnamTime.Today(clock);
        return await db.Surveys.CountAsync(s => s.Recipients.Any(r => r.OrganizationId == organizationId)
            && (s.Deadline == null || s.Deadline >= today)
            && !db.SurveyResponses.Any(r => r.SurveyId == s.Id && r.OrganizationId == organizationId), ct);
    }

    /// <summary>A survey sent to this business, with its own answers; null when it was not sent to it.</summary>
    public async Task<BusinessSurvey?> ForBusinessAsync(Guid organizationId, Guid surveyId, CancellationToken ct)
    {
        var survey = await db.Surveys.Include(s => s.Questions.OrderBy(q => q.Position)).AsSplitQuery()
            .FirstOrDefaultAsync(s => s.Id == surveyId && s.Recipients.Any(r => r.OrganizationId == organizationId), ct);
        if (survey is null)
            return null;
        var response = await db.SurveyResponses.Include(r => r.Answers)
            .FirstOrDefaultAsync(r => r.SurveyId == surveyId && r.OrganizationId == organizationId, ct);
        return new BusinessSurvey(survey, response);
    }

    /// <summary>A business answers a survey sent to it; anything else is "not found" (it must not learn of others' surveys).</summary>
    public async Task<IReadOnlyList<Refusal>> AnswerAsBusinessAsync(Guid organizationId, Guid userId, Guid surveyId,
        IReadOnlyList<AnswerInput> answers, CancellationToken ct)
    {
        if (await ForBusinessAsync(organizationId, surveyId, ct) is not { } found)
            return [Refusal.NotFound("No such survey was sent to your business.")];
        if (!IsOpen(found.Survey))
            return [Refusal.Conflict($"The survey closed on {found.Survey.Deadline:dd/MM/yyyy}; the agency that sent it can still key in your answers.")];
        return await SaveAsync(found.Survey, organizationId, answers, $"user:{userId}", byOfficer: false, ct);
    }

    /// <summary>An officer keys in the answers a business gave on paper or by phone.</summary>
    public async Task<IReadOnlyList<Refusal>> AnswerForAsync(OfficerScope scope, Guid surveyId, Guid organizationId,
        IReadOnlyList<AnswerInput> answers, CancellationToken ct)
    {
        if (await GetAsync(scope, surveyId, ct) is not { } survey)
            return [Refusal.NotFound("No such survey in your scope.")];
        if (!CanEdit(scope, survey))
            return [Refusal.Forbidden("Only the agency that sent the survey (or the DoST) keys in answers.")];
        if (!await db.SurveyRecipients.AnyAsync(r => r.SurveyId == surveyId && r.OrganizationId == organizationId, ct))
            return [Refusal.Invalid("The survey was not sent to this business.", "organizationId")];
        return await SaveAsync(survey, organizationId, answers, scope.Actor, byOfficer: true, ct);
    }

    private async Task<IReadOnlyList<Refusal>> SaveAsync(Survey survey, Guid organizationId, IReadOnlyList<AnswerInput> answers,
        string enteredBy, bool byOfficer, CancellationToken ct)
    {
        var refusals = Check(survey, answers, out var rows);
        if (refusals.Count > 0)
            return refusals;
        // A new submission replaces the earlier one, so each business counts once in the summary.
        await db.SurveyResponses.Where(r => r.SurveyId == survey.Id && r.OrganizationId == organizationId).ExecuteDeleteAsync(ct);
        db.SurveyResponses.Add(new SurveyResponse
        {
            SurveyId = survey.Id,
            OrganizationId = organizationId,
            EnteredBy = enteredBy,
            EnteredByOfficer = byOfficer,
            SubmittedAt = clock.GetUtcNow().UtcDateTime,
            Answers = rows,
        });
        audit.Record("programme-survey.answer", nameof(Survey), survey.Id, new { organizationId, byOfficer, answers = rows.Count });
        await db.SaveChangesAsync(ct);
        return [];
    }

    /// <summary>Each answer fits its question; unanswered questions are left out, but at least one must be answered.</summary>
    public static List<Refusal> Check(Survey survey, IReadOnlyList<AnswerInput> answers, out List<SurveyAnswer> rows)
    {
        rows = [];
        var refusals = new List<Refusal>();
        foreach (var a in answers)
        {
            var field = $"answers[{a.QuestionId}]";
            var q = survey.Questions.FirstOrDefault(x => x.Id == a.QuestionId);
            if (q is null)
            {
                refusals.Add(Refusal.Invalid("No such question in this survey.", field));
                continue;
            }
            var choices = (a.Choices ?? []).Distinct().ToList();
            var text = a.Text?.Trim();
            switch (q.Kind)
            {
                case QuestionKind.SingleChoice or QuestionKind.MultipleChoice:
                    if (choices.Any(c => c < 0 || c >= q.Options.Count))
                        refusals.Add(Refusal.Invalid($"Question {q.Position}: a choice is not one of its options.", field));
                    else if (q.Kind == QuestionKind.SingleChoice && choices.Count > 1)
                        refusals.Add(Refusal.Invalid($"Question {q.Position} takes one choice.", field));
                    else if (choices.Count > 0)
                        rows.Add(new SurveyAnswer { QuestionId = q.Id, Choices = [.. choices.Order()] });
                    break;
                case QuestionKind.Number:
                    if (a.Number is { } n)
                        rows.Add(new SurveyAnswer { QuestionId = q.Id, Number = n });
                    break;
                default:
                    if (text is { Length: > 4000 })
                        refusals.Add(Refusal.Invalid($"Question {q.Position}: the answer is longer than 4000 characters.", field));
                    else if (!string.IsNullOrEmpty(text))
                        rows.Add(new SurveyAnswer { QuestionId = q.Id, Text = text });
                    break;
            }
        }
        if (refusals.Count == 0 && rows.Count == 0)
            refusals.Add(Refusal.Invalid("Answer at least one question.", "answers"));
        return refusals;
    }
}
