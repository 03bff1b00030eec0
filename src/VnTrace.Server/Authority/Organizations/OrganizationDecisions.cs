using Microsoft.EntityFrameworkCore;
using VnTrace.Server.Audit;
using VnTrace.Server.Data;
using VnTrace.Server.Identity;

namespace VnTrace.Server.Authority.Organizations;

/// <summary>The authority's decision on a business: approve, reject (with a reason) or suspend.</summary>
public sealed class OrganizationDecisions(VnTraceDbContext db, AuditTrail audit, TimeProvider clock)
{
    /// <returns>False when the organization does not exist or is not a business.</returns>
    public async Task<bool> DecideAsync(Guid organizationId, OrganizationStatus decision, string? note, Guid decidedBy, CancellationToken ct)
    {
        if (decision == OrganizationStatus.Pending)
            throw new ArgumentException("A decision cannot put an organization back to pending.", nameof(decision));
        var organization = await db.Organizations.AsTracking()
            .FirstOrDefaultAsync(o => o.Id == organizationId && o.Kind == OrganizationKind.Business, ct);
        if (organization is null)
            return false;
        organization.Status = decision;
        organization.DecidedAt = clock.GetUtcNow().UtcDateTime;
        organization.DecidedBy = decidedBy;
        organization.DecisionNote = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        audit.Record("organization." + decision.ToString().ToLowerInvariant(), nameof(Organization), organization.Id,
            new { decision = decision.ToString(), note }, organization.Id);
        await db.SaveChangesAsync(ct);
        return true;
    }
}
