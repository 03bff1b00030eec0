using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using VnTrace.Server.Identity;
using VnTrace.Server.Platform.Data;
using VnTrace.Server.Recall;

namespace VnTrace.Server.Workspace.Recalls;

/// <summary>
/// The business's recalls: notices of recalls that reached its goods (to acknowledge), and the campaigns it opened
/// for its own lots.
/// </summary>
public sealed class IndexModel(VnTraceDbContext db, CurrentBusiness business) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    /// <summary>Page of the campaigns the business opened.</summary>
    [BindProperty(SupportsGet = true, Name = "cp")]
    public int CampaignPage { get; set; } = 1;

    public IReadOnlyList<NoticeRow> Notices { get; private set; } = [];
    public int NoticesTotal { get; private set; }
    public IReadOnlyList<RecallRow> Campaigns { get; private set; } = [];
    public int CampaignsTotal { get; private set; }

    public sealed record NoticeRow(Guid CampaignId, DateTime OpenedAt, string Initiator, string Reason, RecallStatus Status,
        decimal? QuantityReceived, string? Uom, DateTime? AcknowledgedAt, decimal? QuantityRecovered);

    public async Task OnGetAsync(CancellationToken ct)
    {
        var org = business.Id;
        PageNumber = Math.Max(1, PageNumber);
        CampaignPage = Math.Max(1, CampaignPage);
        var notices = db.RecallNotices.Where(n => n.OrganizationId == org)
            .Join(db.RecallCampaigns, n => n.CampaignId, c => c.Id, (n, c) => new { n, c });
        if (!string.IsNullOrWhiteSpace(Q))
        {
            var q = Q.Trim();
            notices = notices.Where(x => x.c.Reason.Contains(q) || db.Organizations.Any(o => o.Id == x.c.InitiatorId && o.Name.Contains(q)));
        }
        NoticesTotal = await notices.CountAsync(ct);
        // What still needs an answer first: open and unacknowledged, then the newest.
        Notices = await notices
            .OrderBy(x => x.c.Status == RecallStatus.Open && x.n.AcknowledgedAt == null ? 0 : 1)
            .ThenByDescending(x => x.c.OpenedAt).ThenByDescending(x => x.c.Id)
            .Skip((PageNumber - 1) * RecallRows.PageSize).Take(RecallRows.PageSize)
            .Select(x => new NoticeRow(x.c.Id, x.c.OpenedAt,
                db.Organizations.Where(o => o.Id == x.c.InitiatorId).Select(o => o.Name).FirstOrDefault() ?? "",
                x.c.Reason, x.c.Status, x.n.QuantityReceived, x.n.Uom, x.n.AcknowledgedAt, x.n.QuantityRecovered))
            .ToListAsync(ct);
        (Campaigns, CampaignsTotal) = await RecallRows.PageAsync(db, db.RecallCampaigns.Where(c => c.InitiatorId == org), null, Q, CampaignPage, ct);
    }
}
