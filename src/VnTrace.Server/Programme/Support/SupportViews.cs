namespace VnTrace.Server.Programme.Support;

// What the support service returns to the API and the pages (never the entities).

public sealed record CriterionInput(string? Name, decimal Weight, int MinScore, int MaxScore);

public sealed record SupportCallInput(int Year, string? Title, string? Description, List<CriterionInput>? Criteria);

public sealed record CriterionView(Guid Id, string Name, decimal Weight, int MinScore, int MaxScore);

public sealed record SupportCallView(Guid Id, int Year, string Title, string? Description, IReadOnlyList<CriterionView> Criteria, int Applications);

public sealed record ApplicationInput(Guid OrganizationId, List<Guid>? ProductIds, string? Needs);

public sealed record SurveyInput(DateOnly? Date, string? Notes);

public sealed record ScoreInput(Guid CriterionId, int Score);

public sealed record ScoresInput(List<ScoreInput>? Scores);

public sealed record DecisionInput(string? DecisionNumber, DateOnly? DecisionDate, string? Reason);

public sealed record SupportStartInput(DateOnly? Date);

public sealed record EvaluationInput(DateOnly? Date, string? Outcome, string? Notes);

public sealed record BudgetLineInput(string? FundingSource, long Planned);

public sealed record ActivityInput(string? Kind, string? Description, List<BudgetLineInput>? BudgetLines);

public sealed record BudgetEntryInput(string? Kind, long Amount, DateOnly? Date, string? OverrideReason);

public sealed record ApplicationSummary(Guid Id, Guid CallId, int Year, string CallTitle, Guid OrganizationId, string OrganizationName,
    string Stage, DateOnly AppliedOn, decimal? TotalScore, string? DecisionNumber, DateOnly? SupportedOn, long Planned, long Spent,
    DateOnly? DecisionDate = null);

/// <summary>A call's budget lines summed per funding source; overspent when committed or spent passed the planned amount (by override).</summary>
public sealed record FundingSourceTotal(string FundingSource, long Planned, long Committed, long Spent)
{
    public bool Overspent => Committed > Planned || Spent > Planned;
}

/// <summary>One support activity of a call, with its business and its lines' totals.</summary>
public sealed record CallActivityRow(Guid Id, Guid ApplicationId, string OrganizationName, string Kind, string Description,
    long Planned, long Committed, long Spent, bool Overspent);

/// <summary>A call's budget in the officer's scope: per funding source, and the activities behind it.</summary>
public sealed record CallBudgetView(IReadOnlyList<FundingSourceTotal> Sources, IReadOnlyList<CallActivityRow> Activities)
{
    public long Planned => Sources.Sum(s => s.Planned);
    public long Committed => Sources.Sum(s => s.Committed);
    public long Spent => Sources.Sum(s => s.Spent);
}

public sealed record ScoreView(Guid CriterionId, string Criterion, decimal Weight, int Score);

public sealed record BudgetEntryView(Guid Id, string Kind, long Amount, DateOnly Date, string? OverrideReason, string RecordedBy);

public sealed record BudgetLineView(Guid Id, string FundingSource, long Planned, long Committed, long Spent, IReadOnlyList<BudgetEntryView> Entries);

public sealed record ActivityView(Guid Id, string Kind, string Description, IReadOnlyList<BudgetLineView> BudgetLines);

public sealed record ProductRef(Guid Id, string Name, string Gtin);

public sealed record ApplicationView(Guid Id, Guid CallId, int Year, string CallTitle, Guid OrganizationId, string OrganizationName,
    string Stage, IReadOnlyList<string> NextSteps, IReadOnlyList<ProductRef> Products, string? Needs, DateOnly AppliedOn,
    DateOnly? SurveyedOn, string? SurveyNotes, DateOnly? ScoredOn, decimal? TotalScore, IReadOnlyList<ScoreView> Scores,
    string? DecisionNumber, DateOnly? DecisionDate, string? DecisionReason, DateOnly? SupportedOn,
    IReadOnlyList<ActivityView> Activities, DateOnly? EvaluatedOn, string? Outcome, string? EvaluationNotes);

public sealed record RecordId(Guid Id);

public sealed record CreatedApplication(Guid Id, string Stage);

public sealed record StageMoved(Guid Id, string Stage);

/// <summary>The JSON words of the stages and kinds (snake_case, as the contract writes its values).</summary>
public static class SupportWords
{
    public static string Of(SupportStage stage) => stage.ToString().ToLowerInvariant();

    public static string Of(SupportActivityKind kind) => kind.ToString().ToLowerInvariant();

    public static string Of(BudgetEntryKind kind) => kind == BudgetEntryKind.Commitment ? "commitment" : "spending";

    public static string Of(SupportOutcome outcome) => outcome switch
    {
        SupportOutcome.Achieved => "achieved",
        SupportOutcome.PartlyAchieved => "partly_achieved",
        _ => "not_achieved",
    };

    public static bool TryStage(string? text, out SupportStage stage) =>
        Enum.TryParse(text, ignoreCase: true, out stage) && Enum.IsDefined(stage) && !int.TryParse(text, out _);

    public static bool TryKind(string? text, out SupportActivityKind kind) =>
        Enum.TryParse(text, ignoreCase: true, out kind) && Enum.IsDefined(kind) && !int.TryParse(text, out _);

    public static bool TryEntryKind(string? text, out BudgetEntryKind kind)
    {
        kind = text switch { "commitment" => BudgetEntryKind.Commitment, "spending" => BudgetEntryKind.Spending, _ => (BudgetEntryKind)(-1) };
        return Enum.IsDefined(kind);
    }

    public static bool TryOutcome(string? text, out SupportOutcome outcome)
    {
        outcome = text switch
        {
            "achieved" => SupportOutcome.Achieved,
            "partly_achieved" => SupportOutcome.PartlyAchieved,
            "not_achieved" => SupportOutcome.NotAchieved,
            _ => (SupportOutcome)(-1),
        };
        return Enum.IsDefined(outcome);
    }
}
