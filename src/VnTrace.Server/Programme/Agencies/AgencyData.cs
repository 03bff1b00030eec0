using VnTrace.Server.Programme.Agencies;

namespace VnTrace.Server.Platform.Data;

// The programme's agencies and their keys; other programme features add their sets in files of their own.
public abstract partial class VnTraceDbContext
{
    public Microsoft.EntityFrameworkCore.DbSet<Agency> Agencies => Set<Agency>();
    public Microsoft.EntityFrameworkCore.DbSet<AgencyApiKey> AgencyApiKeys => Set<AgencyApiKey>();
}
