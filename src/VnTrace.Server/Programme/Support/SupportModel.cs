using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace VnTrace.Server.Programme.Support;

/// <summary>
/// Where an application is in the support programme. Stages move forward only in this order; a selection ends in
/// <see cref="Selected"/> or <see cref="Rejected"/>, and only a selected application is supported and evaluated.
/// </summary>
public enum SupportStage
{
    Applied = 0,
    Surveyed = 1,
    Scored = 2,
    Selected = 3,
    Rejected = 4,
    Supported = 5,
    Evaluated = 6,
}

/// <summary>What the province pays for under a support call.</summary>
public enum SupportActivityKind
{
    Training = 0,
    Consulting = 1,
    Stamps = 2,
    Software = 3,
    Equipment = 4,
}

/// <summary>A budget line's movement: money committed (contracted) or spent (paid).</summary>
public enum BudgetEntryKind
{
    Commitment = 0,
    Spending = 1,
}

/// <summary>The evaluation after support: were the application's aims met.</summary>
public enum SupportOutcome
{
    Achieved = 0,
    PartlyAchieved = 1,
    NotAchieved = 2,
}

/// <summary>The DoST's yearly call for support (đợt hỗ trợ), with the criteria applications are scored on.</summary>
public sealed class SupportCall
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public int Year { get; set; }
    public required string Title { get; set; }
    public string? Description { get; set; }
    public List<SupportCriterion> Criteria { get; set; } = [];
    public required string CreatedBy { get; set; }
    public DateTime CreatedAt { get; set; } = DateTime.UtcNow;
}

/// <summary>One selection criterion: a score between <see cref="MinScore"/> and <see cref="MaxScore"/>, weighted.</summary>
public sealed class SupportCriterion
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid CallId { get; set; }
    public int Position { get; set; }
    public required string Name { get; set; }
    public decimal Weight { get; set; }
    public int MinScore { get; set; }
    public int MaxScore { get; set; }
}

/// <summary>
/// A business's application to a call. It names the products the support is for by their registered product ids
/// (<see cref="ProductIds"/>, products of the applying business): the <c>products_supported</c> indicator counts
/// those distinct products once the application is supported.
/// </summary>
public sealed class SupportApplication
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid CallId { get; set; }
    public Guid OrganizationId { get; set; }
    public SupportStage Stage { get; set; } = SupportStage.Applied;
    public List<Guid> ProductIds { get; set; } = [];
    public string? Needs { get; set; }
    public DateOnly AppliedOn { get; set; }
    public required string AppliedBy { get; set; }
    public DateOnly? SurveyedOn { get; set; }
    public string? SurveyNotes { get; set; }
    public DateOnly? ScoredOn { get; set; }
    /// <summary>Σ weight × score over the call's criteria, when scored.</summary>
    public decimal? TotalScore { get; set; }
    public string? DecisionNumber { get; set; }
    public DateOnly? DecisionDate { get; set; }
    public string? DecisionReason { get; set; }
    public DateOnly? SupportedOn { get; set; }
    public DateOnly? EvaluatedOn { get; set; }
    public SupportOutcome? Outcome { get; set; }
    public string? EvaluationNotes { get; set; }
    public List<SupportScore> Scores { get; set; } = [];
    public List<SupportActivity> Activities { get; set; } = [];
    public DateTime CreatedAt { get; set; } = DateTime.UtcNow;
}

/// <summary>An officer's score of one criterion for one application.</summary>
public sealed class SupportScore
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ApplicationId { get; set; }
    public Guid CriterionId { get; set; }
    public int Score { get; set; }
    public required string ScoredBy { get; set; }
}

/// <summary>One support activity for a selected application, with its budget lines per funding source.</summary>
public sealed class SupportActivity
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ApplicationId { get; set; }
    public SupportActivityKind Kind { get; set; }
    public required string Description { get; set; }
    public List<BudgetLine> BudgetLines { get; set; } = [];
    public DateTime CreatedAt { get; set; } = DateTime.UtcNow;
}

/// <summary>
/// A budget line in VND (whole đồng, so <c>long</c>): the planned amount and, from its entries, what is committed and
/// spent. Neither may pass the planned amount unless a DoST officer records an override with a reason.
/// </summary>
public sealed class BudgetLine
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ActivityId { get; set; }
    public required string FundingSource { get; set; }
    public long Planned { get; set; }
    public long Committed { get; set; }
    public long Spent { get; set; }
    public List<BudgetEntry> Entries { get; set; } = [];
}

/// <summary>One commitment or payment on a budget line; an override says why it may pass the planned amount.</summary>
public sealed class BudgetEntry
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid BudgetLineId { get; set; }
    public BudgetEntryKind Kind { get; set; }
    public long Amount { get; set; }
    public DateOnly Date { get; set; }
    public string? OverrideReason { get; set; }
    public required string RecordedBy { get; set; }
    public DateTime CreatedAt { get; set; } = DateTime.UtcNow;
}

internal sealed class SupportCallConfiguration : IEntityTypeConfiguration<SupportCall>
{
    public void Configure(EntityTypeBuilder<SupportCall> b)
    {
        b.ToTable("support_calls");
        b.Property(c => c.Title).HasMaxLength(300);
        b.Property(c => c.Description).HasMaxLength(4000);
        b.Property(c => c.CreatedBy).HasMaxLength(100);
        b.HasMany(c => c.Criteria).WithOne().HasForeignKey(c => c.CallId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(c => c.Year);
    }
}

internal sealed class SupportCriterionConfiguration : IEntityTypeConfiguration<SupportCriterion>
{
    public void Configure(EntityTypeBuilder<SupportCriterion> b)
    {
        b.ToTable("support_criteria");
        b.Property(c => c.Name).HasMaxLength(300);
        b.Property(c => c.Weight).HasPrecision(9, 3);
    }
}

internal sealed class SupportApplicationConfiguration : IEntityTypeConfiguration<SupportApplication>
{
    public void Configure(EntityTypeBuilder<SupportApplication> b)
    {
        b.ToTable("support_applications");
        b.Property(a => a.Stage).HasConversion<string>().HasMaxLength(20);
        b.Property(a => a.Outcome).HasConversion<string>().HasMaxLength(20);
        b.Property(a => a.Needs).HasMaxLength(4000);
        b.Property(a => a.AppliedBy).HasMaxLength(100);
        b.Property(a => a.SurveyNotes).HasMaxLength(4000);
        b.Property(a => a.TotalScore).HasPrecision(12, 3);
        b.Property(a => a.DecisionNumber).HasMaxLength(100);
        b.Property(a => a.DecisionReason).HasMaxLength(2000);
        b.Property(a => a.EvaluationNotes).HasMaxLength(4000);
        b.HasOne<SupportCall>().WithMany().HasForeignKey(a => a.CallId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Organizations.Organization>().WithMany().HasForeignKey(a => a.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(a => a.Scores).WithOne().HasForeignKey(s => s.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(a => a.Activities).WithOne().HasForeignKey(s => s.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        // One application per business and call.
        b.HasIndex(a => new { a.CallId, a.OrganizationId }).IsUnique();
        b.HasIndex(a => new { a.OrganizationId, a.SupportedOn });
    }
}

internal sealed class SupportScoreConfiguration : IEntityTypeConfiguration<SupportScore>
{
    public void Configure(EntityTypeBuilder<SupportScore> b)
    {
        b.ToTable("support_scores");
        b.Property(s => s.ScoredBy).HasMaxLength(100);
        b.HasOne<SupportCriterion>().WithMany().HasForeignKey(s => s.CriterionId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(s => new { s.ApplicationId, s.CriterionId }).IsUnique();
    }
}

internal sealed class SupportActivityConfiguration : IEntityTypeConfiguration<SupportActivity>
{
    public void Configure(EntityTypeBuilder<SupportActivity> b)
    {
        b.ToTable("support_activities");
        b.Property(a => a.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(a => a.Description).HasMaxLength(2000);
        b.HasMany(a => a.BudgetLines).WithOne().HasForeignKey(l => l.ActivityId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class BudgetLineConfiguration : IEntityTypeConfiguration<BudgetLine>
{
    public void Configure(EntityTypeBuilder<BudgetLine> b)
    {
        b.ToTable("support_budget_lines");
        b.Property(l => l.FundingSource).HasMaxLength(200);
        b.HasMany(l => l.Entries).WithOne().HasForeignKey(e => e.BudgetLineId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class BudgetEntryConfiguration : IEntityTypeConfiguration<BudgetEntry>
{
    public void Configure(EntityTypeBuilder<BudgetEntry> b)
    {
        b.ToTable("support_budget_entries");
        b.Property(e => e.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(e => e.OverrideReason).HasMaxLength(2000);
        b.Property(e => e.RecordedBy).HasMaxLength(100);
    }
}
