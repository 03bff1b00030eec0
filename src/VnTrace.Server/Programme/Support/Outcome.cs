using Microsoft.EntityFrameworkCore;
using VnTrace.Server.Organizations;
using VnTrace.Server.Platform.Data;
using VnTrace.Server.Programme.Agencies;

namespace VnTrace.Server.Programme.Support;

/// <summary>What a programme service did: the value, or why it refused.</summary>
public readonly record struct Outcome<T>(T? Value, Refusal? Refusal)
{
    public static implicit operator Outcome<T>(Refusal refusal) => new(default, refusal);
    public static Outcome<T> Done(T value) => new(value, null);
}

/// <summary>The checks support and inspections share: a business in the officer's scope, and the officer's rights.</summary>
internal static class ProgrammeChecks
{
    /// <summary>
    /// The approved business, if the scope covers it: an unknown id is 404, a business outside the scope 403 (the
    /// officer may know it exists, from another list, but may not act for it).
    /// </summary>
    public static async Task<(Organization? Organization, Refusal? Refusal)> BusinessInScopeAsync(
        VnTraceDbContext db, OfficerScope scope, Guid organizationId, CancellationToken ct)
    {
        var organization = await db.Organizations.AsNoTracking()
            .FirstOrDefaultAsync(o => o.Id == organizationId && o.Kind == OrganizationKind.Business, ct);
        if (organization is null)
            return (null, Refusal.NotFound("No business with this id.") with { Field = "organizationId" });
        if (!scope.Covers(organization.Sector, organization.CommuneCode))
            return (null, Refusal.Forbidden("This business is outside your agency's sectors or commune."));
        if (organization.Status != OrganizationStatus.Approved)
            return (null, Refusal.Conflict("This business is not approved.", "organizationId"));
        return (organization, null);
    }

    /// <summary>The ids of the businesses in the scope, for filtering records by organization.</summary>
    public static IQueryable<Guid> BusinessIds(VnTraceDbContext db, OfficerScope scope) =>
        scope.Organizations(db.Organizations).Select(o => o.Id);

    public static Refusal? MustRecord(OfficerScope scope) =>
        scope.CanRecord ? null : Refusal.Forbidden("Inspectors read the programme; they do not record in it.");

    public static Refusal? MustApprove(OfficerScope scope, string what) =>
        scope.CanApprove ? null : Refusal.Forbidden($"Only a DoST officer {what}; department and commune officers do not.");

    public static Refusal? Text(string? value, string field, int max, bool required = true)
    {
        if (string.IsNullOrWhiteSpace(value))
            return required ? Refusal.Invalid($"{field} is required.", field) : null;
        return value.Trim().Length > max ? Refusal.Invalid($"{field} is longer than {max} characters.", field) : null;
    }
}
