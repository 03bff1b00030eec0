using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using VnTrace.Server.Identity;
using VnTrace.Server.Lots;
using VnTrace.Server.Platform.Data;
using VnTrace.Server.Platform.Web;
using VnTrace.Server.Recall;

namespace VnTrace.Server.Workspace.Recalls;

/// <summary>
/// A business recalls its own lots (from a lot's page, or by typing codes): every business the goods reached is
/// notified. Which lots it may recall is <see cref="RecallService"/>'s decision: its own, and those shipped to it.
/// </summary>
public sealed class NewModel(VnTraceDbContext db, CurrentBusiness business, RecallService recalls, IStringLocalizer<RecallText> l) : PageModel
{
    [BindProperty]
    public OpenRecallForm Form { get; set; } = new();

    /// <summary>The lot whose page the business came from, for the breadcrumb.</summary>
    public Lot? FromLot { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid? lotId, CancellationToken ct)
    {
        if (lotId is { } id)
        {
            var org = business.Id;
            FromLot = await db.Lots.FirstOrDefaultAsync(l => l.Id == id && l.OrganizationId == org, ct);
            if (FromLot is null)
                return NotFound();
            Form.Lots = LotCodes.LotClass(FromLot.Gtin, FromLot.LotNumber);
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var lots = RecallForms.ReadLots(Form.Lots, otherErrors: !ModelState.IsValid, l);
        ModelState.AddFieldErrors(lots.Errors);
        if (!ModelState.IsValid)
            return Page();
        var opened = await RecallForms.OpenAsync(recalls, business.Id, lots, Form.Reason!, l, ct);
        ModelState.AddFieldErrors(opened.Errors);
        if (opened.Campaign is not { } campaign)
            return Page();
        TempData["Message"] = l["Recall.Opened", campaign.Notices.Count].Value;
        return Redirect($"/workspace/recalls/{campaign.Id}");
    }
}
