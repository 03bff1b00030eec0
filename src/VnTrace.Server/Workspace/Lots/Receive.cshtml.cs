using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Localization;
using VnTrace.Server.Identity;
using VnTrace.Server.Lots;
using VnTrace.Server.Lots.Diary;
using VnTrace.Server.Platform.Data;
using VnTrace.Server.Platform.Text;

namespace VnTrace.Server.Workspace.Lots;

/// <summary>
/// Receiving goods from a partner: type or scan the code on its label, pick the shipment it sent us, say where and
/// when it arrived. What, how much, from whom and the despatch advice come from the partner's shipping event.
/// </summary>
public sealed class ReceiveModel(VnTraceDbContext db, CurrentBusiness business, LotReceiving receiving, TimeProvider clock,
    IStringLocalizer<LotText> t) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Code { get; set; }

    [BindProperty]
    public ReceiveForm Form { get; set; } = new();

    public ShipmentSearch? Search { get; private set; }
    public List<SelectListItem> Locations { get; private set; } = [];

    /// <summary>The shipment whose form was posted, to show its errors beside its fields.</summary>
    public long? PostedShipment { get; private set; }

    public sealed class ReceiveForm
    {
        public long ShipmentId { get; set; }

        [Display(Name = "Receive.Location")]
        public Guid? LocationId { get; set; }

        [Display(Name = "Diary.Time")]
        public DateTime? Time { get; set; }

        public List<string?> Quantities { get; set; } = [];

        [MaxLength(DiaryChecks.MaxNote, ErrorMessage = "Validation.MaxLength"), Display(Name = "Diary.Note")]
        public string? Note { get; set; }
    }

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        Form.Time = VietnamTime.NowToTheMinute(clock);
        Form.LocationId = Locations.Count > 0 ? Guid.Parse(Locations[0].Value) : null;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        PostedShipment = Form.ShipmentId;
        var quantities = new List<decimal>();
        var given = Form.Quantities.Any(q => !string.IsNullOrWhiteSpace(q));
        for (var i = 0; given && i < Form.Quantities.Count; i++)
        {
            if (!LotForms.TryParseQuantity(Form.Quantities[i], out var q))
                ModelState.AddModelError($"Form.Quantities[{i}]", t["Diary.NumberInvalid"]);
            else if (q is null)
                ModelState.AddModelError($"Form.Quantities[{i}]", t["Diary.Required"]);
            else
                quantities.Add(q.Value);
        }
        if (Form.LocationId is null)
            ModelState.AddModelError("Form.LocationId", t["Diary.Required"]);
        if (Form.Time is null)
            ModelState.AddModelError("Form.Time", t["Diary.Required"]);
        if (ModelState.IsValid)
        {
            var result = await receiving.ReceiveAsync(business.Id,
                new ReceivingEntry(Form.ShipmentId, Form.LocationId!.Value, Form.Time!.Value, given ? quantities : null, Form.Note), ct);
            if (result.Success)
            {
                TempData["Message"] = t["Receive.Done"].Value;
                return Redirect($"/workspace/lots/{result.LotId}");
            }
            ModelState.AddDiaryErrors(result.Errors);
        }
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Locations = await LotForms.LocationsAsync(db, business.Id, ct);
        if (!string.IsNullOrWhiteSpace(Code))
            Search = await receiving.FindShipmentsAsync(business.Id, Code, ct);
    }
}
