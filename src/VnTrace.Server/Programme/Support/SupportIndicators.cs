using Microsoft.EntityFrameworkCore;
using VnTrace.Server.Platform.Data;
using VnTrace.Server.Programme.Agencies;
using VnTrace.Server.Programme.Plans;

namespace VnTrace.Server.Programme.Support;

/// <summary>
/// The applications that count as supported in a period: support began (<see cref="SupportApplication.SupportedOn"/>)
/// within it, for a business in the scope. An evaluated application was supported, so it counts in the year its
/// support began; a rejected one never does.
/// </summary>
internal static class SupportedApplications
{
    public static IQueryable<SupportApplication> In(VnTraceDbContext db, IndicatorPeriod period, OfficerScope scope)
    {
        var inScope = ProgrammeChecks.BusinessIds(db, scope);
        return db.SupportApplications.Where(a => a.SupportedOn != null && a.SupportedOn >= period.From && a.SupportedOn < period.To
            && inScope.Contains(a.OrganizationId));
    }

    public static string Href(Guid applicationId) => $"/authority/support/applications/{applicationId}";
}

/// <summary><c>businesses_supported</c>: distinct businesses with an application whose support began in the period.</summary>
internal sealed class BusinessesSupportedIndicator(VnTraceDbContext db) : IIndicator
{
    public string Code => IndicatorCodes.BusinessesSupported;

    public async Task<IndicatorValue> ComputeAsync(IndicatorPeriod period, OfficerScope scope, CancellationToken ct) =>
        IndicatorValue.Count(await SupportedApplications.In(db, period, scope).Select(a => a.OrganizationId).Distinct().CountAsync(ct));

    public async Task<IReadOnlyList<IndicatorRecord>> RecordsAsync(IndicatorPeriod period, OfficerScope scope, CancellationToken ct)
    {
        var rows = await (from a in SupportedApplications.In(db, period, scope)
                          join o in db.Organizations on a.OrganizationId equals o.Id
                          orderby a.SupportedOn
                          select new { a.Id, a.OrganizationId, o.Name, a.SupportedOn }).ToListAsync(ct);
        // One record per business: its first supported application of the period.
        return rows.GroupBy(r => r.OrganizationId).Select(g => g.First())
            .Select(r => new IndicatorRecord("support_application", r.Id, r.Name, r.SupportedOn, SupportedApplications.Href(r.Id))).ToList();
    }
}

/// <summary>
/// <c>products_supported</c>: distinct registered products named by the applications supported in the period
/// (<see cref="SupportApplication.ProductIds"/>). A product named by two supported applications counts once.
/// </summary>
internal sealed class ProductsSupportedIndicator(VnTraceDbContext db) : IIndicator
{
    public string Code => IndicatorCodes.ProductsSupported;

    public async Task<IndicatorValue> ComputeAsync(IndicatorPeriod period, OfficerScope scope, CancellationToken ct) =>
        IndicatorValue.Count((await RecordsAsync(period, scope, ct)).Count);

    public async Task<IReadOnlyList<IndicatorRecord>> RecordsAsync(IndicatorPeriod period, OfficerScope scope, CancellationToken ct)
    {
        var applications = await SupportedApplications.In(db, period, scope).OrderBy(a => a.SupportedOn)
            .Select(a => new { a.Id, a.OrganizationId, a.ProductIds, a.SupportedOn }).ToListAsync(ct);
        var named = applications.SelectMany(a => a.ProductIds.Select(p => (Product: p, a.Id, a.OrganizationId, a.SupportedOn)))
            .GroupBy(x => x.Product).Select(g => g.First()).ToList();
        var ids = named.Select(n => n.Product).ToList();
        var products = await db.Products.IgnoreTenantFilter("the indicator counts products of every supported business in the officer's scope")
            .Where(p => ids.Contains(p.Id)).Select(p => new { p.Id, p.OrganizationId, p.NameVi }).ToDictionaryAsync(p => p.Id, ct);
        return named.Where(n => products.TryGetValue(n.Product, out var p) && p.OrganizationId == n.OrganizationId)
            .Select(n => new IndicatorRecord("product", n.Product, products[n.Product].NameVi, n.SupportedOn, SupportedApplications.Href(n.Id)))
            .ToList();
    }
}
