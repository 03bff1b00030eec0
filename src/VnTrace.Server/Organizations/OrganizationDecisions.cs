using Microsoft.EntityFrameworkCore;
using VnTrace.Server.Gs1Allocation;
using VnTrace.Server.Platform.Audit;
using VnTrace.Server.Platform.Data;
using VnTrace.Server.Platform.Events;

namespace VnTrace.Server.Organizations;

/// <summary>
/// The authority's decision on a business: approve, reject (with a reason) or suspend. Approval also gives the
/// business what it needs to issue GS1 codes: a company prefix from the province's range when it holds none of its
/// own, and its party GLN.
/// </summary>
public sealed class OrganizationDecisions(VnTraceDbContext db, AuditTrail audit, TimeProvider clock, Gs1Numbering numbering,
    IEnumerable<IOrganizationChangeObserver> observers, ILogger<OrganizationDecisions> logger)
{
    /// <returns>False when the organization does not exist or is not a business.</returns>
    /// <exception cref="Gs1AllocationException">Approval needs a company prefix and the province's range is used up.</exception>
    public async Task<bool> DecideAsync(Guid organizationId, OrganizationStatus decision, string? note, Guid decidedBy, CancellationToken ct)
    {
        if (decision == OrganizationStatus.Pending)
            throw new ArgumentException("A decision cannot put an organization back to pending.", nameof(decision));
        var organization = await db.Organizations.AsTracking()
            .FirstOrDefaultAsync(o => o.Id == organizationId && o.Kind == OrganizationKind.Business, ct);
        if (organization is null)
            return false;
        IssuingCodes? codes = null;
        if (decision == OrganizationStatus.Approved)
        {
            // Claimed first, outside the decision's unit of work (see EnsureCodesAsync); claiming again gives the
            // same codes, so an approval that fails after this step can simply be repeated.
            codes = await numbering.EnsureCodesAsync(organization.Id, ct);
            await db.Entry(organization).ReloadAsync(ct);
        }
        organization.Status = decision;
        organization.DecidedAt = clock.GetUtcNow().UtcDateTime;
        organization.DecidedBy = decidedBy;
        organization.DecisionNote = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        audit.Record("organization." + decision.ToString().ToLowerInvariant(), nameof(Organization), organization.Id,
            new { decision = decision.ToString(), note, codes?.CompanyPrefix, codes?.PartyGln }, organization.Id);
        await db.SaveChangesAsync(ct);
        // The consumer pages of a suspended (or restored) business change at once, not when their cache expires.
        foreach (var observer in observers)
        {
            try
            {
                await observer.OrganizationChangedAsync(organization.Id, ct);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "{Observer} failed for organization {Organization}", observer.GetType().Name, organization.Id);
            }
        }
        return true;
    }
}
