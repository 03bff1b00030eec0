using System.Text;
using Microsoft.EntityFrameworkCore;
using VnTrace.Server.Demo;
using VnTrace.Server.Identity;
using VnTrace.Server.Platform.Data;
using VnTrace.Server.Programme.Agencies;
using VnTrace.Server.Programme.Risk;

namespace VnTrace.Server.Programme.Lists;

/// <summary>
/// The demo province's 2026 lists, part-way through the year: durian mandatory and coffee priority approved, rice
/// proposed and waiting, pepper rejected; coffee and rice assessed, the roasted coffee assessed on its own, and the
/// Ministry of Agriculture and Environment's high-risk list (durian, from 23/1/2026) imported.
/// </summary>
internal sealed class ListsDemo(VnTraceDbContext db, ProductListService lists, RiskService risk) : IDemoStep
{
    public int Order => 10;

    public async Task SeedAsync(DemoContext demo, CancellationToken ct)
    {
        var agencies = await db.Agencies.Where(a => demo.Agencies.Values.Contains(a.Id)).ToDictionaryAsync(a => a.Id, ct);
        var dostAgency = agencies.Values.Single(a => a.Kind == AgencyKind.Dost);
        var departmentAgency = agencies[demo.Agencies[AgencyDemo.DepartmentName]];
        var communeAgency = agencies[demo.Agencies[AgencyDemo.CommuneName]];
        var dost = new OfficerScope(dostAgency.Id, dostAgency.Name, AgencyKind.Dost, Roles.Authority, [], null, demo.Users[DemoProvince.Authority.UserName]);
        var department = new OfficerScope(departmentAgency.Id, departmentAgency.Name, AgencyKind.Department, Roles.DepartmentOfficer,
            departmentAgency.Sectors, null, demo.Users[AgencyDemo.DepartmentUserName]);
        var commune = new OfficerScope(communeAgency.Id, communeAgency.Name, AgencyKind.Commune, Roles.CommuneOfficer, [],
            communeAgency.CommuneCode, demo.Users[AgencyDemo.CommuneUserName]);

        const string law = "Luật Chất lượng sản phẩm, hàng hóa (sửa đổi) số 78/2025/QH15; Nghị định 37/2026/NĐ-CP";
        var durian = await ProposeAsync(department, new ListEntryInput("mandatory", "Trái cây", "agriculture",
            "Sầu riêng xuất khẩu chính ngạch: mã số vùng trồng, cơ sở đóng gói phải truy xuất được theo yêu cầu của nước nhập khẩu.",
            GtinPrefix: DemoProvince.Durian.CompanyPrefix, LegalBasis: law, RoadmapDate: new DateOnly(2026, 6, 30)), ct);
        var coffee = await ProposeAsync(commune, new ListEntryInput("priority", "Cà phê", "agriculture",
            "Cà phê Robusta của HTX Ea Tu là sản phẩm OCOP 4 sao, chủ lực của phường; ưu tiên hỗ trợ truy xuất từ vùng trồng đến rang xay.",
            LegalBasis: law, RoadmapDate: new DateOnly(2026, 12, 31), ResponsibleAgencyId: departmentAgency.Id), ct);
        await ProposeAsync(department, new ListEntryInput("priority", "Lúa gạo", "food-processing",
            "Gạo ST25 Krông Ana đăng ký nhãn hiệu tập thể; truy xuất lô xay xát phục vụ bếp ăn tập thể.",
            LegalBasis: "Kế hoạch số 112/KH-UBND năm 2026 của UBND tỉnh", RoadmapDate: new DateOnly(2027, 6, 30)), ct);
        var pepper = await ProposeAsync(department, new ListEntryInput("on_request", "Hạt tiêu", "agriculture",
            "Một số đơn vị xuất khẩu đề nghị đưa hạt tiêu vào danh mục.", LegalBasis: law), ct);

        await lists.ApproveAsync(dost, durian.Id, "Đúng yêu cầu của Nghị định 37/2026 đối với hàng hóa rủi ro cao.", ct);
        await lists.ApproveAsync(dost, coffee.Id, null, ct);
        await lists.RejectAsync(dost, pepper.Id, "Chưa có doanh nghiệp hạt tiêu đăng ký trên hệ thống; xem xét lại năm 2027.", ct);

        await risk.AssessAsync(department, new RiskInput(1.0m, 3, 2, "Cà phê", EffectiveFrom: new DateOnly(2026, 2, 10), Basis: "Đánh giá của Sở NN&MT"), ct);
        await risk.AssessAsync(department, new RiskInput(1.0m, 2, 2, "Lúa gạo", EffectiveFrom: new DateOnly(2026, 2, 10), Basis: "Đánh giá của Sở NN&MT"), ct);
        var roasted = await db.Products.IgnoreTenantFilter("the demo seed assesses a business's product")
            .Where(p => p.Gtin == DemoProvince.Coffee.Gtin(11)).Select(p => p.Id).FirstAsync(ct);
        await risk.AssessAsync(dost, new RiskInput(1.5m, 3, 4, ProductId: roasted, EffectiveFrom: new DateOnly(2026, 3, 1),
            Basis: "Sản phẩm chế biến bán lẻ, tiếp xúc trực tiếp người tiêu dùng"), ct);
        var csv = "Nhóm sản phẩm,Ngày hiệu lực,Căn cứ pháp lý\r\nTrái cây,2026-01-23,Danh mục hàng hóa rủi ro cao của Bộ Nông nghiệp và Môi trường (demo)\r\n";
        using var file = new MemoryStream(Encoding.UTF8.GetBytes(csv));
        await risk.ImportHighRiskListAsync(dost, file, "danh-muc-rui-ro-cao.csv", null, ct);
        demo.Banner.Add("Product lists 2026: /authority/lists; coverage: /authority/coverage; risk: /authority/risk");
    }

    private async Task<ProductListEntry> ProposeAsync(OfficerScope scope, ListEntryInput input, CancellationToken ct)
    {
        var (entry, refusals) = await lists.ProposeAsync(scope, 2026, input, ct);
        return entry ?? throw new InvalidOperationException("The demo list entry was refused: " + string.Join("; ", refusals.Select(r => r.Message)));
    }
}
