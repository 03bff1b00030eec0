using Microsoft.EntityFrameworkCore;
using VnTrace.Server.Data;
using VnTrace.Server.Workspace.Certificates;

namespace VnTrace.Server.Lookup;

/// <summary>A certificate as a consumer sees it: valid on the day of the lookup, or expired.</summary>
public sealed record PublicCertificate(CertificateKind Kind, string? OtherKindName, string Number, string Issuer, DateOnly ValidFrom,
    DateOnly? ValidTo, bool Valid, Guid? PublicFileId);

/// <summary>
/// The certificates that cover a product or the places it came from. The one place the consumer lookup reads the
/// certificate tables, so it can give way to the workspace's certificate query when that exists.
/// </summary>
public static class PublicCertificates
{
    public static async Task<List<PublicCertificate>> ForAsync(VnTraceDbContext db, Guid organizationId, Guid? productId,
        IReadOnlyCollection<Guid> locationIds, DateOnly today, CancellationToken ct)
    {
        var locations = locationIds.ToList();
        var rows = await db.Certificates
            .Where(c => c.OrganizationId == organizationId
                && ((productId != null && db.CertificateProducts.Any(p => p.CertificateId == c.Id && p.ProductId == productId))
                    || db.CertificateLocations.Any(l => l.CertificateId == c.Id && locations.Contains(l.LocationId))))
            .Select(c => new
            {
                c.Kind,
                c.OtherKindName,
                c.Number,
                c.Issuer,
                c.ValidFrom,
                c.ValidTo,
                PublicFileId = db.Files.Where(f => f.Id == c.FileId && f.Public).Select(f => (Guid?)f.Id).FirstOrDefault(),
            })
            .ToListAsync(ct);
        return [.. rows
            .Select(c => new PublicCertificate(c.Kind, c.OtherKindName, c.Number, c.Issuer, c.ValidFrom, c.ValidTo,
                c.ValidFrom <= today && (c.ValidTo is null || c.ValidTo >= today), c.PublicFileId))
            .OrderByDescending(c => c.Valid).ThenBy(c => c.Kind).ThenBy(c => c.Number, StringComparer.Ordinal)];
    }
}
