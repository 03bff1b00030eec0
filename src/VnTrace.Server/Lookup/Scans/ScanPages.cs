using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using VnTrace.Server.Identity;
using VnTrace.Server.Lookup.Scans;

namespace VnTrace.Server.Lookup;

/// <summary>The window of the statistics pages: 7, 30 or 90 days back from now.</summary>
public abstract class ScanStatisticsPage(ScanStatistics statistics, TimeProvider clock) : PageModel
{
    public static readonly int[] Windows = [7, 30, 90];

    [BindProperty(SupportsGet = true)]
    public int Days { get; set; } = 30;

    public ScanSummary Summary { get; private set; } = null!;

    protected async Task LoadAsync(Guid? organizationId, CancellationToken ct)
    {
        if (!Windows.Contains(Days))
            Days = 30;
        Summary = await statistics.ForAsync(organizationId, clock.GetUtcNow().UtcDateTime.AddDays(-Days), ct);
    }
}

/// <summary>/workspace/scans: how often the business's codes were scanned, warnings about its serials, consumers' reports.</summary>
[Authorize(Policy = Policies.Workspace)]
[TypeFilter(typeof(WorkspaceStatusFilter))]
public sealed class BusinessScansModel(ScanStatistics statistics, TimeProvider clock, CurrentBusiness business) : ScanStatisticsPage(statistics, clock)
{
    public Task OnGetAsync(CancellationToken ct) => LoadAsync(business.Id, ct);
}

/// <summary>/authority/scans: scans of every business's codes, unknown codes, warnings and reports across the province.</summary>
[Authorize(Policy = Policies.AuthorityRead)]
public sealed class AuthorityScansModel(ScanStatistics statistics, TimeProvider clock) : ScanStatisticsPage(statistics, clock)
{
    public Task OnGetAsync(CancellationToken ct) => LoadAsync(null, ct);
}
