using Microsoft.EntityFrameworkCore;
using VnTrace.Server.Certificates;
using VnTrace.Server.Platform.Data;

namespace VnTrace.Server.Lookup;

/// <summary>A certificate as a consumer sees it: valid on the day of the lookup, or expired.</summary>
public sealed record PublicCertificate(CertificateKind Kind, string? OtherKindName, string Number, string Issuer, DateOnly ValidFrom,
    DateOnly? ValidTo, bool Valid, Guid? PublicFileId);

/// <summary>
/// The certificates that cover a product or the places it came from, as consumers see them: the workspace's
/// <see cref="CertificateCoverage"/> (archived ones never), with a scan linked only when it was published.
/// </summary>
public static class PublicCertificates
{
    public static async Task<List<PublicCertificate>> ForAsync(VnTraceDbContext db, TimeProvider clock, Guid organizationId, Guid? productId,
        IReadOnlyCollection<Guid> locationIds, CancellationToken ct)
    {
        var covering = await new CertificateCoverage(db, clock).ForConsumerAsync(organizationId, productId, locationIds, ct);
        var fileIds = covering.Where(c => c.FileId is not null).Select(c => c.FileId!.Value).ToList();
        var publicFiles = fileIds.Count == 0 ? [] : await db.Files.IgnoreTenantFilter("a consumer sees any business's public certificate files")
            .Where(f => fileIds.Contains(f.Id) && f.Public).Select(f => f.Id).ToListAsync(ct);
        return [.. covering
            .Where(c => c.State != CertificateState.NotYetValid)
            .Select(c => new PublicCertificate(c.Kind, c.OtherKindName, c.Number, c.Issuer, c.ValidFrom, c.ValidTo,
                c.State is CertificateState.Valid or CertificateState.Expiring,
                c.FileId is { } f && publicFiles.Contains(f) ? f : null))];
    }
}
