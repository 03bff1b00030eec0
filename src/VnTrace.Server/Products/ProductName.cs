using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace VnTrace.Server.Products;

/// <summary>
/// The public face of a product: its GTIN and names, as printed on the package. Read from the products table without
/// the tenant filter, because a business names the lots it received from a partner, a trace names every lot on the
/// chain, and a consumer page names what was scanned, by the name its owner gave it. Nothing else of the product
/// (its description, importer, risk level, archive state) is on this face; a query that needs more reads
/// <see cref="Product"/>, and what it reads across organizations it says with IgnoreTenantFilter.
/// </summary>
public sealed class ProductName
{
    public required string Gtin { get; init; }
    public required string NameVi { get; init; }
    public string? NameEn { get; init; }
}

internal sealed class ProductNameConfiguration : IEntityTypeConfiguration<ProductName>
{
    // Mapped as a view of the products table: read-only, and no table of its own in the migrations.
    public void Configure(EntityTypeBuilder<ProductName> b)
    {
        b.HasNoKey();
        b.ToView("products");
    }
}
