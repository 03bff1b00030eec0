using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using VnTrace.Server.Platform.Data;
using VnTrace.Server.Identity;
using VnTrace.Server.Recall;
using VnTrace.Server.Trace;

namespace VnTrace.Server.Authority.Recalls;

/// <summary>
/// One campaign as the authority sees it: everything downstream, every business with what reached it and what it
/// recovered; officers close it, inspectors only read.
/// </summary>
public sealed class DetailsModel(VnTraceDbContext db, RecallService recalls, TraceOptions options, IAuthorizationService authorization,
    Microsoft.Extensions.Localization.IStringLocalizer<TraceText> traceText,
    IStringLocalizer<RecallText> l) : PageModel
{
    public RecallCampaignView View { get; private set; } = null!;
    public bool CanClose { get; private set; }

    [BindProperty]
    public CloseRecallForm CloseForm { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) =>
        await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostCloseAsync(Guid id, CancellationToken ct)
    {
        if (!(await authorization.AuthorizeAsync(User, Policies.AuthorityWrite)).Succeeded)
            return Forbid();
        if (ModelState.IsValid)
        {
            var refusal = await recalls.CloseAsync(id, User.FindOrganizationId() ?? Guid.Empty, isAuthority: true, Note(CloseForm.Note), ct);
            if (refusal is null)
            {
                TempData["Message"] = l["Close.Done"].Value;
                return Redirect($"/authority/recalls/{id}");
            }
            if (refusal.Status == 404)
                return NotFound();
            ModelState.AddModelError("", refusal.Status == 409 ? l["Close.AlreadyClosed"] : l["Error.Refused", refusal.Message]);
        }
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var document = await RecallDocuments.ReadAsync(db, id, User.FindOrganizationId(), seesEverything: true, ct);
        if (document is null)
            return false;
        CanClose = (await authorization.AuthorizeAsync(User, Policies.AuthorityWrite)).Succeeded;
        var visibility = new TraceVisibility(User.FindOrganizationId() ?? Guid.Empty, null, SeesEverything: true);
        View = await RecallCampaignView.BuildAsync(db, options, document, visibility,
            code => "/authority/trace?direction=Forward&code=" + Uri.EscapeDataString(code), traceText, ct);
        return true;
    }

    internal static string? Note(string? note) => string.IsNullOrWhiteSpace(note) ? null : note.Trim();
}
