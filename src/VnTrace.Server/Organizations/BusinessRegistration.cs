using VnTrace.Server.Identity;
using Microsoft.AspNetCore.Identity;
using VnTrace.Server.Platform.Audit;
using VnTrace.Server.Platform.Data;

namespace VnTrace.Server.Organizations;

/// <summary>What a business gives when it signs up: the organization and its first owner.</summary>
public sealed record BusinessSignUp(
    string OrganizationName, BusinessForm Form, string? TaxCode, string? ProvinceCode, string? CommuneCode, string? AddressLine,
    string? ContactName, string? Phone, string? Email, string? Sector, bool OcopParticipant, string? Gs1CompanyPrefix,
    string OwnerFullName, string UserName, string Password);

/// <summary>
/// Signs a business up: the organization (pending until the authority approves it) and its owner account, in one
/// transaction, so a refused password or a taken user name leaves nothing behind.
/// </summary>
public sealed class BusinessRegistration(VnTraceDbContext db, UserManager<AppUser> users, AuditTrail audit)
{
    public async Task<(Organization? Organization, IReadOnlyList<IdentityError> Errors)> RegisterAsync(BusinessSignUp s, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var organization = new Organization
        {
            Name = s.OrganizationName.Trim(),
            Kind = OrganizationKind.Business,
            Status = OrganizationStatus.Pending,
            Form = s.Form,
            TaxCode = s.TaxCode,
            ProvinceCode = s.ProvinceCode,
            CommuneCode = s.CommuneCode,
            AddressLine = s.AddressLine,
            ContactName = s.ContactName ?? s.OwnerFullName,
            Phone = s.Phone,
            Email = s.Email,
            Sector = s.Sector,
            OcopParticipant = s.OcopParticipant,
            Gs1CompanyPrefix = s.Gs1CompanyPrefix,
        };
        db.Organizations.Add(organization);
        await db.SaveChangesAsync(ct);

        var owner = new AppUser { UserName = s.UserName.Trim(), FullName = s.OwnerFullName.Trim(), OrganizationId = organization.Id, Email = s.Email, PhoneNumber = s.Phone };
        var created = await users.CreateAsync(owner, s.Password);
        if (!created.Succeeded)
            return (null, created.Errors.ToList());
        var role = await users.AddToRoleAsync(owner, Roles.BusinessOwner);
        if (!role.Succeeded)
            return (null, role.Errors.ToList());

        audit.Record("organization.sign-up", nameof(Organization), organization.Id, new { organization.Name, organization.TaxCode, owner = owner.UserName }, organization.Id);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        db.ChangeTracker.Clear();
        return (organization, []);
    }
}
