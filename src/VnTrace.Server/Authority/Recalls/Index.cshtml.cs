using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using VnTrace.Server.Platform.Data;
using VnTrace.Server.Identity;
using VnTrace.Server.Recall;

namespace VnTrace.Server.Authority.Recalls;

/// <summary>Every recall campaign in the province, open ones first in mind: status, reason, who answered.</summary>
public sealed class IndexModel(VnTraceDbContext db, IAuthorizationService authorization) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public RecallStatus? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public IReadOnlyList<RecallRow> Rows { get; private set; } = [];
    public int Total { get; private set; }
    public bool CanOpen { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        CanOpen = (await authorization.AuthorizeAsync(User, Policies.AuthorityWrite)).Succeeded;
        PageNumber = Math.Max(1, PageNumber);
        (Rows, Total) = await RecallRows.PageAsync(db, db.RecallCampaigns, Status, Q, PageNumber, ct);
    }
}
