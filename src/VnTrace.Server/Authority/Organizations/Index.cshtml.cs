using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using VnTrace.Server.Gs1Allocation;
using VnTrace.Server.Organizations;
using VnTrace.Server.Platform.Data;
using VnTrace.Server.Identity;

namespace VnTrace.Server.Authority.Organizations;

/// <summary>Businesses that take part, with the sign-ups waiting for a decision first.</summary>
public sealed class IndexModel(VnTraceDbContext db, OrganizationDecisions decisions, IAuthorizationService authorization,
    IStringLocalizer<AuthorityText> t, IStringLocalizer<Gs1AllocationText> codes) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)]
    public OrganizationStatus? Status { get; set; } = OrganizationStatus.Pending;

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public int Total { get; private set; }
    public bool CanDecide { get; private set; }

    public sealed record Row(Guid Id, string Name, string? TaxCode, BusinessForm Form, string? Sector, string? Phone,
        OrganizationStatus Status, DateTime CreatedAt, string? Owner);

    public async Task OnGetAsync(CancellationToken ct)
    {
        CanDecide = (await authorization.AuthorizeAsync(User, Policies.AuthorityWrite)).Succeeded;
        var query = db.Organizations.Where(o => o.Kind == OrganizationKind.Business);
        if (Status is { } s)
            query = query.Where(o => o.Status == s);
        if (!string.IsNullOrWhiteSpace(Q))
        {
            var q = Q.Trim();
            query = query.Where(o => o.Name.Contains(q) || o.TaxCode == q);
        }
        Total = await query.CountAsync(ct);
        PageNumber = Math.Max(1, PageNumber);
        Rows = await query.OrderByDescending(o => o.CreatedAt).Skip((PageNumber - 1) * PageSize).Take(PageSize)
            .Select(o => new Row(o.Id, o.Name, o.TaxCode, o.Form, o.Sector, o.Phone, o.Status, o.CreatedAt,
                db.Users.Where(u => u.OrganizationId == o.Id).OrderBy(u => u.CreatedAt).Select(u => u.FullName).FirstOrDefault()))
            .ToListAsync(ct);
    }

    public async Task<IActionResult> OnPostDecideAsync(Guid id, OrganizationStatus decision, string? note, CancellationToken ct)
    {
        if (!(await authorization.AuthorizeAsync(User, Policies.AuthorityWrite)).Succeeded)
            return Forbid();
        if (decision is not (OrganizationStatus.Approved or OrganizationStatus.Rejected or OrganizationStatus.Suspended))
            return BadRequest();
        if (decision != OrganizationStatus.Approved && string.IsNullOrWhiteSpace(note))
        {
            TempData["Error"] = t["Organizations.ReasonRequired"].Value;
            return RedirectToPage(new { Status, Q, p = PageNumber });
        }
        try
        {
            if (!await decisions.DecideAsync(id, decision, note, User.UserId()!.Value, ct))
                return NotFound();
        }
        catch (Gs1AllocationException e)
        {
            TempData["Error"] = codes["Gs1Allocation.ApprovalFailed", e.Message].Value;
            return RedirectToPage(new { Status, Q, p = PageNumber });
        }
        TempData["Message"] = t["Organizations.Decided." + decision].Value;
        return RedirectToPage(new { Status, Q, p = PageNumber });
    }
}
