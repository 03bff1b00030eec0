using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using VnTrace.Server.Data;
using VnTrace.Server.Identity;

namespace VnTrace.Server.Workspace;

/// <summary>The business dashboard: what is in progress and what needs attention.</summary>
public sealed class IndexModel(VnTraceDbContext db, CurrentBusiness business) : PageModel
{
    public Organization Organization { get; private set; } = null!;
    public int Products { get; private set; }
    public int Locations { get; private set; }
    public int LotsInProgress { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Organization = await business.GetAsync(ct);
        var org = business.Id;
        Products = await db.Products.CountAsync(p => p.OrganizationId == org && !p.Archived, ct);
        Locations = await db.Locations.CountAsync(l => l.OrganizationId == org && !l.Archived, ct);
        LotsInProgress = await db.Lots.CountAsync(l => l.OrganizationId == org && l.Status == Lots.LotStatus.InProgress, ct);
    }
}
