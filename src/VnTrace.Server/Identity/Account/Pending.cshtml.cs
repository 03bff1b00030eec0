using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using VnTrace.Server.Organizations;
using VnTrace.Server.Platform.Data;

namespace VnTrace.Server.Identity.Account;

/// <summary>Tells a business whose sign-up is not approved (or was rejected, or suspended) where it stands.</summary>
[Authorize]
public sealed class PendingModel(VnTraceDbContext db) : PageModel
{
    public Organization? Organization { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var id = User.FindOrganizationId();
        if (id is null)
            return Redirect("/account/denied");
        Organization = await db.Organizations.FirstOrDefaultAsync(o => o.Id == id, ct);
        if (Organization is { Status: OrganizationStatus.Approved })
            return Redirect("/account/home");
        return Page();
    }
}
