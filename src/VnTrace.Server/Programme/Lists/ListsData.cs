using VnTrace.Server.Programme.Lists;
using VnTrace.Server.Programme.Risk;

namespace VnTrace.Server.Platform.Data;

// The programme's product lists and risk assessments.
public abstract partial class VnTraceDbContext
{
    public Microsoft.EntityFrameworkCore.DbSet<ProductListEdition> ProductListEditions => Set<ProductListEdition>();
    public Microsoft.EntityFrameworkCore.DbSet<ProductListEntry> ProductListEntries => Set<ProductListEntry>();
    public Microsoft.EntityFrameworkCore.DbSet<RiskAssessment> RiskAssessments => Set<RiskAssessment>();
}
