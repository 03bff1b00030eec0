using VnTrace.Server.Identity;
using VnTrace.Server.Organizations;

namespace VnTrace.Server.Programme.Agencies;

/// <summary>
/// What one authority user (or an agency API key, which carries its creator's role) may read and do in the
/// programme: the whole province for the DoST, the agency's sectors for a department, its commune for a commune
/// officer. Programme services take a scope the way business services take an organization id, and filter with
/// <see cref="Organizations"/> and <see cref="Covers(string?, string?)"/>; pages and API endpoints only resolve it.
/// </summary>
public sealed record OfficerScope(
    Guid AgencyId,
    string AgencyName,
    AgencyKind Kind,
    string Role,
    IReadOnlyList<string> Sectors,
    string? CommuneCode,
    Guid? UserId,
    Guid? KeyId = null)
{
    /// <summary>The DoST's officers, inspectors and system administrators see the whole province.</summary>
    public bool IsProvince => Kind == AgencyKind.Dost;

    /// <summary>Approving list entries, selections, closures: DoST officers and system administrators only.</summary>
    public bool CanApprove => IsProvince && Role is Roles.Authority or Roles.SystemAdmin;

    /// <summary>Recording (proposals, activities, inspections of their own): everyone but the read-only inspector.</summary>
    public bool CanRecord => Role != Roles.Inspector;

    /// <summary>Whether a record of this sector and commune falls inside the scope.</summary>
    public bool Covers(string? sector, string? communeCode) => Kind switch
    {
        AgencyKind.Dost => true,
        AgencyKind.Department => sector is not null && Sectors.Contains(sector),
        AgencyKind.Commune => communeCode is not null && communeCode == CommuneCode,
        _ => false,
    };

    /// <summary>Whether a sector is one the scope may speak for (a department proposing an entry of its sectors).</summary>
    public bool CoversSector(string? sector) => Kind switch
    {
        AgencyKind.Dost => true,
        AgencyKind.Department => sector is not null && Sectors.Contains(sector),
        // A commune officer works across sectors, inside the commune.
        AgencyKind.Commune => true,
        _ => false,
    };

    /// <summary>The businesses (never the authority's own organization) inside the scope.</summary>
    public IQueryable<Organization> Organizations(IQueryable<Organization> organizations)
    {
        var businesses = organizations.Where(o => o.Kind == OrganizationKind.Business);
        return Kind switch
        {
            AgencyKind.Dost => businesses,
            AgencyKind.Department => businesses.Where(o => o.Sector != null && Sectors.Contains(o.Sector)),
            AgencyKind.Commune => businesses.Where(o => o.CommuneCode == CommuneCode),
            _ => businesses.Where(o => false),
        };
    }

    /// <summary>Who acted, for audit entries and "recorded by" columns: the user, or the key on a user's behalf.</summary>
    public string Actor => KeyId is { } key ? $"key:{key}" : $"user:{UserId}";
}
