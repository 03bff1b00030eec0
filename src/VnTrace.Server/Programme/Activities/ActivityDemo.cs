using VnTrace.Server.Demo;
using VnTrace.Server.Platform.Data;
using VnTrace.Server.Programme.Agencies;
using VnTrace.Server.Programme.Surveys;

namespace VnTrace.Server.Programme.Activities;

/// <summary>
/// The demo province's 2026 so far, against the Gia Lai 2026–2030 style targets: articles, conferences, awareness
/// classes and trainings run by the DoST, the department and the ward, with civil servants and the demo businesses'
/// people in the registers; and a needs survey of the OCOP producers, answered by the coffee co-operative.
/// </summary>
internal sealed class ActivityDemo(VnTraceDbContext db) : IDemoStep
{
    public const string SurveyTitle = "Khảo sát nhu cầu hỗ trợ truy xuất nguồn gốc của chủ thể OCOP năm 2026";

    public int Order => 20;

    public async Task SeedAsync(DemoContext demo, CancellationToken ct)
    {
        var dost = demo.Agencies[demo.Organizations[DemoProvince.Authority].Name];
        var department = demo.Agencies[AgencyDemo.DepartmentName];
        var commune = demo.Agencies[AgencyDemo.CommuneName];
        var coffee = demo.Organization(DemoProvince.Coffee);
        var rice = demo.Organization(DemoProvince.Rice);
        var durian = demo.Organization(DemoProvince.Durian);
        var distributor = demo.Organization(DemoProvince.Distributor);
        const string recordedBy = "demo";

        ProgrammeActivity Add(ActivityKind kind, Guid agency, string title, DateOnly date, string? venue = null, string? audience = null,
            string? outlet = null, string? link = null, bool online = false, params (string Name, Guid? Org, string? OrgName, bool Civil)[] attendees)
        {
            var a = new ProgrammeActivity
            {
                Kind = kind, AgencyId = agency, Title = title, Date = date, Venue = venue, Audience = audience, Outlet = outlet,
                Link = link, Online = online, RecordedBy = recordedBy,
            };
            a.Attendees.AddRange(attendees.Select((t, i) => new ActivityAttendee
            {
                ActivityId = a.Id, Position = i + 1, Name = t.Name, OrganizationId = t.Org, OrganizationName = t.OrgName, CivilServant = t.Civil,
            }));
            db.ProgrammeActivities.Add(a);
            return a;
        }

        Add(ActivityKind.Article, dost, "Đắk Lắk triển khai truy xuất nguồn gốc sản phẩm, hàng hóa giai đoạn 2026–2030", new(2026, 2, 12),
            outlet: "Báo Đắk Lắk", link: "https://baodaklak.vn/");
        Add(ActivityKind.Article, dost, "Hướng dẫn doanh nghiệp dán tem truy xuất theo Nghị định 37/2026/NĐ-CP", new(2026, 4, 3),
            outlet: "Cổng thông tin điện tử Sở KH&CN", link: "https://skhcn.daklak.gov.vn/");
        Add(ActivityKind.Article, department, "Cà phê Ea Tu: từ vườn đến ly có mã truy xuất", new(2026, 6, 18),
            outlet: "Đài Phát thanh và Truyền hình Đắk Lắk", link: "https://drt.vn/");
        Add(ActivityKind.Conference, dost, "Hội nghị triển khai Kế hoạch truy xuất nguồn gốc tỉnh Đắk Lắk năm 2026", new(2026, 3, 10),
            venue: "Hội trường UBND tỉnh, TP. Buôn Ma Thuột", audience: "Các sở, ngành, UBND xã/phường, doanh nghiệp",
            attendees: [("Nguyễn Văn Hùng", null, "Sở Công Thương", true), ("Trần Thị Mai", null, "Sở Y tế", true),
                ("Y Bhăm Êban", coffee, null, false), ("Lê Quang Vinh", distributor, null, false)]);
        Add(ActivityKind.Conference, department, "Hội thảo ứng dụng mã số mã vạch trong chuỗi nông sản chủ lực", new(2026, 8, 26),
            venue: "Trung tâm Hội nghị tỉnh", audience: "Hợp tác xã, doanh nghiệp nông nghiệp",
            attendees: [("Phạm Thị Hoa", rice, null, false), ("H'Linh Niê", durian, null, false)]);
        Add(ActivityKind.AwarenessClass, commune, "Lớp tuyên truyền về truy xuất nguồn gốc cho hộ sản xuất phường Tân An", new(2026, 5, 14),
            venue: "Nhà văn hóa phường Tân An", audience: "Hộ sản xuất, hợp tác xã trên địa bàn",
            attendees: [("Y Bhăm Êban", coffee, null, false), ("H'Yơn Mlô", coffee, null, false), ("Đỗ Văn Tâm", null, "UBND phường Tân An", true)]);
        Add(ActivityKind.AwarenessClass, department, "Lớp phổ biến Luật Chất lượng sản phẩm, hàng hóa (Luật 78/2025/QH15) cho chủ thể OCOP", new(2026, 7, 9),
            venue: "Sở Nông nghiệp và Môi trường", audience: "Chủ thể OCOP", online: false,
            attendees: [("H'Linh Niê", durian, null, false), ("Y Bhăm Êban", coffee, null, false), ("Vũ Thị Lan", null, "Sở Nông nghiệp và Môi trường", true)]);
        Add(ActivityKind.TrainingCourse, dost, "Tập huấn nghiệp vụ truy xuất nguồn gốc cho cán bộ quản lý cấp tỉnh và cấp xã", new(2026, 4, 22),
            venue: "Trực tuyến (Zoom)", audience: "Công chức các sở, ngành và UBND xã/phường", online: true,
            attendees: [("Nguyễn Văn Hùng", null, "Sở Công Thương", true), ("Vũ Thị Lan", null, "Sở Nông nghiệp và Môi trường", true),
                ("Đỗ Văn Tâm", null, "UBND phường Tân An", true), ("Trần Thị Mai", null, "Sở Y tế", true),
                ("Hoàng Minh Đức", null, "UBND xã Ea Kao", true), ("Ngô Thị Thu", null, "Chi cục Tiêu chuẩn Đo lường Chất lượng", true)]);
        Add(ActivityKind.TrainingCourse, dost, "Tập huấn ghi nhật ký điện tử và sự kiện EPCIS cho doanh nghiệp", new(2026, 9, 17),
            venue: "Sở KH&CN Đắk Lắk", audience: "Doanh nghiệp, hợp tác xã",
            attendees: [("Phạm Thị Hoa", rice, null, false), ("Lê Quang Vinh", distributor, null, false), ("H'Linh Niê", durian, null, false),
                ("Y Bhăm Êban", coffee, null, false)]);

        var survey = new Survey
        {
            Title = SurveyTitle,
            Description = "Sở KH&CN khảo sát nhu cầu hỗ trợ của các chủ thể OCOP để xây dựng dự toán năm 2027.",
            AgencyId = dost,
            Deadline = new DateOnly(2026, 12, 31),
            CreatedBy = recordedBy,
        };
        var q1 = new SurveyQuestion { SurveyId = survey.Id, Position = 1, Kind = QuestionKind.SingleChoice, Text = "Cơ sở đã áp dụng hệ thống truy xuất nguồn gốc chưa?",
            Options = ["Chưa áp dụng", "Đang thử nghiệm", "Đã áp dụng cho một phần sản phẩm", "Đã áp dụng cho toàn bộ sản phẩm"] };
        var q2 = new SurveyQuestion { SurveyId = survey.Id, Position = 2, Kind = QuestionKind.MultipleChoice, Text = "Cơ sở cần hỗ trợ nội dung nào?",
            Options = ["Tập huấn", "Tư vấn xây dựng hệ thống", "Tem truy xuất", "Phần mềm", "Thiết bị"] };
        var q3 = new SurveyQuestion { SurveyId = survey.Id, Position = 3, Kind = QuestionKind.Number, Text = "Số sản phẩm OCOP cần gắn mã truy xuất" };
        var q4 = new SurveyQuestion { SurveyId = survey.Id, Position = 4, Kind = QuestionKind.Text, Text = "Khó khăn, kiến nghị khác" };
        survey.Questions.AddRange([q1, q2, q3, q4]);
        survey.Recipients.AddRange([new SurveyRecipient { SurveyId = survey.Id, OrganizationId = coffee }, new SurveyRecipient { SurveyId = survey.Id, OrganizationId = durian }]);
        db.Surveys.Add(survey);
        db.SurveyResponses.Add(new SurveyResponse
        {
            SurveyId = survey.Id,
            OrganizationId = coffee,
            EnteredBy = recordedBy,
            Answers =
            [
                new SurveyAnswer { QuestionId = q1.Id, Choices = [2] },
                new SurveyAnswer { QuestionId = q2.Id, Choices = [0, 2, 3] },
                new SurveyAnswer { QuestionId = q3.Id, Number = 2 },
                new SurveyAnswer { QuestionId = q4.Id, Text = "Cần hỗ trợ chi phí in tem cho vụ cà phê 2026–2027." },
            ],
        });
        await db.SaveChangesAsync(ct);
        demo.Banner.Add($"Programme activities: 9 of 2026 (articles, conferences, classes, trainings) and the survey \"{SurveyTitle}\" sent to the OCOP producers.");
    }
}
