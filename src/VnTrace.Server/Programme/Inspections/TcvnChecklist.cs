namespace VnTrace.Server.Programme.Inspections;

/// <summary>
/// The default inspection checklist, drawn from the requirements of TCVN 12850:2019 "Truy xuất nguồn gốc — Yêu cầu
/// chung đối với hệ thống truy xuất nguồn gốc" (clause numbers as in the standard's section 4–5 where they apply).
/// The wording is ours, in Vietnamese as it is stored and shown; a plan may replace or extend it.
/// </summary>
public static class TcvnChecklist
{
    public static readonly IReadOnlyList<(string Code, string Text)> Default =
    [
        ("TX-01", "Xác định đối tượng truy xuất (sản phẩm, lô, đơn vị thương mại) và gán mã định danh duy nhất cho từng đối tượng"),
        ("TX-02", "Xác định các điểm giám sát trọng yếu (CTE) trong chuỗi sản xuất, kinh doanh của đơn vị"),
        ("TX-03", "Ghi nhận đầy đủ thông tin (KDE: ai, cái gì, ở đâu, khi nào, vì sao) tại mỗi điểm giám sát trọng yếu"),
        ("TX-04", "Liên kết một bước trước – một bước sau: nhận diện được nhà cung cấp và khách hàng trực tiếp của từng lô"),
        ("TX-05", "Mã truy vết được in/gắn trên sản phẩm hoặc bao bì, đọc được và dẫn tới thông tin truy xuất"),
        ("TX-06", "Lưu giữ hồ sơ, dữ liệu truy xuất tối thiểu bằng thời hạn sử dụng của sản phẩm và theo quy định, có sao lưu"),
        ("TX-07", "Khả năng truy xuất và thu hồi: tìm được lô liên quan và nơi đã phân phối trong thời gian quy định"),
        ("TX-08", "Phân công trách nhiệm, đào tạo nhân sự vận hành hệ thống truy xuất nguồn gốc"),
        ("TX-09", "Xem xét, đánh giá nội bộ định kỳ hệ thống truy xuất và khắc phục điểm chưa phù hợp"),
        ("TX-10", "Dữ liệu trao đổi được theo chuẩn (GS1, EPCIS) và kết nối với Cổng thông tin truy xuất nguồn gốc quốc gia"),
    ];

    public static List<ChecklistTemplateItem> Template() =>
        Default.Select(i => new ChecklistTemplateItem { Code = i.Code, Text = i.Text }).ToList();
}
