namespace VnTrace.Server.Programme.Surveys;

/// <summary>Resources of the survey pages (SurveyText.resx Vietnamese, .en.resx English).</summary>
public sealed class SurveyText;
