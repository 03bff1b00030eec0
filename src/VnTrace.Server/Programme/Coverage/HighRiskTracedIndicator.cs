using VnTrace.Server.Programme.Agencies;
using VnTrace.Server.Programme.Plans;

namespace VnTrace.Server.Programme.Coverage;

/// <summary>
/// <c>high_risk_products_traced_pct</c> (Gia Lai 2026–2030: 100 % of high-risk goods traced): of the high-risk
/// products with at least one lot in the period, the share whose every lot of the period is traced
/// (<see cref="CoverageService"/>). A product that made nothing in the period is neither traced nor untraced.
/// </summary>
internal sealed class HighRiskTracedIndicator(CoverageService coverage) : IIndicator
{
    public string Code => IndicatorCodes.HighRiskProductsTracedPct;

    public async Task<IndicatorValue> ComputeAsync(IndicatorPeriod period, OfficerScope scope, CancellationToken ct)
    {
        var products = await ProductsAsync(period, scope, ct);
        return IndicatorValue.Percent(products.Count(p => p.TracedLots == p.Lots), products.Count);
    }

    public async Task<IReadOnlyList<IndicatorRecord>> RecordsAsync(IndicatorPeriod period, OfficerScope scope, CancellationToken ct) =>
        [.. (await ProductsAsync(period, scope, ct)).Where(p => p.TracedLots == p.Lots)
            .Select(p => new IndicatorRecord("product", p.Id, $"{p.Name} ({p.Organization})", null, $"/authority/coverage?year={period.From.Year}"))];

    private async Task<List<CoverageProduct>> ProductsAsync(IndicatorPeriod period, OfficerScope scope, CancellationToken ct)
    {
        // Coverage counts lots by calendar year; the plan's periods are years.
        var report = await coverage.ReportAsync(period.From.Year, scope, ct, highRiskOnly: true);
        return [.. report.HighRiskGroups.SelectMany(g => g.ProductDetails).Where(p => p.Lots > 0).DistinctBy(p => p.Id)];
    }
}
