using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using VnTrace.Server.Platform.Data;
using VnTrace.Server.Platform.Text;

namespace VnTrace.Server.Certificates;

/// <summary>A certificate that covers a product, a lot or a location, with its state today.</summary>
/// <param name="CoversProduct">The certificate names the product itself.</param>
/// <param name="ThroughLocationIds">The covered locations it reaches the product or lot through (the lot's place or a site it lies in).</param>
public sealed record CoveringCertificate(
    Guid Id,
    CertificateKind Kind,
    string? OtherKindName,
    string Number,
    string Issuer,
    DateOnly ValidFrom,
    DateOnly? ValidTo,
    int? OcopStars,
    Guid? FileId,
    CertificateState State,
    bool CoversProduct,
    IReadOnlyList<Guid> ThroughLocationIds)
{
    /// <summary>"VietGAP", "ISO 22000"… or the scheme name typed for Other.</summary>
    public string KindName(IStringLocalizer<CertificateText> text) => CertificateText.KindName(text, Kind, OtherKindName);
}

/// <summary>
/// Which certificates cover a product, a lot or a location: those naming the product, and those naming the place
/// where it is grown or made or any site that place lies in (a VietGAP farm certificate covers its planting areas).
/// Only the owning organization's certificates count, archived ones never; expired ones are returned with their
/// state so a page can flag them rather than hide them. The caller decides who may see the answer (the workspace
/// checks the product is the business's own; the consumer page shows a product's public certificates).
/// </summary>
public sealed class CertificateCoverage(VnTraceDbContext db, TimeProvider clock)
{
    private const int MaxLocationDepth = 10;

    /// <summary>Certificates covering a product directly or through a location one of its lots comes from.</summary>
    public async Task<IReadOnlyList<CoveringCertificate>> ForProductAsync(Guid productId, CancellationToken ct = default)
    {
        var organizationId = await db.Products.Where(p => p.Id == productId).Select(p => (Guid?)p.OrganizationId).FirstOrDefaultAsync(ct);
        if (organizationId is null)
            return [];
        var lotLocations = await db.Lots.Where(l => l.ProductId == productId && l.OrganizationId == organizationId && l.LocationId != null)
            .Select(l => l.LocationId!.Value).Distinct().ToListAsync(ct);
        return await FindAsync(organizationId.Value, productId, lotLocations, ct);
    }

    /// <summary>Certificates covering a lot: its product's, and its location's (or a site's the location lies in).</summary>
    public async Task<IReadOnlyList<CoveringCertificate>> ForLotAsync(Guid lotId, CancellationToken ct = default)
    {
        var lot = await db.Lots.Where(l => l.Id == lotId).Select(l => new { l.OrganizationId, l.ProductId, l.LocationId }).FirstOrDefaultAsync(ct);
        if (lot is null)
            return [];
        return await FindAsync(lot.OrganizationId, lot.ProductId, lot.LocationId is { } at ? [at] : [], ct);
    }

    /// <summary>Certificates covering a location or a site it lies in.</summary>
    public async Task<IReadOnlyList<CoveringCertificate>> ForLocationAsync(Guid locationId, CancellationToken ct = default)
    {
        var organizationId = await db.Locations.Where(l => l.Id == locationId).Select(l => (Guid?)l.OrganizationId).FirstOrDefaultAsync(ct);
        return organizationId is null ? [] : await FindAsync(organizationId.Value, null, [locationId], ct);
    }

    /// <summary>
    /// For the public consumer page, whoever asks: certificates of <paramref name="organizationId"/> naming the
    /// product or one of the places (or a site they lie in). The other entry points read the caller's own only.
    /// </summary>
    public Task<IReadOnlyList<CoveringCertificate>> ForConsumerAsync(Guid organizationId, Guid? productId, IReadOnlyCollection<Guid> locationIds,
        CancellationToken ct = default) => FindAsync(organizationId, productId, locationIds, ct, anyTenant: true);

    private async Task<IReadOnlyList<CoveringCertificate>> FindAsync(Guid organizationId, Guid? productId,
        IReadOnlyCollection<Guid> locationIds, CancellationToken ct, bool anyTenant = false)
    {
        const string why = "the consumer page shows the certificates of the business whose product was scanned";
        // Each place with the sites it lies in.
        var places = await WithAncestorsAsync(organizationId, locationIds, anyTenant ? why : null, ct);
        var placeIds = places.ToList();

        var direct = productId is { } pid
            ? await db.CertificateProducts.Where(cp => cp.ProductId == pid).Select(cp => cp.CertificateId).ToListAsync(ct)
            : [];
        var viaPlaces = placeIds.Count == 0
            ? []
            : await db.CertificateLocations.Where(cl => placeIds.Contains(cl.LocationId))
                .Select(cl => new { cl.CertificateId, cl.LocationId }).ToListAsync(ct);
        var ids = direct.Concat(viaPlaces.Select(v => v.CertificateId)).Distinct().ToList();
        if (ids.Count == 0)
            return [];

        var certificates = await (anyTenant ? db.Certificates.IgnoreTenantFilter(why) : db.Certificates)
            .Where(c => c.OrganizationId == organizationId && !c.Archived && ids.Contains(c.Id))
            .ToListAsync(ct);
        var today = VietnamTime.Today(clock);
        var directSet = direct.ToHashSet();
        return certificates
            .Select(c => new CoveringCertificate(c.Id, c.Kind, c.OtherKindName, c.Number, c.Issuer, c.ValidFrom, c.ValidTo,
                c.OcopStars, c.FileId, CertificateValidity.StateOn(c, today), directSet.Contains(c.Id),
                viaPlaces.Where(v => v.CertificateId == c.Id).Select(v => v.LocationId).Distinct().ToList()))
            .OrderBy(c => c.State switch
            {
                CertificateState.Valid => 0,
                CertificateState.Expiring => 1,
                CertificateState.NotYetValid => 2,
                _ => 3,
            })
            .ThenBy(c => c.Kind)
            .ThenBy(c => c.ValidTo ?? DateOnly.MaxValue)
            .ToList();
    }

    /// <summary>The locations and every site above them (ParentId), within the organization.</summary>
    private async Task<HashSet<Guid>> WithAncestorsAsync(Guid organizationId, IReadOnlyCollection<Guid> locationIds, string? anyTenant, CancellationToken ct)
    {
        var all = new HashSet<Guid>(locationIds);
        var frontier = locationIds.ToList();
        // A depth cap rather than trusting ParentId never loops.
        for (var depth = 0; depth < MaxLocationDepth && frontier.Count > 0; depth++)
        {
            var parents = await (anyTenant is null ? db.Locations : db.Locations.IgnoreTenantFilter(anyTenant))
                .Where(l => l.OrganizationId == organizationId && frontier.Contains(l.Id) && l.ParentId != null)
                .Select(l => l.ParentId!.Value).ToListAsync(ct);
            frontier = parents.Where(all.Add).ToList();
        }
        return all;
    }
}
