using System.Globalization;
using VnTrace.Server.Exports;
using static VnTrace.Server.Exports.ExportCellKind;

namespace VnTrace.Server.Programme.Lists;

/// <summary>An edition of the lists as an .xlsx sheet (XlsxExportWriter), every entry with its status and history.</summary>
public static class ProductListExport
{
    private static ExportColumn Column(string vi, string en, ExportCellKind kind, string note, double width = 18) =>
        new ExportColumn(en, kind, note, width) with { Header = $"{vi} / {en}" };

    public static readonly IReadOnlyList<ExportColumn> Columns =
    [
        Column("Danh mục", "List", Text, "mandatory (bắt buộc), priority (ưu tiên) or on_request (theo yêu cầu).", 12),
        Column("Nhóm sản phẩm", "Product group", Text, "The category of the registered products the entry covers.", 24),
        Column("Tiền tố GTIN", "GTIN prefix", Text, "Narrows the group to GTINs starting with these digits.", 14),
        Column("Sản phẩm", "Product", Text, "The one registered product the entry names, if it names one.", 38),
        Column("Lĩnh vực", "Sector", Text, "The sector code.", 16),
        Column("Cơ quan chủ trì", "Responsible agency", Text, "The agency that answers for the entry.", 30),
        Column("Lý do", "Reason", Text, "Why the group is on the list.", 40),
        Column("Căn cứ pháp lý", "Legal basis", Text, "The law, decree or decision cited.", 30),
        Column("Lộ trình", "Roadmap date", Date, "By when the group must be traced.", 12),
        Column("Trạng thái", "Status", Text, "proposed, approved or rejected.", 12),
        Column("Đề xuất bởi", "Proposed by", Text, "The proposing agency.", 30),
        Column("Ngày đề xuất", "Proposed (UTC)", UtcDateTime, "When it was proposed.", 20),
        Column("Ngày quyết định", "Decided (UTC)", UtcDateTime, "When the DoST approved or rejected it.", 20),
        Column("Lý do quyết định", "Decision reason", Text, "The DoST's reason, or where a carried-over entry came from.", 40),
    ];

    public static ExportSheet Build(ListEdition edition, IReadOnlyDictionary<Guid, string> agencies, IReadOnlyDictionary<Guid, string> products, DateTimeOffset generated)
    {
        static DateTimeOffset Utc(DateTime t) => new(DateTime.SpecifyKind(t, DateTimeKind.Utc));
        var rows = edition.Entries.Select(e => new object?[]
        {
            ProductListService.Word(e.List), e.ProductGroup, e.GtinPrefix, e.ProductId is { } p ? products.GetValueOrDefault(p) : null, e.Sector,
            agencies.GetValueOrDefault(e.ResponsibleAgencyId), e.Reason, e.LegalBasis, e.RoadmapDate, e.Status.ToString().ToLowerInvariant(),
            agencies.GetValueOrDefault(e.ProposedByAgencyId), Utc(e.ProposedAt), e.DecidedAt is { } d ? Utc(d) : null, e.DecisionReason,
        }).ToList();
        var ed = edition.Edition;
        IReadOnlyList<(string, string)> about =
        [
            ("Export", $"Product lists {ed.Year} (danh mục sản phẩm, hàng hóa truy xuất nguồn gốc)"),
            ("Edition", ed.Frozen ? $"approved and frozen {ed.ApprovedAt:yyyy-MM-dd}" + (ed.Decision is { } dec ? $" ({dec})" : "") : "open: proposals are still decided"),
            ("Copied from", ed.CopiedFromYear?.ToString(CultureInfo.InvariantCulture) ?? "-"),
            ("Generated (UTC)", generated.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)),
        ];
        return new ExportSheet($"Product lists {ed.Year}", "ProductLists", Columns, rows, about);
    }
}
