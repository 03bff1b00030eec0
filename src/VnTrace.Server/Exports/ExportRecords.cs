using Microsoft.EntityFrameworkCore;
using VnTrace.Server.Organizations.Reference;
using VnTrace.Server.Platform.Data;

namespace VnTrace.Server.Exports;

/// <summary>A product as its business registered it (Products/): names, brand and the link to its first public image.</summary>
public sealed record ExportProduct(Guid OrganizationId, string Name, string? Brand, string? ImageUrl);

/// <summary>
/// What the events do not carry and the records do: the products of the export's GTINs and the addresses of the
/// businesses that recorded its events (Organizations/). The events name a GTIN and the organization that captured
/// them; the product's name, image and brand and the business's address are master data, read here for both exports.
/// </summary>
public sealed class ExportRecords
{
    private readonly Dictionary<string, List<ExportProduct>> products;
    private readonly Dictionary<Guid, string?> addresses;

    private ExportRecords(Dictionary<string, List<ExportProduct>> products, Dictionary<Guid, string?> addresses)
    {
        this.products = products;
        this.addresses = addresses;
    }

    /// <summary>
    /// The product of a GTIN: as the business that made the item registered it, else as its first registration (another
    /// business may list a product it buys under the maker's GTIN); null when no business registered the GTIN.
    /// </summary>
    public ExportProduct? Product(string gtin, Guid? maker) =>
        products.TryGetValue(gtin, out var list) ? list.FirstOrDefault(p => p.OrganizationId == maker) ?? list[0] : null;

    /// <summary>"Thôn 3, đường Số 7, Xã …, Tỉnh …"; null when the business recorded none of it.</summary>
    public string? Address(Guid organizationId) => addresses.GetValueOrDefault(organizationId);

    public static async Task<ExportRecords> ReadAsync(VnTraceDbContext db, IReadOnlyList<ExportEvent> events, string publicBase, CancellationToken ct)
    {
        var gtins = events.SelectMany(e => ExportItems.LinesOf(e.Event)).Select(l => ExportItems.KeysOf(l.Identifier).Gtin).OfType<string>()
            .Distinct(StringComparer.Ordinal).ToList();
        var products = new Dictionary<string, List<ExportProduct>>(StringComparer.Ordinal);
        foreach (var chunk in gtins.Chunk(1000))
        {
            var rows = await db.Products.IgnoreTenantFilter("an export names the products its events carry, whoever declared them, as their labels and consumer pages do")
                .Where(p => chunk.Contains(p.Gtin) && !p.Archived)
                .OrderBy(p => p.CreatedAt)
                .Select(p => new
                {
                    p.Gtin,
                    p.OrganizationId,
                    p.NameVi,
                    p.Brand,
                    Image = db.ProductImages.Where(i => i.ProductId == p.Id && db.Files.Any(f => f.Id == i.FileId && f.Public))
                        .OrderBy(i => i.Position).Select(i => (Guid?)i.FileId).FirstOrDefault(),
                })
                .ToListAsync(ct);
            foreach (var p in rows)
            {
                if (!products.TryGetValue(p.Gtin, out var list))
                    products[p.Gtin] = list = [];
                list.Add(new ExportProduct(p.OrganizationId, p.NameVi, string.IsNullOrWhiteSpace(p.Brand) ? null : p.Brand,
                    p.Image is { } image ? $"{publicBase}/files/{image}" : null));
            }
        }

        var owners = events.Select(e => e.OwnerId).Distinct().ToList();
        var organizations = await db.Organizations.Where(o => owners.Contains(o.Id))
            .Select(o => new { o.Id, o.AddressLine, o.CommuneCode, o.ProvinceCode }).ToListAsync(ct);
        var addresses = organizations.ToDictionary(o => o.Id, o =>
        {
            var commune = o.CommuneCode is { Length: > 0 } c ? AdministrativeUnits.FindCommune(c) : null;
            var province = (commune?.ProvinceCode ?? o.ProvinceCode) is { Length: > 0 } p ? AdministrativeUnits.FindProvince(p) : null;
            var parts = new[] { o.AddressLine?.Trim(), commune?.FullName, province?.FullName }.Where(s => !string.IsNullOrEmpty(s)).ToList();
            return parts.Count == 0 ? null : string.Join(", ", parts);
        });
        return new ExportRecords(products, addresses);
    }
}
