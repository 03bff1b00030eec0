using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using VnTrace.Server.Identity;
using VnTrace.Server.Platform.Data;
using VnTrace.Server.Platform.Web;
using VnTrace.Server.Recall;
using VnTrace.Server.Trace;

namespace VnTrace.Server.Workspace.Recalls;

/// <summary>
/// One recall as the business sees it. The business that opened it sees the whole campaign and closes it; a business
/// the goods reached sees its notice (why, which lots, how much it received, which of its lots are affected) and
/// acknowledges it with what it recovered. Any other business gets 404.
/// </summary>
public sealed class DetailsModel(VnTraceDbContext db, CurrentBusiness business, RecallService recalls, TraceOptions options,
    Microsoft.Extensions.Localization.IStringLocalizer<VnTrace.Server.Trace.TraceText> traceText,
    IStringLocalizer<RecallText> l) : PageModel
{
    /// <summary>Rows of "your lots affected" (the rest is in the business's own trace pages).</summary>
    public const int MaxAffected = 200;

    public RecallDocument Document { get; private set; } = null!;
    /// <summary>The whole campaign, for the business that opened it; null for a notified business.</summary>
    public RecallCampaignView? Campaign { get; private set; }
    public RecallNoticeDocument? Notice { get; private set; }
    public IReadOnlyList<RecallItem> Named { get; private set; } = [];
    public IReadOnlyList<RecallItem> Affected { get; private set; } = [];

    [BindProperty]
    public AcknowledgeRecallForm Form { get; set; } = new();

    [BindProperty]
    public CloseRecallForm CloseForm { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
            return NotFound();
        if (Notice is { AcknowledgedAt: not null } n)
        {
            Form.QuantityRecovered = VnTrace.Server.Lots.LotForms.ForInput(n.QuantityRecovered);
            Form.Note = n.Note;
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAcknowledgeAsync(Guid id, CancellationToken ct)
    {
        ModelState.Remove("CloseForm.Note");
        var (quantity, errors) = RecallForms.ReadQuantity(Form, l);
        ModelState.AddFieldErrors(errors);
        if (ModelState.IsValid)
        {
            var refusal = await recalls.AcknowledgeAsync(id, business.Id, quantity, string.IsNullOrWhiteSpace(Form.Note) ? null : Form.Note.Trim(), ct);
            if (refusal is null)
            {
                TempData["Message"] = l["Notice.Done"].Value;
                return Redirect($"/workspace/recalls/{id}");
            }
            if (refusal.Status == 404)
                return NotFound();
            ModelState.AddModelError("", refusal.Status == 409 ? l["Notice.Closed"] : l["Error.Refused", refusal.Message]);
        }
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostCloseAsync(Guid id, CancellationToken ct)
    {
        ModelState.Remove("Form.QuantityRecovered");
        ModelState.Remove("Form.Note");
        if (ModelState.IsValid)
        {
            var note = string.IsNullOrWhiteSpace(CloseForm.Note) ? null : CloseForm.Note.Trim();
            var refusal = await recalls.CloseAsync(id, business.Id, isAuthority: false, note, ct);
            if (refusal is null)
            {
                TempData["Message"] = l["Close.Done"].Value;
                return Redirect($"/workspace/recalls/{id}");
            }
            if (refusal.Status == 404)
                return NotFound();
            ModelState.AddModelError("", refusal.Status == 409 ? l["Close.AlreadyClosed"] : l["Error.Refused", refusal.Message]);
        }
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var org = business.Id;
        var document = await RecallDocuments.ReadAsync(db, id, org, seesEverything: false, ct);
        if (document is null)
            return false;
        Document = document;
        var visibility = await TraceVisibility.OfAsync(db, org, ct);
        if (document.InitiatorId == org)
        {
            var links = await RecallLinks.OwnLotsAsync(db, org, [.. document.Lots, .. document.Downstream.Take(RecallCampaignView.MaxRows)], ct);
            Campaign = await RecallCampaignView.BuildAsync(db, options, document, visibility, links, traceText, ct);
            return true;
        }
        Notice = document.Notices.Single(n => n.OrganizationId == org);
        var affected = await RecallLinks.AffectedAsync(db, id, visibility, MaxAffected, ct);
        var own = await RecallLinks.OwnLotsAsync(db, org, affected, ct);
        var english = System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";
        // The recalled lots are named, not linked: they may belong to someone else.
        var items = await RecallCampaignView.ItemsAsync(db, [.. document.Lots, .. affected], english, code => own(code), ct);
        Named = [.. document.Lots.Select(code => items[code] with { Href = null })];
        Affected = [.. affected.Select(code => items[code])];
        return true;
    }
}
