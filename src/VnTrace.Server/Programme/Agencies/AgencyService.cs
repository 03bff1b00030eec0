using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using VnTrace.Server.Identity;
using VnTrace.Server.Identity.Staff;
using VnTrace.Server.Organizations;
using VnTrace.Server.Organizations.Reference;
using VnTrace.Server.Platform.Audit;
using VnTrace.Server.Platform.Data;

namespace VnTrace.Server.Programme.Agencies;

/// <summary>What a new or edited agency says.</summary>
public sealed record AgencyInput(string Name, AgencyKind Kind, IReadOnlyList<string> Sectors, string? CommuneCode);

/// <summary>An officer of an agency, as the DoST sees it; <see cref="Removed"/> once taken off.</summary>
public sealed record OfficerView(Guid Id, string UserName, string FullName, string? Role, bool Removed, DateTime CreatedAt);

/// <summary>
/// The agencies of the province and their officers. Only the DoST (<see cref="OfficerScope.CanApprove"/>) manages
/// them; officers join through the same one-time invitation links as business staff.
/// </summary>
public sealed class AgencyService(VnTraceDbContext db, UserManager<AppUser> users, AgencyKeyService keys, AuditTrail audit, TimeProvider clock)
{
    /// <summary>The roles an officer may be invited into, by agency kind.</summary>
    public static IReadOnlyList<string> RolesFor(AgencyKind kind) => kind switch
    {
        AgencyKind.Department => [Roles.DepartmentOfficer],
        AgencyKind.Commune => [Roles.CommuneOfficer],
        _ => [Roles.Authority, Roles.Inspector],
    };

    public async Task<IReadOnlyList<Agency>> ListAsync(CancellationToken ct = default) =>
        await db.Agencies.AsNoTracking().OrderBy(a => a.Kind).ThenBy(a => a.Name).ToListAsync(ct);

    public Task<Agency?> FindAsync(Guid id, CancellationToken ct = default) =>
        db.Agencies.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct);

    public async Task<(Agency? Agency, IReadOnlyList<Refusal> Refusals)> CreateAsync(OfficerScope officer, AgencyInput input, CancellationToken ct = default)
    {
        if (!officer.CanApprove)
            return (null, [Refusal.Forbidden("Only the DoST's officers manage agencies.")]);
        if (input.Kind == AgencyKind.Dost)
            return (null, [Refusal.Invalid("The province has one DoST; new agencies are departments or communes.", "kind")]);
        var refusals = await CheckAsync(input, null, ct);
        if (refusals.Count > 0)
            return (null, refusals);
        var agency = new Agency { Name = input.Name.Trim(), Kind = input.Kind, CreatedAt = clock.GetUtcNow().UtcDateTime };
        Apply(agency, input);
        db.Agencies.Add(agency);
        audit.Record("agency.create", nameof(Agency), agency.Id, new { agency.Name, agency.Kind, agency.Sectors, agency.CommuneCode });
        await db.SaveChangesAsync(ct);
        return (agency, []);
    }

    /// <summary>Renames an agency or changes its sectors or commune; its kind stays (its officers' roles depend on it).</summary>
    public async Task<IReadOnlyList<Refusal>> UpdateAsync(OfficerScope officer, Guid id, AgencyInput input, CancellationToken ct = default)
    {
        if (!officer.CanApprove)
            return [Refusal.Forbidden("Only the DoST's officers manage agencies.")];
        var agency = await db.Agencies.AsTracking().FirstOrDefaultAsync(a => a.Id == id, ct);
        if (agency is null)
            return [Refusal.NotFound($"There is no agency {id}.")];
        if (input.Kind != agency.Kind)
            return [Refusal.Invalid("An agency's kind cannot change; create a new agency instead.", "kind")];
        var refusals = await CheckAsync(input, id, ct);
        if (refusals.Count > 0)
            return refusals;
        agency.Name = input.Name.Trim();
        Apply(agency, input);
        agency.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        audit.Record("agency.update", nameof(Agency), agency.Id, new { agency.Name, agency.Sectors, agency.CommuneCode });
        await db.SaveChangesAsync(ct);
        return [];
    }

    private static void Apply(Agency agency, AgencyInput input)
    {
        agency.Sectors = input.Kind == AgencyKind.Department ? input.Sectors.Distinct().Order().ToList() : [];
        agency.CommuneCode = input.Kind == AgencyKind.Commune ? input.CommuneCode?.Trim() : null;
    }

    private async Task<IReadOnlyList<Refusal>> CheckAsync(AgencyInput input, Guid? self, CancellationToken ct)
    {
        var refusals = new List<Refusal>();
        var name = input.Name?.Trim() ?? "";
        if (name.Length is 0 or > 300)
            refusals.Add(Refusal.Invalid("The agency needs a name of at most 300 characters.", "name"));
        else if (await db.Agencies.AnyAsync(a => a.Name == name && a.Id != self, ct))
            refusals.Add(Refusal.Conflict($"There is already an agency named '{name}'.", "name"));
        if (input.Kind == AgencyKind.Department)
        {
            if (input.Sectors.Count == 0)
                refusals.Add(Refusal.Invalid("A department answers for at least one sector.", "sectors"));
            foreach (var sector in input.Sectors.Where(s => !Sectors.IsKnown(s)))
                refusals.Add(Refusal.Invalid($"'{sector}' is not a sector code ({string.Join(", ", Sectors.Codes)}).", "sectors"));
        }
        if (input.Kind == AgencyKind.Commune && (input.CommuneCode is null || AdministrativeUnits.FindCommune(input.CommuneCode.Trim()) is null))
            refusals.Add(Refusal.Invalid("A commune agency needs the GSO code of its commune.", "communeCode"));
        return refusals;
    }

    /// <summary>The agency's officers; the DoST's include authority users given no agency (the first officers).</summary>
    public async Task<IReadOnlyList<OfficerView>> OfficersAsync(Guid agencyId, CancellationToken ct = default)
    {
        var agency = await FindAsync(agencyId, ct);
        if (agency is null)
            return [];
        var officerRoles = Roles.Officers;
        var rows = await db.Users
            .Where(u => u.AgencyId == agencyId || (agency.Kind == AgencyKind.Dost && u.AgencyId == null
                && db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && officerRoles.Contains(r.Name!)))))
            .OrderBy(u => u.FullName)
            .Select(u => new
            {
                u.Id, u.UserName, u.FullName, u.CreatedAt, u.LockoutEnd,
                Roles = db.UserRoles.Where(ur => ur.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name).ToList(),
            })
            .ToListAsync(ct);
        var now = clock.GetUtcNow();
        return rows.Select(r =>
        {
            var role = officerRoles.FirstOrDefault(r.Roles.Contains);
            return new OfficerView(r.Id, r.UserName ?? "", r.FullName, role, role is null || r.LockoutEnd > now, r.CreatedAt);
        }).ToList();
    }

    /// <summary>
    /// An invitation link for a new officer of the agency, in a role that fits its kind. The officer joins the
    /// authority organization (so the console knows them) and the agency (so the scope does).
    /// </summary>
    public async Task<(IssuedInvitation? Invitation, Refusal? Refusal)> InviteOfficerAsync(OfficerScope officer, Guid agencyId,
        string inviteeName, string role, CancellationToken ct = default)
    {
        if (!officer.CanApprove || officer.UserId is not { } inviter)
            return (null, Refusal.Forbidden("Only the DoST's officers invite officers."));
        var agency = await FindAsync(agencyId, ct);
        if (agency is null)
            return (null, Refusal.NotFound($"There is no agency {agencyId}."));
        if (!RolesFor(agency.Kind).Contains(role))
            return (null, Refusal.Invalid($"An officer of {agency.Name} is invited as {string.Join(" or ", RolesFor(agency.Kind))}.", "role"));
        var name = inviteeName?.Trim() ?? "";
        if (name.Length is 0 or > 200)
            return (null, Refusal.Invalid("Give the invitee's name (at most 200 characters).", "inviteeName"));
        var authority = await db.Organizations.Where(o => o.Kind == OrganizationKind.Authority).OrderBy(o => o.CreatedAt).Select(o => (Guid?)o.Id).FirstOrDefaultAsync(ct);
        if (authority is null)
            return (null, Refusal.Conflict("There is no authority organization yet: create it first (admin create-organization --authority)."));
        var token = SecretTokens.New();
        var now = clock.GetUtcNow().UtcDateTime;
        var invitation = new StaffInvitation
        {
            OrganizationId = authority.Value,
            AgencyId = agency.Id,
            InviteeName = name,
            Role = role,
            TokenHash = SecretTokens.Hash(token),
            CreatedBy = inviter,
            CreatedAt = now,
            ExpiresAt = now + StaffService.InvitationLifetime,
        };
        using (db.ActFor(authority.Value))
        {
            db.StaffInvitations.Add(invitation);
            audit.Record("officer.invite", nameof(StaffInvitation), invitation.Id, new { invitation.InviteeName, invitation.Role, agency = agency.Name }, authority);
            await db.SaveChangesAsync(ct);
        }
        return (new IssuedInvitation(invitation.Id, token, invitation.ExpiresAt), null);
    }

    /// <summary>Takes an officer off: locked out for good, roles removed, sessions and agency keys stop at once.</summary>
    public async Task<Refusal?> RemoveOfficerAsync(OfficerScope officer, Guid userId, CancellationToken ct = default)
    {
        if (!officer.CanApprove)
            return Refusal.Forbidden("Only the DoST's officers remove officers.");
        if (officer.UserId == userId)
            return Refusal.Conflict("An officer cannot remove themself; another DoST officer does.");
        var user = await db.Users.AsTracking().FirstOrDefaultAsync(u => u.Id == userId, ct);
        var roles = user is null ? [] : await users.GetRolesAsync(user);
        var role = Roles.Officers.FirstOrDefault(roles.Contains);
        if (user is null || role is null)
            return Refusal.NotFound($"There is no active officer {userId}.");
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await Check(users.RemoveFromRoleAsync(user, role));
        await Check(users.SetLockoutEnabledAsync(user, true));
        await Check(users.SetLockoutEndDateAsync(user, DateTimeOffset.MaxValue));
        await Check(users.UpdateSecurityStampAsync(user));
        await keys.RevokeAllOfAsync(userId, ct);
        audit.Record("officer.remove", nameof(AppUser), user.Id, new { user.UserName, user.FullName, role, agency = user.AgencyId });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return null;
    }

    private static async Task Check(Task<IdentityResult> operation)
    {
        var result = await operation;
        if (!result.Succeeded)
            throw new InvalidOperationException("Identity refused an officer change: " + string.Join("; ", result.Errors.Select(e => e.Description)));
    }
}
