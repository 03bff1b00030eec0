using Microsoft.EntityFrameworkCore;
using VnTrace.Server.Organizations;
using VnTrace.Server.Platform.Data;
using VnTrace.Server.Platform.Events;

namespace VnTrace.Server.Trace;

/// <summary>
/// Whose events a caller may walk through in traces, exports and recalls: its own, those a partner shared with it by
/// naming the caller's party as source or destination (one step back / one step forward, Decree 37/2026 Art. 22),
/// and, for the provincial authority, everyone's.
/// </summary>
/// <param name="OrganizationId">The caller's organization.</param>
/// <param name="PartyIdentifier">The caller's party as a canonical Digital Link (…/417/{gln}), when it has a GLN.</param>
/// <param name="SeesEverything">The provincial authority traces through every organization's events.</param>
public sealed record TraceVisibility(Guid OrganizationId, string? PartyIdentifier, bool SeesEverything)
{
    public static async Task<TraceVisibility> OfAsync(VnTraceDbContext db, Guid organizationId, CancellationToken ct)
    {
        var organization = await db.Organizations.Where(o => o.Id == organizationId).Select(o => new { o.Kind, o.Gln }).SingleAsync(ct);
        return new TraceVisibility(organizationId,
            organization.Gln is null ? null : $"https://id.gs1.org/417/{organization.Gln}",
            organization.Kind == OrganizationKind.Authority);
    }

    /// <summary>The events this caller may see, as a query to compose with.</summary>
    public IQueryable<TraceabilityEvent> Filter(VnTraceDbContext db, IQueryable<TraceabilityEvent> events)
    {
        if (SeesEverything)
            return events;
        var owner = OrganizationId;
        var party = PartyIdentifier;
        var sharedWithMe = db.EventReferences
            .Where(r => party != null && r.Value == party && (r.Kind == ReferenceKind.Source || r.Kind == ReferenceKind.Destination))
            .Select(r => r.TraceabilityEventId);
        return events.Where(e => e.OwnerId == owner || sharedWithMe.Contains(e.Id));
    }
}
