using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace VnTrace.Server.Programme.Plans;

/// <summary>
/// The province's traceability plan (kế hoạch triển khai), e.g. 2026–2030 under the People's Committee's decision:
/// its yearly targets name indicators of the catalogue; the actuals are always computed (<see cref="IIndicator"/>).
/// </summary>
public sealed class ProgrammePlan
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string Name { get; set; }
    /// <summary>The decision that issued the plan (số quyết định), e.g. "125/QĐ-UBND".</summary>
    public string? DecisionNumber { get; set; }
    public DateOnly? DecisionDate { get; set; }
    public int FromYear { get; set; }
    public int ToYear { get; set; }
    public Guid? CreatedBy { get; set; }
    public DateTime CreatedAt { get; set; } = DateTime.UtcNow;
    public List<PlanTarget> Targets { get; set; } = [];
}

/// <summary>One year's target for one indicator of a plan. A count, or a percent (0–100) for the *_pct indicators.</summary>
public sealed class PlanTarget
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid PlanId { get; set; }
    public int Year { get; set; }
    /// <summary>One of <see cref="IndicatorCodes.All"/>.</summary>
    public required string Indicator { get; set; }
    public decimal Target { get; set; }
}

internal sealed class ProgrammePlanConfiguration : IEntityTypeConfiguration<ProgrammePlan>
{
    public void Configure(EntityTypeBuilder<ProgrammePlan> b)
    {
        b.ToTable("programme_plans");
        b.Property(p => p.Name).HasMaxLength(300);
        b.Property(p => p.DecisionNumber).HasMaxLength(100);
        b.HasMany(p => p.Targets).WithOne().HasForeignKey(t => t.PlanId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PlanTargetConfiguration : IEntityTypeConfiguration<PlanTarget>
{
    public void Configure(EntityTypeBuilder<PlanTarget> b)
    {
        b.ToTable("programme_plan_targets");
        b.Property(t => t.Indicator).HasMaxLength(60);
        b.Property(t => t.Target).HasPrecision(12, 2);
        b.HasIndex(t => new { t.PlanId, t.Year, t.Indicator }).IsUnique();
    }
}
