using Microsoft.EntityFrameworkCore;
using VnTrace.Server.Programme.Inspections;
using VnTrace.Server.Programme.Support;

namespace VnTrace.Server.Platform.Data;

// The support programme (calls, applications, budget) and inspections and conformity assessments.
public abstract partial class VnTraceDbContext
{
    public DbSet<SupportCall> SupportCalls => Set<SupportCall>();
    public DbSet<SupportCriterion> SupportCriteria => Set<SupportCriterion>();
    public DbSet<SupportApplication> SupportApplications => Set<SupportApplication>();
    public DbSet<SupportScore> SupportScores => Set<SupportScore>();
    public DbSet<SupportActivity> SupportActivities => Set<SupportActivity>();
    public DbSet<BudgetLine> BudgetLines => Set<BudgetLine>();
    public DbSet<BudgetEntry> BudgetEntries => Set<BudgetEntry>();
    public DbSet<InspectionPlan> InspectionPlans => Set<InspectionPlan>();
    public DbSet<InspectionVisit> InspectionVisits => Set<InspectionVisit>();
    public DbSet<VisitChecklistItem> InspectionChecklistItems => Set<VisitChecklistItem>();
    public DbSet<InspectionFinding> InspectionFindings => Set<InspectionFinding>();
    public DbSet<CorrectiveAction> CorrectiveActions => Set<CorrectiveAction>();
    public DbSet<ConformityAssessment> ConformityAssessments => Set<ConformityAssessment>();
}
