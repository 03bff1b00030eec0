using Microsoft.EntityFrameworkCore;
using VnTrace.Server.Platform.Data;

namespace VnTrace.Server.Recall;

/// <summary>A campaign in a list: when, who, why, where it stands and how many businesses answered.</summary>
public sealed record RecallRow(Guid Id, DateTime OpenedAt, string Initiator, string Reason, RecallStatus Status, DateTime? ClosedAt,
    int Lots, int Notified, int Acknowledged);

public static class RecallRows
{
    public const int PageSize = 25;

    /// <summary>
    /// One page of <paramref name="campaigns"/>, newest first, filtered by status and by words of the reason or the
    /// initiator's name; with the total for the pager.
    /// </summary>
    public static async Task<(List<RecallRow> Rows, int Total)> PageAsync(VnTraceDbContext db, IQueryable<RecallCampaign> campaigns,
        RecallStatus? status, string? q, int page, CancellationToken ct)
    {
        if (status is { } s)
            campaigns = campaigns.Where(c => c.Status == s);
        if (!string.IsNullOrWhiteSpace(q))
        {
            var words = q.Trim();
            campaigns = campaigns.Where(c => c.Reason.Contains(words)
                || db.Organizations.Any(o => o.Id == c.InitiatorId && o.Name.Contains(words))
                || c.Lots.Any(l => l.Named && l.Identifier.Contains(words)));
        }
        var total = await campaigns.CountAsync(ct);
        var rows = await campaigns
            .OrderByDescending(c => c.OpenedAt).ThenByDescending(c => c.Id)
            .Skip((Math.Max(1, page) - 1) * PageSize).Take(PageSize)
            .Select(c => new RecallRow(c.Id, c.OpenedAt,
                db.Organizations.Where(o => o.Id == c.InitiatorId).Select(o => o.Name).FirstOrDefault() ?? "",
                c.Reason, c.Status, c.ClosedAt,
                c.Lots.Count(l => l.Named), c.Notices.Count, c.Notices.Count(n => n.AcknowledgedAt != null)))
            .ToListAsync(ct);
        return (rows, total);
    }

    public static int Pages(int total) => Math.Max(1, (total + PageSize - 1) / PageSize);
}
