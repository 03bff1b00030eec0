using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using VnTrace.Server.Products;

namespace VnTrace.Server.Programme.Risk;

/// <summary>Where a classification comes from.</summary>
public enum RiskSource
{
    /// <summary>An officer's assessment R = k × C × P.</summary>
    Assessment = 0,
    /// <summary>A ministry's published high-risk list (Law 78/2025): the group is high from its effective date.</summary>
    MinistryList = 1,
}

/// <summary>
/// One classification of a product group (a category, <see cref="Product.Category"/>) or, overriding its group, of one
/// registered product. Never updated: a new assessment supersedes the older from its effective date, so the history
/// stays. No organization column: it is the authority's record about goods, not a business's row.
/// </summary>
public sealed class RiskAssessment
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    /// <summary>The group as written (e.g. "Sầu riêng"); <see cref="GroupKey"/> is what matching uses.</summary>
    public required string ProductGroup { get; set; }
    public required string GroupKey { get; set; }
    /// <summary>Set for a product-level assessment, which overrides the group's level for that product.</summary>
    public Guid? ProductId { get; set; }
    public RiskSource Source { get; set; }
    public decimal? K { get; set; }
    public int? C { get; set; }
    public int? P { get; set; }
    public decimal? R { get; set; }
    public RiskLevel Level { get; set; }
    public DateOnly EffectiveFrom { get; set; }
    /// <summary>The ministry and decision of an imported list, or the officer's note.</summary>
    public string? Basis { get; set; }
    public Guid? AgencyId { get; set; }
    public required string AssessedBy { get; set; }
    public DateTime AssessedAt { get; set; } = DateTime.UtcNow;

    /// <summary>Groups match by their trimmed, lower-cased name, so "Sầu riêng" and "sầu riêng " are one group.</summary>
    public static string KeyOf(string group) => group.Trim().ToLowerInvariant();
}

internal sealed class RiskAssessmentConfiguration : IEntityTypeConfiguration<RiskAssessment>
{
    public void Configure(EntityTypeBuilder<RiskAssessment> b)
    {
        b.ToTable("risk_assessments");
        b.Property(a => a.ProductGroup).HasMaxLength(200);
        b.Property(a => a.GroupKey).HasMaxLength(200);
        b.Property(a => a.K).HasPrecision(4, 2);
        b.Property(a => a.R).HasPrecision(6, 2);
        b.Property(a => a.Basis).HasMaxLength(500);
        b.Property(a => a.AssessedBy).HasMaxLength(100);
        b.HasIndex(a => new { a.GroupKey, a.EffectiveFrom });
        b.HasIndex(a => a.ProductId);
        b.HasOne<Product>().WithMany().HasForeignKey(a => a.ProductId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Agencies.Agency>().WithMany().HasForeignKey(a => a.AgencyId).OnDelete(DeleteBehavior.Restrict);
    }
}
