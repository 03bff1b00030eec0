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

/// <summary>Processing: some of the business's lots go in, a new lot of one of its products comes out (one TransformationEvent).</summary>
public sealed class ProcessModel(VnTraceDbContext db, CurrentBusiness business, DiaryService diary, TimeProvider clock,
    IStringLocalizer<LotText> t) : PageModel
{
    /// <summary>Input rows the form offers; empty rows are ignored.</summary>
    public const int InputRows = 4;

    [BindProperty]
    public ProcessForm Form { get; set; } = new();

    public List<SelectListItem> Lots { get; private set; } = [];
    public List<SelectListItem> Products { get; private set; } = [];
    public List<SelectListItem> Locations { get; private set; } = [];

    public sealed class InputRow
    {
        [Display(Name = "Process.InputLot")]
        public Guid? LotId { get; set; }

        [Display(Name = "Process.InputQuantity")]
        public string? Quantity { get; set; }
    }

    public sealed class ProcessForm
    {
        public List<InputRow> Inputs { get; set; } = [];

        [Display(Name = "Process.OutputProduct")]
        public Guid? OutputProductId { get; set; }

        [MaxLength(40, ErrorMessage = "Validation.MaxLength"), Display(Name = "Process.OutputLotNumber")]
        public string? OutputLotNumber { get; set; }

        [Display(Name = "Process.OutputQuantity")]
        public string? OutputQuantity { get; set; }

        [Display(Name = "Diary.Location")]
        public Guid? LocationId { get; set; }

        [Display(Name = "Diary.Time")]
        public DateTime? Time { get; set; }

        [Display(Name = "Lot.ExpiryDate")]
        public DateOnly? ExpiryDate { get; set; }

        [MaxLength(DiaryChecks.MaxNote, ErrorMessage = "Validation.MaxLength"), Display(Name = "Diary.Note")]
        public string? Note { get; set; }
    }

    public async Task OnGetAsync(Guid? from, CancellationToken ct)
    {
        Form.Inputs = [new InputRow { LotId = from }];
        Form.Time = VietnamTime.NowToTheMinute(clock);
        await LoadChoicesAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var inputs = new List<LotQuantity>();
        var rows = new List<int>();
        for (var i = 0; i < Form.Inputs.Count; i++)
        {
            var row = Form.Inputs[i];
            if (row.LotId is null && string.IsNullOrWhiteSpace(row.Quantity))
                continue;
            if (!LotForms.TryParseQuantity(row.Quantity, out var q))
                ModelState.AddModelError($"Form.Inputs[{i}].Quantity", t["Diary.NumberInvalid"]);
            else if (q is null)
                ModelState.AddModelError($"Form.Inputs[{i}].Quantity", t["Diary.Required"]);
            if (row.LotId is null)
                ModelState.AddModelError($"Form.Inputs[{i}].LotId", t["Diary.Required"]);
            inputs.Add(new LotQuantity(row.LotId ?? Guid.Empty, q ?? 0));
            rows.Add(i);
        }
        if (!LotForms.TryParseQuantity(Form.OutputQuantity, out var output))
            ModelState.AddModelError("Form.OutputQuantity", t["Diary.NumberInvalid"]);
        else if (output is null)
            ModelState.AddModelError("Form.OutputQuantity", t["Diary.Required"]);
        if (Form.OutputProductId is null)
            ModelState.AddModelError("Form.OutputProductId", t["Diary.Required"]);
        if (Form.LocationId is null)
            ModelState.AddModelError("Form.LocationId", t["Diary.Required"]);
        if (Form.Time is null)
            ModelState.AddModelError("Form.Time", t["Diary.Required"]);
        if (!ModelState.IsValid)
        {
            await LoadChoicesAsync(ct);
            return Page();
        }

        var result = await diary.ProcessAsync(business.Id, new ProcessingEntry(inputs, Form.OutputProductId!.Value, Form.OutputLotNumber ?? "",
            output!.Value, Form.LocationId!.Value, Form.Time!.Value, ExpiryDate: Form.ExpiryDate, Note: Form.Note), ct);
        if (!result.Success)
        {
            // "Inputs[2]" of the entry is the form's third filled row, which may sit lower in the form.
            ModelState.AddDiaryErrors(result.Errors, field =>
                field == nameof(ProcessingEntry.Inputs) ? ""
                : field.StartsWith("Inputs[", StringComparison.Ordinal) && int.TryParse(field[7..^1], out var n) && n < rows.Count
                    ? $"Inputs[{rows[n]}].LotId"
                    : null);
            await LoadChoicesAsync(ct);
            return Page();
        }
        TempData["Message"] = t["Process.Done", (Form.OutputLotNumber ?? "").Trim()].Value;
        return Redirect($"/workspace/lots/{result.LotId}");
    }

    private async Task LoadChoicesAsync(CancellationToken ct)
    {
        while (Form.Inputs.Count < InputRows)
            Form.Inputs.Add(new InputRow());
        Lots = await LotForms.OpenLotsAsync(db, business.Id, ct);
        Products = await LotForms.ProductsAsync(db, business.Id, ct);
        Locations = await LotForms.LocationsAsync(db, business.Id, ct);
    }
}
