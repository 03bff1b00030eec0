using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace VnTrace.Server.Programme.Lists;

/// <summary>The three yearly lists a province keeps (danh mục bắt buộc / ưu tiên / theo yêu cầu).</summary>
public enum ProductListKind
{
    Mandatory = 0,
    Priority = 1,
    OnRequest = 2,
}

public enum ListEntryStatus
{
    Proposed = 0,
    Approved = 1,
    Rejected = 2,
}

/// <summary>
/// A year's edition of the lists. Open while proposals are decided; once the DoST approves it, it is frozen: no
/// proposal, approval or rejection changes it any more, and the next year's edition starts as a copy of its approved
/// entries.
/// </summary>
public sealed class ProductListEdition
{
    public int Year { get; set; }
    public bool Frozen { get; set; }
    public DateTime CreatedAt { get; set; } = DateTime.UtcNow;
    /// <summary>The earlier frozen edition this one was copied from.</summary>
    public int? CopiedFromYear { get; set; }
    public DateTime? ApprovedAt { get; set; }
    public string? ApprovedBy { get; set; }
    public string? Decision { get; set; }
}

/// <summary>
/// One entry of a list: a product group (a category, optionally narrowed to a GTIN prefix or to one registered
/// product), its sector and responsible agency, why and on what legal basis, by when. Entries are never deleted: a
/// rejected one stays with its reason, so each edition keeps its history. No organization column: a list is the
/// province's, not a business's.
/// </summary>
public sealed class ProductListEntry
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public int Year { get; set; }
    public ProductListKind List { get; set; }
    public required string ProductGroup { get; set; }
    /// <summary>Trimmed and lower-cased <see cref="ProductGroup"/>: duplicates and product matching use it.</summary>
    public required string GroupKey { get; set; }
    /// <summary>Digits a product's GTIN (13 digits, or its GTIN-14 form) starts with, e.g. a company prefix.</summary>
    public string? GtinPrefix { get; set; }
    public Guid? ProductId { get; set; }
    public required string Sector { get; set; }
    public Guid ResponsibleAgencyId { get; set; }
    public required string Reason { get; set; }
    public string? LegalBasis { get; set; }
    public DateOnly? RoadmapDate { get; set; }
    /// <summary>The steps a lot of this group must have to count as traced (<see cref="Coverage.TraceSteps"/>); empty for the default.</summary>
    public List<string> Steps { get; set; } = [];
    public ListEntryStatus Status { get; set; }
    public Guid ProposedByAgencyId { get; set; }
    public required string ProposedBy { get; set; }
    public DateTime ProposedAt { get; set; } = DateTime.UtcNow;
    public string? DecidedBy { get; set; }
    public DateTime? DecidedAt { get; set; }
    public string? DecisionReason { get; set; }
    /// <summary>The entry of the earlier edition this one was copied from.</summary>
    public Guid? CopiedFromId { get; set; }

    /// <summary>Whether a registered product falls in the entry: the entry's own product, or its group narrowed by the GTIN prefix.</summary>
    public bool Covers(Guid productId, string? category, string gtin)
    {
        if (ProductId is { } id)
            return id == productId;
        if (category is null || Risk.RiskAssessment.KeyOf(category) != GroupKey)
            return false;
        return GtinPrefix is not { } prefix || gtin.StartsWith(prefix, StringComparison.Ordinal)
            || (gtin.Length == 14 && gtin[0] == '0' && gtin.AsSpan(1).StartsWith(prefix, StringComparison.Ordinal));
    }
}

internal sealed class ProductListEditionConfiguration : IEntityTypeConfiguration<ProductListEdition>
{
    public void Configure(EntityTypeBuilder<ProductListEdition> b)
    {
        b.ToTable("product_list_editions");
        b.HasKey(e => e.Year);
        b.Property(e => e.Year).ValueGeneratedNever();
        b.Property(e => e.ApprovedBy).HasMaxLength(100);
        b.Property(e => e.Decision).HasMaxLength(300);
    }
}

internal sealed class ProductListEntryConfiguration : IEntityTypeConfiguration<ProductListEntry>
{
    public void Configure(EntityTypeBuilder<ProductListEntry> b)
    {
        b.ToTable("product_list_entries");
        b.Property(e => e.ProductGroup).HasMaxLength(200);
        b.Property(e => e.GroupKey).HasMaxLength(200);
        b.Property(e => e.GtinPrefix).HasMaxLength(14);
        b.Property(e => e.Sector).HasMaxLength(40);
        b.Property(e => e.Reason).HasMaxLength(2000);
        b.Property(e => e.LegalBasis).HasMaxLength(500);
        b.Property(e => e.ProposedBy).HasMaxLength(100);
        b.Property(e => e.DecidedBy).HasMaxLength(100);
        b.Property(e => e.DecisionReason).HasMaxLength(2000);
        b.HasIndex(e => new { e.Year, e.List, e.GroupKey });
        b.HasOne<ProductListEdition>().WithMany().HasForeignKey(e => e.Year).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Products.Product>().WithMany().HasForeignKey(e => e.ProductId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Agencies.Agency>().WithMany().HasForeignKey(e => e.ResponsibleAgencyId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Agencies.Agency>().WithMany().HasForeignKey(e => e.ProposedByAgencyId).OnDelete(DeleteBehavior.Restrict);
    }
}
