using VnTrace.Server.Exports;
using VnTrace.Server.Programme.Support;

namespace VnTrace.Server.Authority.Support;

/// <summary>The applications table as an xlsx sheet, for the programme's list and a call's page alike.</summary>
public static class ApplicationsSheet
{
    public static byte[] Write(IEnumerable<ApplicationSummary> rows, params (string Key, string Value)[] about)
    {
        var sheet = new ExportSheet("Support applications", "SupportApplications",
        [
            new("Call", ExportCellKind.Text, "The support call's title"),
            new("Year", ExportCellKind.Number, "The call's year"),
            new("Business", ExportCellKind.Text, "The applying business"),
            new("Stage", ExportCellKind.Literal, "applied, surveyed, scored, selected, rejected, supported, evaluated"),
            new("Applied on", ExportCellKind.Date, "The day the application was made"),
            new("Score", ExportCellKind.Number, "Σ weight × score over the call's criteria"),
            new("Decision", ExportCellKind.Text, "The selection decision's number"),
            new("Decision date", ExportCellKind.Date, "The selection decision's date"),
            new("Planned VND", ExportCellKind.Number, "Sum of the planned amounts of its budget lines"),
            new("Spent VND", ExportCellKind.Number, "Sum of the spent amounts of its budget lines"),
        ], rows.Select(r => new object?[] { r.CallTitle, (decimal)r.Year, r.OrganizationName, r.Stage, r.AppliedOn, r.TotalScore, r.DecisionNumber, r.DecisionDate, (decimal)r.Planned, (decimal)r.Spent }).ToList(),
        [("Source", "VnTrace support programme"), .. about]);
        return XlsxExportWriter.Write(sheet);
    }
}
