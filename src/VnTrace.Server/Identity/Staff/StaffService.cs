using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using VnTrace.Server.Organizations;
using VnTrace.Server.Platform.Audit;
using VnTrace.Server.Platform.Data;

namespace VnTrace.Server.Identity.Staff;

/// <summary>Where an invitation link stands when someone opens or uses it.</summary>
public enum InvitationState
{
    Valid,
    Unknown,
    Used,
    Expired,
    Revoked,
}

/// <summary>What the person opening an invitation link is told about it.</summary>
public sealed record InvitationView(InvitationState State, string? OrganizationName = null, string? InviteeName = null, string? Role = null);

/// <summary>A new invitation: <see cref="Token"/> exists only here, to be put in the link handed to the colleague.</summary>
public sealed record IssuedInvitation(Guid Id, string Token, DateTime ExpiresAt);

/// <summary>The outcome of using an invitation: the new user, or why not.</summary>
public sealed record AcceptedInvitation(InvitationState State, Guid? UserId, IReadOnlyList<IdentityError> Errors);

/// <summary>The outcome of changing or removing a member.</summary>
public enum MemberChange
{
    Done,
    /// <summary>No active member of this organization has that id (another organization's user included).</summary>
    NotFound,
    /// <summary>Refused: the organization would be left without an owner.</summary>
    LastOwner,
    UnknownRole,
}

/// <summary>A member of the organization as the owner sees it; <see cref="Role"/> is null for a removed member.</summary>
public sealed record StaffMember(Guid Id, string UserName, string FullName, string? Role, DateTimeOffset? LockedUntil, DateTime CreatedAt)
{
    public bool Removed => Role is null;
}

/// <summary>An invitation not used yet (perhaps expired), as listed to the owner.</summary>
public sealed record PendingInvitation(Guid Id, string InviteeName, string Role, DateTime CreatedAt, DateTime ExpiresAt);

/// <summary>
/// A business's people: invitations handed over as one-time links (no e-mail needed), accepting them, changing a
/// member's role and removing a member. A removed member keeps the user row (the audit trail names it) but is locked
/// out, loses its roles and its security stamp, so its open sessions end within the stamp validation interval.
/// An organization always keeps at least one owner. Every change is audited in the same transaction.
/// </summary>
public sealed class StaffService(VnTraceDbContext db, UserManager<AppUser> users, AuditTrail audit, TimeProvider clock)
{
    public static readonly TimeSpan InvitationLifetime = TimeSpan.FromDays(7);

    /// <summary>The roles an owner gives inside the business.</summary>
    public static readonly string[] BusinessRoles = [Roles.BusinessOwner, Roles.BusinessStaff];

    public const int PageSize = 25;

    public async Task<(IReadOnlyList<StaffMember> Members, int Total)> MembersAsync(Guid organizationId, string? search, int page, CancellationToken ct)
    {
        var query = db.Users.Where(u => u.OrganizationId == organizationId);
        if (OrganizationCodes.Clean(search) is { } q)
            query = query.Where(u => u.FullName.Contains(q) || u.UserName!.Contains(q));
        var total = await query.CountAsync(ct);
        var rows = await query
            .OrderBy(u => u.FullName).ThenBy(u => u.UserName)
            .Skip((Math.Max(1, page) - 1) * PageSize).Take(PageSize)
            .Select(u => new
            {
                u.Id,
                u.UserName,
                u.FullName,
                u.LockoutEnd,
                u.CreatedAt,
                Roles = db.UserRoles.Where(r => r.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name).ToList(),
            })
            .ToListAsync(ct);
        var now = clock.GetUtcNow();
        return (rows.Select(r => new StaffMember(r.Id, r.UserName ?? "", r.FullName, BusinessRoles.FirstOrDefault(r.Roles.Contains),
            r.LockoutEnd > now ? r.LockoutEnd : null, r.CreatedAt)).ToList(), total);
    }

    public async Task<IReadOnlyList<PendingInvitation>> PendingInvitationsAsync(Guid organizationId, CancellationToken ct) =>
        await db.StaffInvitations
            .Where(i => i.OrganizationId == organizationId && i.AcceptedAt == null && i.RevokedAt == null)
            .OrderByDescending(i => i.CreatedAt)
            .Select(i => new PendingInvitation(i.Id, i.InviteeName, i.Role, i.CreatedAt, i.ExpiresAt))
            .ToListAsync(ct);

    /// <returns>Null for a role an owner cannot give.</returns>
    public async Task<IssuedInvitation?> InviteAsync(Guid organizationId, string inviteeName, string role, Guid createdBy, CancellationToken ct)
    {
        if (!BusinessRoles.Contains(role))
            return null;
        var token = SecretTokens.New();
        var now = clock.GetUtcNow().UtcDateTime;
        var invitation = new StaffInvitation
        {
            OrganizationId = organizationId,
            InviteeName = inviteeName.Trim(),
            Role = role,
            TokenHash = SecretTokens.Hash(token),
            CreatedBy = createdBy,
            CreatedAt = now,
            ExpiresAt = now + InvitationLifetime,
        };
        db.StaffInvitations.Add(invitation);
        audit.Record("staff.invite", nameof(StaffInvitation), invitation.Id, new { invitation.InviteeName, invitation.Role, invitation.ExpiresAt }, organizationId);
        await db.SaveChangesAsync(ct);
        return new IssuedInvitation(invitation.Id, token, invitation.ExpiresAt);
    }

    /// <returns>False when the organization has no unused invitation with that id.</returns>
    public async Task<bool> RevokeInvitationAsync(Guid organizationId, Guid invitationId, CancellationToken ct)
    {
        var invitation = await db.StaffInvitations.AsTracking()
            .FirstOrDefaultAsync(i => i.Id == invitationId && i.OrganizationId == organizationId && i.AcceptedAt == null, ct);
        if (invitation is null)
            return false;
        if (invitation.RevokedAt is null)
        {
            invitation.RevokedAt = clock.GetUtcNow().UtcDateTime;
            audit.Record("staff.invitation-revoke", nameof(StaffInvitation), invitation.Id, new { invitation.InviteeName, invitation.Role }, organizationId);
            await db.SaveChangesAsync(ct);
        }
        return true;
    }

    /// <summary>What an invitation link leads to, for the page that opens it.</summary>
    public async Task<InvitationView> FindInvitationAsync(string? token, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 100)
            return new InvitationView(InvitationState.Unknown);
        var hash = SecretTokens.Hash(token);
        var found = await db.StaffInvitations
            .IgnoreTenantFilter("the invitee opens the link before belonging to any organization; the token is the key")
            .Where(i => i.TokenHash == hash)
            .Join(db.Organizations, i => i.OrganizationId, o => o.Id, (i, o) => new { Invitation = i, o.Name })
            .FirstOrDefaultAsync(ct);
        if (found is null)
            return new InvitationView(InvitationState.Unknown);
        var i = found.Invitation;
        var state = i.RevokedAt is not null ? InvitationState.Revoked
            : i.AcceptedAt is not null ? InvitationState.Used
            : i.ExpiresAt <= clock.GetUtcNow().UtcDateTime ? InvitationState.Expired
            : InvitationState.Valid;
        return new InvitationView(state, found.Name, i.InviteeName, i.Role);
    }

    /// <summary>
    /// Uses an invitation: creates the user in the invitation's organization and role and marks the invitation used,
    /// all or nothing. The invitation is claimed by a conditional update first, so of two simultaneous uses one
    /// wins and the other is told the link was used; a refused password gives the link back.
    /// </summary>
    public async Task<AcceptedInvitation> AcceptAsync(string? token, string fullName, string userName, string password, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 100)
            return new AcceptedInvitation(InvitationState.Unknown, null, []);
        var hash = SecretTokens.Hash(token);
        var now = clock.GetUtcNow().UtcDateTime;
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            var claimed = await db.StaffInvitations
                .IgnoreTenantFilter("the invitee joins through the token, before belonging to any organization")
                .Where(i => i.TokenHash == hash && i.AcceptedAt == null && i.RevokedAt == null && i.ExpiresAt > now)
                .ExecuteUpdateAsync(s => s.SetProperty(i => i.AcceptedAt, now), ct);
            if (claimed == 1)
            {
                var invitation = await db.StaffInvitations.AsTracking()
                    .IgnoreTenantFilter("the invitee joins through the token, before belonging to any organization")
                    .SingleAsync(i => i.TokenHash == hash, ct);
                var user = new AppUser { UserName = userName.Trim(), FullName = fullName.Trim(), OrganizationId = invitation.OrganizationId, AgencyId = invitation.AgencyId, CreatedAt = now };
                var created = await users.CreateAsync(user, password);
                if (created.Succeeded)
                    created = await users.AddToRoleAsync(user, invitation.Role);
                if (!created.Succeeded)
                {
                    await tx.RollbackAsync(ct);
                    db.ChangeTracker.Clear();
                    return new AcceptedInvitation(InvitationState.Valid, null, created.Errors.ToList());
                }
                invitation.AcceptedBy = user.Id;
                audit.Record("staff.join", nameof(AppUser), user.Id, new { user.UserName, user.FullName, invitation.Role, invitation = invitation.Id }, invitation.OrganizationId);
                await db.SaveChangesAsync(ct);
                await tx.CommitAsync(ct);
                db.ChangeTracker.Clear();
                return new AcceptedInvitation(InvitationState.Valid, user.Id, []);
            }
        }
        return new AcceptedInvitation((await FindInvitationAsync(token, ct)).State, null, []);
    }

    /// <summary>Gives an active member another business role; the last owner cannot be made staff.</summary>
    public Task<MemberChange> ChangeRoleAsync(Guid organizationId, Guid userId, string role, CancellationToken ct)
    {
        if (!BusinessRoles.Contains(role))
            return Task.FromResult(MemberChange.UnknownRole);
        return ChangeMemberAsync(organizationId, userId, ct, async (user, current) =>
        {
            if (current == role)
                return MemberChange.Done;
            if (current == Roles.BusinessOwner && await OwnerCountAsync(organizationId, ct) <= 1)
                return MemberChange.LastOwner;
            await Check(users.RemoveFromRoleAsync(user, current));
            await Check(users.AddToRoleAsync(user, role));
            await Check(users.UpdateSecurityStampAsync(user));
            audit.Record("staff.role", nameof(AppUser), user.Id, new { user.UserName, from = current, to = role }, organizationId);
            return MemberChange.Done;
        });
    }

    /// <summary>Removes a member: locked out for good, roles taken away, sessions ended; the last owner stays.</summary>
    public Task<MemberChange> RemoveAsync(Guid organizationId, Guid userId, CancellationToken ct) =>
        ChangeMemberAsync(organizationId, userId, ct, async (user, current) =>
        {
            if (current == Roles.BusinessOwner && await OwnerCountAsync(organizationId, ct) <= 1)
                return MemberChange.LastOwner;
            await Check(users.RemoveFromRoleAsync(user, current));
            await Check(users.SetLockoutEnabledAsync(user, true));
            await Check(users.SetLockoutEndDateAsync(user, DateTimeOffset.MaxValue));
            await Check(users.UpdateSecurityStampAsync(user));
            audit.Record("staff.remove", nameof(AppUser), user.Id, new { user.UserName, user.FullName, role = current }, organizationId);
            return MemberChange.Done;
        });

    private async Task<MemberChange> ChangeMemberAsync(Guid organizationId, Guid userId, CancellationToken ct,
        Func<AppUser, string, Task<MemberChange>> change)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // Member changes of one organization take turns: this no-op update locks the organization's row (the whole
        // database on SQLite) until commit, so two owners demoting each other at the same moment cannot both pass
        // the "another owner remains" check.
        await db.Organizations.Where(o => o.Id == organizationId).ExecuteUpdateAsync(s => s.SetProperty(o => o.Name, o => o.Name), ct);
        var user = await db.Users.AsTracking().FirstOrDefaultAsync(u => u.Id == userId && u.OrganizationId == organizationId, ct);
        if (user is null)
            return MemberChange.NotFound;
        var current = (await users.GetRolesAsync(user)).FirstOrDefault(BusinessRoles.Contains);
        if (current is null)
            return MemberChange.NotFound;
        var outcome = await change(user, current);
        if (outcome != MemberChange.Done)
            return outcome;
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return MemberChange.Done;
    }

    private Task<int> OwnerCountAsync(Guid organizationId, CancellationToken ct) =>
        db.UserRoles.Join(db.Roles.Where(r => r.Name == Roles.BusinessOwner), ur => ur.RoleId, r => r.Id, (ur, _) => ur.UserId)
            .Join(db.Users.Where(u => u.OrganizationId == organizationId), id => id, u => u.Id, (id, _) => id)
            .CountAsync(ct);

    private static async Task Check(Task<IdentityResult> operation)
    {
        var result = await operation;
        if (!result.Succeeded)
            throw new InvalidOperationException("Identity refused a staff change: " + string.Join("; ", result.Errors.Select(e => e.Description)));
    }
}
