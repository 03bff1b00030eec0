using System.Globalization;
using VnTrace.Server.Exports;
using static VnTrace.Server.Exports.ExportCellKind;

namespace VnTrace.Server.Programme.Coverage;

/// <summary>A coverage report as an .xlsx sheet: one row per product of each entry or high-risk group, with its gaps.</summary>
public static class CoverageExport
{
    private static ExportColumn Column(string vi, string en, ExportCellKind kind, string note, double width = 18) =>
        new ExportColumn(en, kind, note, width) with { Header = $"{vi} / {en}" };

    public static readonly IReadOnlyList<ExportColumn> Columns =
    [
        Column("Loại", "Kind", Literal, "entry (an approved list entry) or high_risk (a high-risk group).", 10),
        Column("Danh mục", "List", Text, "mandatory, priority or on_request, for an entry.", 12),
        Column("Nhóm sản phẩm", "Product group", Text, "The entry's or the group's product group.", 24),
        Column("Lĩnh vực của mục", "Entry sector", Text, "The entry's sector code.", 14),
        Column("Sản phẩm", "Product", Text, "The registered product that falls in it.", 30),
        new("GTIN", Text, "The product's GTIN-14.", 16),
        Column("Doanh nghiệp", "Business", Text, "The product's business.", 30),
        Column("Xã, phường", "Commune", Text, "The business's commune code.", 10),
        Column("Lĩnh vực", "Sector", Text, "The business's sector code.", 14),
        Column("Mức rủi ro", "Risk level", Literal, "low, medium, high or unknown on the report's risk day.", 10),
        Column("Số lô", "Lots", Number, "Its lots of the year.", 8),
        Column("Lô truy xuất được", "Traced lots", Number, "Lots with every required step and the complete minimum data set.", 10),
        Column("Tỷ lệ (%)", "Traced (%)", Number, "Traced lots / lots.", 10),
        Column("Thiếu sót", "Gaps", Text, "Each untraced lot and what it lacks (step:…, field:…), or no_lot_in_period.", 60),
    ];

    public static ExportSheet Build(CoverageReport report, string? communeCode, string? sector, DateTimeOffset generated)
    {
        var rows = new List<object?[]>();
        foreach (var t in report.Entries.Concat(report.HighRiskGroups))
        {
            var gaps = t.Gaps.ToLookup(g => g.ProductId);
            foreach (var p in t.ProductDetails)
            {
                var missing = string.Join("; ", gaps[p.Id].Select(g => (g.Lot is { } lot ? lot + ": " : "") + string.Join(", ", g.Missing)));
                rows.Add([t.Kind, t.List, t.ProductGroup, t.Sector, p.Name, p.Gtin, p.Organization, p.CommuneCode, p.Sector, p.RiskLevel,
                    (decimal)p.Lots, (decimal)p.TracedLots, p.Lots == 0 ? null : Plans.IndicatorValue.Percent(p.TracedLots, p.Lots).Actual,
                    missing.Length == 0 ? null : missing]);
            }
        }
        IReadOnlyList<(string, string)> about =
        [
            ("Export", $"Coverage {report.Year} (mức độ truy xuất của danh mục và nhóm rủi ro cao)"),
            ("Risk day", report.RiskDay.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            ("Commune", communeCode ?? "all"),
            ("Sector", sector ?? "all"),
            ("Generated (UTC)", generated.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)),
        ];
        return new ExportSheet($"Coverage {report.Year}", "Coverage", Columns, rows, about);
    }
}
