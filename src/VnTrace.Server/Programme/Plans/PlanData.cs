using VnTrace.Server.Programme.Plans;

namespace VnTrace.Server.Platform.Data;

// The programme's plans and their yearly targets.
public abstract partial class VnTraceDbContext
{
    public Microsoft.EntityFrameworkCore.DbSet<ProgrammePlan> ProgrammePlans => Set<ProgrammePlan>();
    public Microsoft.EntityFrameworkCore.DbSet<PlanTarget> PlanTargets => Set<PlanTarget>();
}
