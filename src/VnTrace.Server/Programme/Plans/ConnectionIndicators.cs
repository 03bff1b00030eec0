using Microsoft.EntityFrameworkCore;
using VnTrace.Server.Capture;
using VnTrace.Server.Organizations;
using VnTrace.Server.Platform.Data;
using VnTrace.Server.Programme.Agencies;

namespace VnTrace.Server.Programme.Plans;

/// <summary>
/// <c>businesses_interoperable_pct</c>: of the approved businesses in scope, the share whose own systems sent events
/// through the EPCIS 2.0 capture interface in the period (a successful capture job of channel Api). The diary forms
/// and the demo seed do not count: they are VnTrace's screens, not an interoperable system of the business.
/// </summary>
internal sealed class InteroperableBusinessesIndicator(VnTraceDbContext db) : IIndicator
{
    public string Code => IndicatorCodes.BusinessesInteroperablePct;

    public async Task<IndicatorValue> ComputeAsync(IndicatorPeriod period, OfficerScope scope, CancellationToken ct)
    {
        var businesses = Approved(scope);
        var denominator = await businesses.CountAsync(ct);
        var numerator = await Interoperable(businesses, period).CountAsync(ct);
        return IndicatorValue.Percent(numerator, denominator);
    }

    public async Task<IReadOnlyList<IndicatorRecord>> RecordsAsync(IndicatorPeriod period, OfficerScope scope, CancellationToken ct)
    {
        var (from, to) = (period.FromUtc, period.ToUtc);
        var rows = await Interoperable(Approved(scope), period)
            .OrderBy(o => o.Name)
            .Select(o => new
            {
                o.Id,
                o.Name,
                First = db.CaptureJobs.IgnoreTenantFilter("the authority's indicator counts every business's API captures")
                    .Where(j => j.OwnerId == o.Id && j.Success && j.Channel == CaptureChannel.Api && j.CreatedAt >= from && j.CreatedAt < to)
                    .Min(j => (DateTime?)j.CreatedAt),
            })
            .ToListAsync(ct);
        return rows.Select(r => new IndicatorRecord("organization", r.Id, r.Name,
            r.First is { } first ? Platform.Text.VietnamTime.DateOf(first) : null, "/authority/organizations?status=Approved&q=" + Uri.EscapeDataString(r.Name))).ToList();
    }

    private IQueryable<Organization> Approved(OfficerScope scope) =>
        scope.Organizations(db.Organizations).Where(o => o.Status == OrganizationStatus.Approved);

    private IQueryable<Organization> Interoperable(IQueryable<Organization> businesses, IndicatorPeriod period)
    {
        var (from, to) = (period.FromUtc, period.ToUtc);
        return businesses.Where(o => db.CaptureJobs.IgnoreTenantFilter("the authority's indicator counts every business's API captures")
            .Any(j => j.OwnerId == o.Id && j.Success && j.Channel == CaptureChannel.Api && j.CreatedAt >= from && j.CreatedAt < to));
    }
}

/// <summary>
/// <c>systems_connected_national</c>: organizations whose records the national traceability portal acknowledged.
/// The national connection (the outbox and its NationalPortal target) is not built yet, so nothing has been
/// acknowledged and the actual is 0, as the plan's catalogue says it must be until the connection exists; the
/// connection's work replaces this count with its acknowledgements.
/// </summary>
internal sealed class NationalConnectionIndicator : IIndicator
{
    public string Code => IndicatorCodes.SystemsConnectedNational;

    public Task<IndicatorValue> ComputeAsync(IndicatorPeriod period, OfficerScope scope, CancellationToken ct) =>
        Task.FromResult(IndicatorValue.Count(0));

    public Task<IReadOnlyList<IndicatorRecord>> RecordsAsync(IndicatorPeriod period, OfficerScope scope, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<IndicatorRecord>>([]);
}
