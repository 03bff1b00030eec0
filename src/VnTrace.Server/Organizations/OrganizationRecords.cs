using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using VnTrace.Server.Lots;
using VnTrace.Server.Organizations.Reference;
using VnTrace.Server.Platform.Data;

namespace VnTrace.Server.Organizations;

/// <summary>
/// A business's record as an officer reads it: its profile, its products, its most recent lots and the authority's
/// decisions on it (from the audit trail, oldest sign-up first, newest decision last). Read-only.
/// </summary>
public sealed class OrganizationRecords(VnTraceDbContext db)
{
    public const int RecentLots = 50;
    public const int MaxProducts = 200;

    public sealed record Record(Profile Profile, int ProductCount, IReadOnlyList<ProductRow> Products, int LotCount,
        IReadOnlyList<LotRow> Lots, IReadOnlyList<DecisionRow> Decisions);

    public sealed record Profile(Guid Id, string Name, BusinessForm Form, OrganizationStatus Status, string? TaxCode, string? Gln,
        string? CompanyPrefix, string? Address, string? ContactName, string? Phone, string? Email, string? Website, string? Sector,
        bool OcopParticipant, DateTime CreatedAt, string? Owner);

    public sealed record ProductRow(Guid Id, string Gtin, string Name, string Unit, int? OcopStars, bool Archived);

    /// <summary>A lot, with its canonical Digital Link for the authority trace page.</summary>
    public sealed record LotRow(string Gtin, string LotNumber, string? ProductName, LotStatus Status, decimal? Quantity, string? Unit,
        DateOnly? ProductionDate, DateTime CreatedAt, string Code);

    public sealed record DecisionRow(DateTime At, OrganizationStatus Decision, string? Note, string? DecidedBy);

    private sealed record DecisionDetail(string? Decision, string? Note);

    /// <returns>Null when there is no such business.</returns>
    public async Task<Record?> FindAsync(Guid organizationId, CancellationToken ct)
    {
        var o = await db.Organizations.Where(x => x.Id == organizationId && x.Kind == OrganizationKind.Business).FirstOrDefaultAsync(ct);
        if (o is null)
            return null;
        var owner = await db.Users.Where(u => u.OrganizationId == o.Id).OrderBy(u => u.CreatedAt).Select(u => u.FullName).FirstOrDefaultAsync(ct);
        var profile = new Profile(o.Id, o.Name, o.Form, o.Status, o.TaxCode, o.Gln, o.CompanyPrefixInUse, Address(o), o.ContactName,
            o.Phone, o.Email, o.Website, o.Sector, o.OcopParticipant, o.CreatedAt, owner);

        var products = db.Products.IgnoreTenantFilter("an officer reads the record of any business").Where(p => p.OrganizationId == o.Id);
        var productCount = await products.CountAsync(ct);
        var productRows = await products.OrderBy(p => p.Archived).ThenBy(p => p.NameVi).Take(MaxProducts)
            .Select(p => new ProductRow(p.Id, p.Gtin, p.NameVi, p.Unit, p.OcopStars, p.Archived)).ToListAsync(ct);

        var lots = db.Lots.IgnoreTenantFilter("an officer reads the record of any business").Where(l => l.OrganizationId == o.Id);
        var lotCount = await lots.CountAsync(ct);
        var lotRows = (await lots.OrderByDescending(l => l.CreatedAt).Take(RecentLots)
                .Select(l => new
                {
                    l.Gtin, l.LotNumber, l.Status, l.Quantity, l.Unit, l.ProductionDate, l.CreatedAt,
                    ProductName = db.Products.IgnoreTenantFilter("an officer reads the record of any business")
                        .Where(p => p.Id == l.ProductId).Select(p => p.NameVi).FirstOrDefault(),
                })
                .ToListAsync(ct))
            .Select(l => new LotRow(l.Gtin, l.LotNumber, l.ProductName, l.Status, l.Quantity, l.Unit, l.ProductionDate, l.CreatedAt,
                LotCodes.LotClass(l.Gtin, l.LotNumber)))
            .ToList();

        var entries = await db.AuditLog.IgnoreTenantFilter("an officer reads the decisions on any business")
            .Where(a => a.EntityType == nameof(Organization) && a.EntityId == o.Id.ToString() && a.Action.StartsWith("organization."))
            .OrderBy(a => a.At).ThenBy(a => a.Id)
            .Select(a => new { a.At, a.Detail, By = db.Users.Where(u => u.Id == a.UserId).Select(u => u.FullName).FirstOrDefault() })
            .ToListAsync(ct);
        var decisions = new List<DecisionRow>(entries.Count);
        foreach (var e in entries)
        {
            var detail = e.Detail is null ? null : JsonSerializer.Deserialize<DecisionDetail>(e.Detail, JsonSerializerOptions.Web);
            if (Enum.TryParse<OrganizationStatus>(detail?.Decision, out var decision))
                decisions.Add(new DecisionRow(e.At, decision, string.IsNullOrWhiteSpace(detail!.Note) ? null : detail.Note.Trim(), e.By));
        }
        return new Record(profile, productCount, productRows, lotCount, lotRows, decisions);
    }

    /// <summary>"12 Lê Duẩn, Phường Buôn Ma Thuột, Tỉnh Đắk Lắk", from the parts the business gave.</summary>
    private static string? Address(Organization o)
    {
        string?[] parts =
        [
            o.AddressLine,
            o.CommuneCode is { } c ? AdministrativeUnits.FindCommune(c)?.FullName : null,
            o.ProvinceCode is { } p ? AdministrativeUnits.FindProvince(p)?.FullName : null,
        ];
        var address = string.Join(", ", parts.Where(x => !string.IsNullOrWhiteSpace(x)));
        return address.Length == 0 ? null : address;
    }
}
