using Microsoft.EntityFrameworkCore;
using VnTrace.Server.Platform.Data;

namespace VnTrace.Server.Recall;

/// <summary>A recall as one reader may see it (the API's answer, and what the recall pages show).</summary>
/// <param name="Lots">The lots, units and containers the initiator named (canonical Digital Links).</param>
/// <param name="Downstream">What the trace found downstream of them; empty for a business that only got a notice.</param>
/// <param name="AffectedTruncated">The trace hit its node limit: the affected set may be incomplete.</param>
public sealed record RecallDocument(
    Guid Id, string Initiator, Guid InitiatorId, string Reason, RecallStatus Status, DateTime OpenedAt, DateTime? ClosedAt, string? ClosingNote,
    string[] Lots, string[] Downstream, bool AffectedTruncated, int Acknowledged, int Notified, RecallNoticeDocument[] Notices);

public sealed record RecallNoticeDocument(
    Guid OrganizationId, string Organization, string? Gln, decimal? QuantityReceived, string? Uom, DateTime NotifiedAt, DateTime? AcknowledgedAt,
    decimal? QuantityRecovered, string? Note);

public static class RecallDocuments
{
    /// <summary>
    /// The campaign as <paramref name="viewer"/> may see it: the initiator and the authority
    /// (<paramref name="seesEverything"/>) see every notice and everything downstream, an affected business its own
    /// notice; anyone else sees nothing (null), as if the campaign did not exist.
    /// </summary>
    public static async Task<RecallDocument?> ReadAsync(VnTraceDbContext db, Guid id, Guid? viewer, bool seesEverything, CancellationToken ct)
    {
        var campaign = await db.RecallCampaigns.Include(c => c.Notices).FirstOrDefaultAsync(c => c.Id == id, ct);
        if (campaign is null)
            return null;
        var seesAll = seesEverything || campaign.InitiatorId == viewer;
        var notices = seesAll ? campaign.Notices : campaign.Notices.Where(n => n.OrganizationId == viewer).ToList();
        if (!seesAll && notices.Count == 0)
            return null;
        var organizationIds = notices.Select(n => n.OrganizationId).Append(campaign.InitiatorId).ToList();
        var organizations = await db.Organizations.Where(o => organizationIds.Contains(o.Id))
            .Select(o => new { o.Id, o.Name, o.Gln }).ToDictionaryAsync(o => o.Id, ct);
        var lots = await db.RecallLots.Where(l => l.CampaignId == id).ToListAsync(ct);
        return new RecallDocument(
            campaign.Id, organizations[campaign.InitiatorId].Name, campaign.InitiatorId, campaign.Reason, campaign.Status, campaign.OpenedAt,
            campaign.ClosedAt, campaign.ClosingNote,
            [.. lots.Where(l => l.Named).Select(l => l.Identifier).Order(StringComparer.Ordinal)],
            seesAll ? [.. lots.Where(l => !l.Named).Select(l => l.Identifier).Order(StringComparer.Ordinal)] : [],
            campaign.AffectedTruncated,
            notices.Count(n => n.AcknowledgedAt is not null), notices.Count,
            [.. notices.OrderBy(n => organizations[n.OrganizationId].Name, StringComparer.Ordinal).Select(n => new RecallNoticeDocument(
                n.OrganizationId, organizations[n.OrganizationId].Name, organizations[n.OrganizationId].Gln, n.QuantityReceived, n.Uom,
                n.NotifiedAt, n.AcknowledgedAt, n.QuantityRecovered, n.Note))]);
    }
}
