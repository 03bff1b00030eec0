namespace VnTrace.Server.Programme.Inspections;

public sealed record ChecklistItemInput(string? Code, string? Text);

public sealed record InspectionPlanInput(int Year, string? Title, List<ChecklistItemInput>? Checklist);

public sealed record InspectionPlanView(Guid Id, Guid AgencyId, string AgencyName, int Year, string Title,
    IReadOnlyList<ChecklistItemInput> Checklist, int Visits, int OpenVisits);

public sealed record VisitInput(Guid OrganizationId, DateOnly? Date, string? Inspectors);

public sealed record ChecklistResultInput(string? Result, string? Note);

public sealed record FindingInput(string? Description, string? ChecklistCode);

public sealed record CorrectiveActionInput(string? Description, DateOnly? DueDate);

public sealed record ActionDoneInput(DateOnly? Date, string? Notes);

public sealed record CloseInput(string? Notes);

public sealed record VisitSummary(Guid Id, Guid PlanId, string PlanTitle, Guid OrganizationId, string OrganizationName, DateOnly VisitDate,
    int Findings, int OpenActions, DateOnly? ClosedOn);

public sealed record ChecklistItemView(string Code, string Text, string Result, string? Note);

public sealed record CorrectiveActionView(Guid Id, string Description, DateOnly DueDate, DateOnly? CompletedOn, string? CompletionNotes, bool Overdue);

public sealed record FindingView(Guid Id, string? ChecklistCode, string Description, IReadOnlyList<CorrectiveActionView> Actions);

public sealed record VisitView(Guid Id, Guid PlanId, string PlanTitle, Guid OrganizationId, string OrganizationName, DateOnly VisitDate,
    string? Inspectors, IReadOnlyList<ChecklistItemView> Checklist, IReadOnlyList<FindingView> Findings, DateOnly? ClosedOn, string? ClosingNotes);

/// <summary>The contract's certification: <c>{"organizationId","result":"pass|fail","certificateNumber","validFrom","validTo"}</c>.</summary>
public sealed record CertificationInput(Guid OrganizationId, string? Result, string? CertificateNumber, DateOnly? ValidFrom, DateOnly? ValidTo,
    DateOnly? AssessedOn = null, string? Body = null, string? Notes = null);

public sealed record CertificationView(Guid Id, Guid OrganizationId, string OrganizationName, string Result, string? CertificateNumber,
    DateOnly AssessedOn, DateOnly ValidFrom, DateOnly ValidTo, string? Body, string? Notes);

public static class InspectionWords
{
    public static string Of(ChecklistResult r) => r switch
    {
        ChecklistResult.Conform => "conform",
        ChecklistResult.Nonconform => "nonconform",
        ChecklistResult.NotApplicable => "not_applicable",
        _ => "not_checked",
    };

    public static bool TryResult(string? text, out ChecklistResult result)
    {
        result = text switch
        {
            "conform" => ChecklistResult.Conform,
            "nonconform" => ChecklistResult.Nonconform,
            "not_applicable" => ChecklistResult.NotApplicable,
            "not_checked" => ChecklistResult.NotChecked,
            _ => (ChecklistResult)(-1),
        };
        return Enum.IsDefined(result);
    }

    public static string Of(AssessmentResult r) => r == AssessmentResult.Pass ? "pass" : "fail";

    public static bool TryAssessment(string? text, out AssessmentResult result)
    {
        result = text switch { "pass" => AssessmentResult.Pass, "fail" => AssessmentResult.Fail, _ => (AssessmentResult)(-1) };
        return Enum.IsDefined(result);
    }
}
