using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using VnTrace.Server.Identity;
using VnTrace.Server.Platform.Data;
using VnTrace.Server.Programme.Support;

namespace VnTrace.Server.Workspace.Support;

/// <summary>The business applies for support and follows only its own applications.</summary>
public sealed class IndexModel(SupportQueries queries, SupportService support, CurrentBusiness business, VnTraceDbContext db, Microsoft.Extensions.Localization.IStringLocalizer<VnTrace.Server.Programme.Support.SupportText> text) : PageModel
{
    public IReadOnlyList<SupportCallView> Calls { get; private set; } = [];
    public IReadOnlyList<ApplicationSummary> Mine { get; private set; } = [];
    public IReadOnlyList<(Guid Id, string Name)> Products { get; private set; } = [];

    [BindProperty] public Guid CallId { get; set; }
    [BindProperty] public List<Guid> ProductIds { get; set; } = [];
    [BindProperty] public string? Needs { get; set; }
    [TempData] public string? Message { get; set; }
    public string? Problem { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var outcome = await support.ApplyAsBusinessAsync(business.Id, business.UserId, CallId, ProductIds, Needs, ct);
        if (outcome.Refusal is { } refusal)
        {
            Problem = refusal.Message;
            await LoadAsync(ct);
            return Page();
        }
        Message = text["Workspace.Applied"];
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Calls = await queries.CallsAsync(null, ct);
        Mine = await queries.ApplicationsOfAsync(business.Id, ct);
        Products = (await db.Products.Where(p => p.OrganizationId == business.Id).OrderBy(p => p.NameVi)
            .Select(p => new { p.Id, p.NameVi }).ToListAsync(ct)).Select(p => (p.Id, p.NameVi)).ToList();
    }
}
