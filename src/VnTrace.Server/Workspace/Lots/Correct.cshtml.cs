using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using VnTrace.Server.Identity;
using VnTrace.Server.Lots;
using VnTrace.Server.Lots.Diary;
using VnTrace.Server.Platform.Data;

namespace VnTrace.Server.Workspace.Lots;

/// <summary>
/// "Correct this event": the event stays as it was; an error declaration says it was wrong (and why), and a
/// corrective event with the right time or quantity can be recorded with it. Only the business's own events.
/// </summary>
public sealed class CorrectModel(VnTraceDbContext db, CurrentBusiness business, DiaryCorrections corrections, LotHistory history,
    IStringLocalizer<LotText> t) : PageModel
{
    [BindProperty]
    public CorrectionForm Form { get; set; } = new();

    public Lot Lot { get; private set; } = null!;
    public TimelineEntry Event { get; private set; } = null!;

    public sealed class CorrectionForm
    {
        [Display(Name = "Correction.Reason")]
        public CorrectionReason Reason { get; set; }

        [MaxLength(DiaryChecks.MaxNote, ErrorMessage = "Validation.MaxLength"), Display(Name = "Correction.Note")]
        public string? Note { get; set; }

        [Display(Name = "Correction.Time")]
        public DateTime? CorrectedTime { get; set; }

        [Display(Name = "Correction.Quantity")]
        public string? CorrectedQuantity { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(Guid id, long eventRow, CancellationToken ct)
    {
        if (!await LoadAsync(id, eventRow, ct))
            return NotFound();
        if (Event.Erroneous)
            TempData["Error"] = t["Diary.AlreadyCorrected"].Value;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, long eventRow, CancellationToken ct)
    {
        if (!await LoadAsync(id, eventRow, ct))
            return NotFound();
        if (!LotForms.TryParseQuantity(Form.CorrectedQuantity, out var quantity))
            ModelState.AddModelError("Form.CorrectedQuantity", t["Diary.NumberInvalid"]);
        if (!ModelState.IsValid)
            return Page();
        var result = await corrections.CorrectAsync(business.Id, new CorrectionEntry(eventRow, Form.Reason, Form.Note, Form.CorrectedTime, quantity), ct);
        if (!result.Success)
        {
            ModelState.AddDiaryErrors(result.Errors);
            return Page();
        }
        TempData["Message"] = t["Correction.Done"].Value;
        return Redirect($"/workspace/lots/{id}");
    }

    private async Task<bool> LoadAsync(Guid id, long eventRow, CancellationToken ct)
    {
        var org = business.Id;
        var lot = await db.Lots.FirstOrDefaultAsync(l => l.Id == id && l.OrganizationId == org, ct);
        if (lot is null)
            return false;
        var entry = await history.OwnEventAsync(org, lot, eventRow, ct);
        if (entry is null)
            return false;
        Lot = lot;
        Event = entry;
        return true;
    }
}
