using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace VnTrace.Server.Programme.Inspections;

/// <summary>How a visited business meets one checklist requirement.</summary>
public enum ChecklistResult
{
    NotChecked = 0,
    Conform = 1,
    Nonconform = 2,
    NotApplicable = 3,
}

/// <summary>The result of a conformity assessment of a business's traceability system.</summary>
public enum AssessmentResult
{
    Pass = 0,
    Fail = 1,
}

/// <summary>
/// An agency's yearly inspection plan. Its checklist (item code and wording) is copied into each visit, so a later
/// change of the plan's checklist does not rewrite visits already made; a new plan starts from <see cref="TcvnChecklist.Default"/>.
/// </summary>
public sealed class InspectionPlan
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid AgencyId { get; set; }
    public int Year { get; set; }
    public required string Title { get; set; }
    public List<ChecklistTemplateItem> Checklist { get; set; } = [];
    public required string CreatedBy { get; set; }
    public DateTime CreatedAt { get; set; } = DateTime.UtcNow;
}

/// <summary>One requirement of a plan's checklist.</summary>
public sealed class ChecklistTemplateItem
{
    public required string Code { get; set; }
    public required string Text { get; set; }
}

/// <summary>One inspection visit of a business under a plan: its checklist, findings and corrective actions.</summary>
public sealed class InspectionVisit
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid PlanId { get; set; }
    public Guid OrganizationId { get; set; }
    /// <summary>The agency that made the visit (a department records inspections of its own).</summary>
    public Guid AgencyId { get; set; }
    public DateOnly VisitDate { get; set; }
    public string? Inspectors { get; set; }
    public List<VisitChecklistItem> Checklist { get; set; } = [];
    public List<InspectionFinding> Findings { get; set; } = [];
    public DateOnly? ClosedOn { get; set; }
    public string? ClosingNotes { get; set; }
    public required string RecordedBy { get; set; }
    public DateTime CreatedAt { get; set; } = DateTime.UtcNow;
}

public sealed class VisitChecklistItem
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid VisitId { get; set; }
    public int Position { get; set; }
    public required string Code { get; set; }
    public required string Text { get; set; }
    public ChecklistResult Result { get; set; }
    public string? Note { get; set; }
}

/// <summary>What the inspectors found, against a checklist item or not.</summary>
public sealed class InspectionFinding
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid VisitId { get; set; }
    public string? ChecklistCode { get; set; }
    public required string Description { get; set; }
    public List<CorrectiveAction> Actions { get; set; } = [];
    public DateTime CreatedAt { get; set; } = DateTime.UtcNow;
}

/// <summary>What the business must do about a finding, by when; done when <see cref="CompletedOn"/> is set.</summary>
public sealed class CorrectiveAction
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid FindingId { get; set; }
    public required string Description { get; set; }
    public DateOnly DueDate { get; set; }
    public DateOnly? CompletedOn { get; set; }
    public string? CompletionNotes { get; set; }
    public DateTime CreatedAt { get; set; } = DateTime.UtcNow;
}

/// <summary>
/// A conformity assessment (certification) of a business's traceability system against TCVN 12850:2019. A pass
/// counts in <c>businesses_certified</c> in the period its <see cref="AssessedOn"/> falls in.
/// </summary>
public sealed class ConformityAssessment
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganizationId { get; set; }
    public Guid AgencyId { get; set; }
    public AssessmentResult Result { get; set; }
    public string? CertificateNumber { get; set; }
    public DateOnly AssessedOn { get; set; }
    public DateOnly ValidFrom { get; set; }
    public DateOnly ValidTo { get; set; }
    public string? Body { get; set; }
    public string? Notes { get; set; }
    public required string RecordedBy { get; set; }
    public DateTime CreatedAt { get; set; } = DateTime.UtcNow;
}

internal sealed class InspectionPlanConfiguration : IEntityTypeConfiguration<InspectionPlan>
{
    public void Configure(EntityTypeBuilder<InspectionPlan> b)
    {
        b.ToTable("inspection_plans");
        b.Property(p => p.Title).HasMaxLength(300);
        b.Property(p => p.CreatedBy).HasMaxLength(100);
        b.OwnsMany(p => p.Checklist, c => c.ToJson());
        b.HasOne<Agencies.Agency>().WithMany().HasForeignKey(p => p.AgencyId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class InspectionVisitConfiguration : IEntityTypeConfiguration<InspectionVisit>
{
    public void Configure(EntityTypeBuilder<InspectionVisit> b)
    {
        b.ToTable("inspection_visits");
        b.Property(v => v.Inspectors).HasMaxLength(500);
        b.Property(v => v.ClosingNotes).HasMaxLength(2000);
        b.Property(v => v.RecordedBy).HasMaxLength(100);
        b.HasOne<InspectionPlan>().WithMany().HasForeignKey(v => v.PlanId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Organizations.Organization>().WithMany().HasForeignKey(v => v.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(v => v.Checklist).WithOne().HasForeignKey(i => i.VisitId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(v => v.Findings).WithOne().HasForeignKey(f => f.VisitId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(v => new { v.OrganizationId, v.VisitDate });
    }
}

internal sealed class VisitChecklistItemConfiguration : IEntityTypeConfiguration<VisitChecklistItem>
{
    public void Configure(EntityTypeBuilder<VisitChecklistItem> b)
    {
        b.ToTable("inspection_checklist_items");
        b.Property(i => i.Code).HasMaxLength(20);
        b.Property(i => i.Text).HasMaxLength(1000);
        b.Property(i => i.Result).HasConversion<string>().HasMaxLength(20);
        b.Property(i => i.Note).HasMaxLength(2000);
        b.HasIndex(i => new { i.VisitId, i.Code }).IsUnique();
    }
}

internal sealed class InspectionFindingConfiguration : IEntityTypeConfiguration<InspectionFinding>
{
    public void Configure(EntityTypeBuilder<InspectionFinding> b)
    {
        b.ToTable("inspection_findings");
        b.Property(f => f.ChecklistCode).HasMaxLength(20);
        b.Property(f => f.Description).HasMaxLength(2000);
        b.HasMany(f => f.Actions).WithOne().HasForeignKey(a => a.FindingId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CorrectiveActionConfiguration : IEntityTypeConfiguration<CorrectiveAction>
{
    public void Configure(EntityTypeBuilder<CorrectiveAction> b)
    {
        b.ToTable("inspection_corrective_actions");
        b.Property(a => a.Description).HasMaxLength(2000);
        b.Property(a => a.CompletionNotes).HasMaxLength(2000);
    }
}

internal sealed class ConformityAssessmentConfiguration : IEntityTypeConfiguration<ConformityAssessment>
{
    public void Configure(EntityTypeBuilder<ConformityAssessment> b)
    {
        b.ToTable("conformity_assessments");
        b.Property(a => a.Result).HasConversion<string>().HasMaxLength(10);
        b.Property(a => a.CertificateNumber).HasMaxLength(100);
        b.Property(a => a.Body).HasMaxLength(300);
        b.Property(a => a.Notes).HasMaxLength(2000);
        b.Property(a => a.RecordedBy).HasMaxLength(100);
        b.HasOne<Organizations.Organization>().WithMany().HasForeignKey(a => a.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(a => new { a.Result, a.AssessedOn });
    }
}
