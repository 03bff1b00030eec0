using Microsoft.EntityFrameworkCore;
using VnTrace.Server.Demo;
using VnTrace.Server.Identity;
using VnTrace.Server.Platform.Data;
using VnTrace.Server.Programme.Agencies;
using VnTrace.Server.Programme.Inspections;

namespace VnTrace.Server.Programme.Support;

/// <summary>
/// The demo province's support programme and inspections, recorded through the services as officers would: the 2026
/// call with four criteria; the coffee co-operative supported (budget lines, spending, one override), the durian
/// co-operative selected, the rice company surveyed, the distributor rejected; an inspection plan with a visit of the
/// coffee co-operative, a finding and its corrective action; and two conformity assessments (a pass and a fail).
/// </summary>
internal sealed class SupportDemo(VnTraceDbContext db, SupportService support, SupportBudget budget, InspectionService inspections,
    CertificationService certifications) : IDemoStep
{
    public int Order => 30;

    public async Task SeedAsync(DemoContext demo, CancellationToken ct)
    {
        var dostId = demo.Agencies[DemoProvince.Authority.Name];
        var dost = new OfficerScope(dostId, DemoProvince.Authority.Name, AgencyKind.Dost, Roles.Authority, [], null, demo.Users[DemoProvince.Authority.UserName]);
        var department = new OfficerScope(demo.Agencies[AgencyDemo.DepartmentName], AgencyDemo.DepartmentName, AgencyKind.Department,
            Roles.DepartmentOfficer, ["agriculture", "food-processing"], null, demo.Users[AgencyDemo.DepartmentUserName]);

        var call = Check(await support.CreateCallAsync(dost, new SupportCallInput(2026, "Hỗ trợ doanh nghiệp áp dụng truy xuất nguồn gốc năm 2026",
            "Theo Kế hoạch triển khai hệ thống truy xuất nguồn gốc của tỉnh: hỗ trợ tư vấn, tem truy xuất, phần mềm và thiết bị.",
            [
                new("Sản phẩm chủ lực, OCOP hoặc thuộc danh mục ưu tiên", 3, 0, 10),
                new("Năng lực quản lý và ghi chép sản xuất", 2, 0, 10),
                new("Cam kết đối ứng kinh phí", 2, 0, 10),
                new("Khả năng nhân rộng, liên kết chuỗi", 1, 0, 10),
            ]), ct)).Id;
        var criteria = (await db.SupportCriteria.Where(c => c.CallId == call).OrderBy(c => c.Position).ToListAsync(ct)).Select(c => c.Id).ToList();

        var coffee = await ApplyAsync(dost, call, demo.Organization(DemoProvince.Coffee), "Tư vấn xây dựng hệ thống truy xuất và tem QR cho cà phê nhân", ct);
        var durian = await ApplyAsync(dost, call, demo.Organization(DemoProvince.Durian), "Phần mềm nhật ký vườn và thiết bị quét mã", ct);
        var rice = await ApplyAsync(dost, call, demo.Organization(DemoProvince.Rice), "Đào tạo nhân viên ghi chép theo lô", ct);
        var distributor = await ApplyAsync(dost, call, demo.Organization(DemoProvince.Distributor), "Thiết bị quét mã tại kho", ct);

        foreach (var (id, day) in new[] { (coffee, 10), (durian, 12), (rice, 14), (distributor, 15) })
            Check(await support.SurveyAsync(dost, id, new SurveyInput(new DateOnly(2026, 3, day), "Khảo sát thực tế cơ sở: quy trình sản xuất, sổ ghi chép, nhu cầu hỗ trợ."), ct));
        foreach (var (id, scores) in new[] { (coffee, new[] { 9, 8, 7, 8 }), (durian, new[] { 8, 7, 7, 6 }), (distributor, new[] { 4, 5, 3, 6 }) })
            Check(await support.ScoreAsync(dost, id, new ScoresInput(criteria.Zip(scores, (c, s) => new ScoreInput(c, s)).ToList()), ct));
        Check(await support.DecideAsync(dost, coffee, true, new DecisionInput("125/QĐ-SKHCN", new DateOnly(2026, 4, 20), null), ct));
        Check(await support.DecideAsync(dost, durian, true, new DecisionInput("125/QĐ-SKHCN", new DateOnly(2026, 4, 20), null), ct));
        Check(await support.DecideAsync(dost, distributor, false, new DecisionInput("125/QĐ-SKHCN", new DateOnly(2026, 4, 20), "Chưa đạt điểm sàn của đợt hỗ trợ."), ct));

        Check(await budget.AddActivityAsync(dost, coffee, new ActivityInput("consulting", "Tư vấn xây dựng quy trình truy xuất theo TCVN 12850:2019",
            [new("Ngân sách tỉnh (sự nghiệp KH&CN)", 60_000_000), new("Đối ứng của hợp tác xã", 20_000_000)]), ct));
        Check(await budget.AddActivityAsync(dost, coffee, new ActivityInput("stamps", "In 50.000 tem truy xuất có mã QR", [new("Ngân sách tỉnh (sự nghiệp KH&CN)", 25_000_000)]), ct));
        Check(await budget.AddActivityAsync(dost, durian, new ActivityInput("software", "Phần mềm nhật ký vườn sầu riêng", [new("Ngân sách tỉnh (sự nghiệp KH&CN)", 40_000_000)]), ct));
        Check(await support.StartSupportAsync(dost, coffee, new SupportStartInput(new DateOnly(2026, 5, 5)), ct));
        var lines = await (from l in db.BudgetLines
                           join a in db.SupportActivities on l.ActivityId equals a.Id
                           where a.ApplicationId == coffee
                           orderby l.Planned descending
                           select l.Id).ToListAsync(ct);
        Check(await budget.RecordAsync(dost, lines[0], new BudgetEntryInput("commitment", 60_000_000, new DateOnly(2026, 5, 6), null), ct));
        Check(await budget.RecordAsync(dost, lines[0], new BudgetEntryInput("spending", 45_000_000, new DateOnly(2026, 7, 15), null), ct));
        Check(await budget.RecordAsync(dost, lines[1], new BudgetEntryInput("spending", 27_500_000, new DateOnly(2026, 8, 1), "Giá in tem tăng; bổ sung theo Tờ trình 47/TTr-TĐC"), ct));
        Check(await support.EvaluateAsync(dost, coffee, new EvaluationInput(new DateOnly(2026, 11, 20), "achieved",
            "Hợp tác xã ghi nhận đầy đủ sự kiện thu hoạch, sơ chế, xuất bán; 100 % lô có tem truy xuất."), ct));

        var plan = Check(await inspections.CreatePlanAsync(department, new InspectionPlanInput(2026, "Kế hoạch kiểm tra truy xuất nguồn gốc nông sản năm 2026", null), ct)).Id;
        var visit = Check(await inspections.AddVisitAsync(department, plan, new VisitInput(demo.Organization(DemoProvince.Coffee), new DateOnly(2026, 9, 10), "Đoàn kiểm tra Sở NN&MT"), ct)).Id;
        foreach (var (code, _) in TcvnChecklist.Default.Take(5))
            Check(await inspections.SetChecklistAsync(department, visit, code, new ChecklistResultInput("conform", null), ct));
        Check(await inspections.SetChecklistAsync(department, visit, "TX-06", new ChecklistResultInput("nonconform", "Dữ liệu chỉ lưu trên một máy, không sao lưu."), ct));
        var finding = Check(await inspections.AddFindingAsync(department, visit, new FindingInput("Chưa sao lưu dữ liệu truy xuất; thời hạn lưu giữ chưa quy định.", "TX-06"), ct)).Id;
        Check(await inspections.AddActionAsync(department, finding, new CorrectiveActionInput("Thiết lập sao lưu hằng tuần và quy định lưu giữ tối thiểu 2 năm.", new DateOnly(2026, 12, 31)), ct));

        Check(await certifications.RecordAsync(dost, new CertificationInput(demo.Organization(DemoProvince.Coffee), "pass", "TXNG-2026-001",
            new DateOnly(2026, 11, 25), new DateOnly(2029, 11, 24), Body: "Trung tâm Kỹ thuật Tiêu chuẩn Đo lường Chất lượng"), ct));
        Check(await certifications.RecordAsync(dost, new CertificationInput(demo.Organization(DemoProvince.Rice), "fail", null,
            new DateOnly(2026, 10, 2), new DateOnly(2027, 10, 1), Notes: "Chưa liên kết được một bước trước – một bước sau."), ct));
        demo.Banner.Add("Support programme 2026, an inspection and two conformity assessments: /authority/support, /authority/inspections, /authority/certifications");
    }

    private async Task<Guid> ApplyAsync(OfficerScope dost, Guid call, Guid organization, string needs, CancellationToken ct)
    {
        var products = await db.Products.IgnoreTenantFilter("the demo applies for each business with its own products")
            .Where(p => p.OrganizationId == organization).OrderBy(p => p.NameVi).Select(p => p.Id).Take(2).ToListAsync(ct);
        return Check(await support.ApplyAsync(dost, call, new ApplicationInput(organization, products, needs), ct)).Id;
    }

    private static T Check<T>(Outcome<T> outcome) => outcome.Refusal is { } r
        ? throw new InvalidOperationException("The support demo was refused: " + r.Message)
        : outcome.Value!;
}
