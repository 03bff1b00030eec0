using VnTrace.Server.Demo;
using VnTrace.Server.Platform.Data;

namespace VnTrace.Server.Programme.Plans;

/// <summary>
/// The demo province's plan for 2026–2030 with the Gia Lai plan's targets spread over its years: at least 5
/// articles and 5 conferences, 10 awareness classes, 10 civil-servant attendances, 10 businesses certified, one
/// system on the national portal, and 100 % of high-risk goods traced by 2030.
/// </summary>
internal sealed class PlanDemo(VnTraceDbContext db, TimeProvider clock) : IDemoStep
{
    public const string PlanName = "Kế hoạch triển khai hệ thống truy xuất nguồn gốc sản phẩm, hàng hóa giai đoạn 2026–2030";

    public int Order => 5;

    public async Task SeedAsync(DemoContext demo, CancellationToken ct)
    {
        var plan = new ProgrammePlan
        {
            Name = PlanName,
            DecisionNumber = "Bản demo: mục tiêu theo kế hoạch 2026–2030 của tỉnh Gia Lai",
            FromYear = 2026,
            ToYear = 2030,
            CreatedBy = demo.Users.GetValueOrDefault(DemoProvince.Authority.UserName),
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.ProgrammePlans.Add(plan);
        for (var year = 2026; year <= 2030; year++)
        {
            var step = year - 2026; // 0 … 4
            foreach (var (code, target) in new (string, decimal)[]
                     {
                         (IndicatorCodes.Articles, 1),
                         (IndicatorCodes.Conferences, 1),
                         (IndicatorCodes.AwarenessClasses, 2),
                         (IndicatorCodes.TrainingCourses, 1),
                         (IndicatorCodes.TraineeAttendances, 30),
                         (IndicatorCodes.CivilServantAttendances, 2),
                         (IndicatorCodes.BusinessesTrainedPct, 20 + 20 * step),
                         (IndicatorCodes.BusinessesCertified, 2),
                         (IndicatorCodes.ProductsSupported, 4),
                         (IndicatorCodes.BusinessesSupported, 2),
                         (IndicatorCodes.SystemsConnectedNational, year == 2026 ? 1 : 0),
                         (IndicatorCodes.HighRiskProductsTracedPct, 60 + 10 * step),
                         (IndicatorCodes.BusinessesInteroperablePct, 30 + 10 * step),
                     })
                db.PlanTargets.Add(new PlanTarget { PlanId = plan.Id, Year = year, Indicator = code, Target = target });
        }
        await db.SaveChangesAsync(ct);
    }
}
