using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using VnTrace.Server.Identity;
using VnTrace.Server.Lots;
using VnTrace.Server.Lots.Diary;
using VnTrace.Server.Platform.Data;
using VnTrace.Server.Platform.Text;

namespace VnTrace.Server.Workspace.Lots;

/// <summary>The diary entries on one lot, one form per kind: each writes exactly one EPCIS event through <see cref="DiaryService"/>.</summary>
public sealed class RecordModel(VnTraceDbContext db, CurrentBusiness business, DiaryService diary, TimeProvider clock,
    IStringLocalizer<LotText> t) : PageModel
{
    public enum EntryKind
    {
        FarmingInput,
        Harvest,
        Packing,
        Storing,
        Shipping,
        RetailSelling,
    }

    private static readonly Dictionary<string, EntryKind> Kinds = new(StringComparer.OrdinalIgnoreCase)
    {
        ["farming-input"] = EntryKind.FarmingInput,
        ["harvest"] = EntryKind.Harvest,
        ["packing"] = EntryKind.Packing,
        ["storing"] = EntryKind.Storing,
        ["shipping"] = EntryKind.Shipping,
        ["retail-selling"] = EntryKind.RetailSelling,
    };

    [BindProperty]
    public DiaryForm Form { get; set; } = new();

    public EntryKind Kind { get; private set; }
    public string KindWord { get; private set; } = "";
    public Lot Lot { get; private set; } = null!;
    public string? ProductName { get; private set; }
    public string? Unit { get; private set; }
    public List<SelectListItem> Locations { get; private set; } = [];
    public List<(string Name, string Gln)> Partners { get; private set; } = [];
    public bool OrganizationHasGln { get; private set; }

    /// <summary>Every field any diary form has; each kind shows and sends its own.</summary>
    public sealed class DiaryForm
    {
        [Display(Name = "Diary.Location")]
        public Guid? LocationId { get; set; }

        [Display(Name = "Diary.Time")]
        public DateTime? Time { get; set; }

        [Display(Name = "Diary.Quantity")]
        public string? Quantity { get; set; }

        [Display(Name = "Diary.InputKind")]
        public FarmingInputKind InputKind { get; set; }

        [MaxLength(DiaryChecks.MaxText, ErrorMessage = "Validation.MaxLength"), Display(Name = "Diary.InputName")]
        public string? InputName { get; set; }

        [Display(Name = "Diary.Dose")]
        public string? Dose { get; set; }

        [MaxLength(30, ErrorMessage = "Validation.MaxLength"), Display(Name = "Diary.DoseUnit")]
        public string? DoseUnit { get; set; }

        [Range(0, 365, ErrorMessage = "Validation.Range"), Display(Name = "Diary.PreHarvestInterval")]
        public int? PreHarvestIntervalDays { get; set; }

        [MaxLength(DiaryChecks.MaxText, ErrorMessage = "Validation.MaxLength"), Display(Name = "Diary.Packaging")]
        public string? Packaging { get; set; }

        [Range(1, 10_000_000, ErrorMessage = "Validation.Range"), Display(Name = "Diary.PackageCount")]
        public int? PackageCount { get; set; }

        [MaxLength(400, ErrorMessage = "Validation.MaxLength"), Display(Name = "Diary.Partner")]
        public string? PartnerGln { get; set; }

        [MaxLength(40, ErrorMessage = "Validation.MaxLength"), Display(Name = "Diary.PartnerLocation")]
        public string? PartnerLocationGln { get; set; }

        [MaxLength(35, ErrorMessage = "Validation.MaxLength"), Display(Name = "Diary.DespatchAdvice")]
        public string? DespatchAdvice { get; set; }

        [MaxLength(DiaryChecks.MaxNote, ErrorMessage = "Validation.MaxLength"), Display(Name = "Diary.Note")]
        public string? Note { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(Guid id, string kind, CancellationToken ct)
    {
        if (!await LoadAsync(id, kind, ct))
            return NotFound();
        Form.LocationId = Lot.LocationId;
        Form.Time = VietnamTime.NowToTheMinute(clock);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, string kind, CancellationToken ct)
    {
        if (!await LoadAsync(id, kind, ct))
            return NotFound();
        if (Form.LocationId is null)
            ModelState.AddModelError("Form.LocationId", t["Diary.Required"]);
        if (Form.Time is null)
            ModelState.AddModelError("Form.Time", t["Diary.Required"]);
        var quantity = Number(nameof(DiaryForm.Quantity), Form.Quantity, required: Kind != EntryKind.Storing && Kind != EntryKind.FarmingInput);
        var dose = Kind == EntryKind.FarmingInput ? Number(nameof(DiaryForm.Dose), Form.Dose, required: true) : null;
        if (!ModelState.IsValid)
            return Page();

        var org = business.Id;
        var location = Form.LocationId!.Value;
        var time = Form.Time!.Value;
        var result = Kind switch
        {
            EntryKind.FarmingInput => await diary.RecordAsync(org, new FarmingInputEntry(id, location, time, Form.InputKind, Form.InputName ?? "",
                dose!.Value, Form.DoseUnit ?? "", Form.PreHarvestIntervalDays, Form.Note), ct),
            EntryKind.Harvest => await diary.RecordAsync(org, new HarvestEntry(id, location, time, quantity!.Value, Note: Form.Note), ct),
            EntryKind.Packing => await diary.RecordAsync(org, new PackingEntry(id, location, time, quantity!.Value,
                Packaging: Form.Packaging, PackageCount: Form.PackageCount, Note: Form.Note), ct),
            EntryKind.Storing => await diary.RecordAsync(org, new StoringEntry(id, location, time, quantity, Note: Form.Note), ct),
            EntryKind.Shipping => await diary.RecordAsync(org, new ShippingEntry(id, location, time, quantity!.Value, Form.PartnerGln ?? "",
                Form.PartnerLocationGln, Form.DespatchAdvice, Note: Form.Note), ct),
            _ => await diary.RecordAsync(org, new RetailSaleEntry(id, location, time, quantity!.Value, Note: Form.Note), ct),
        };
        if (!result.Success)
        {
            ModelState.AddDiaryErrors(result.Errors, field => field == "Kind" ? nameof(DiaryForm.InputKind) : null);
            return Page();
        }
        TempData["Message"] = t["Diary.Recorded", t["Entry." + KindWord]].Value;
        return Redirect($"/workspace/lots/{id}");
    }

    private decimal? Number(string field, string? text, bool required)
    {
        if (!LotForms.TryParseQuantity(text, out var value))
            ModelState.AddModelError("Form." + field, t["Diary.NumberInvalid"]);
        else if (value is null && required)
            ModelState.AddModelError("Form." + field, t["Diary.Required"]);
        return value;
    }

    private async Task<bool> LoadAsync(Guid id, string kind, CancellationToken ct)
    {
        if (!Kinds.TryGetValue(kind, out var k))
            return false;
        var org = business.Id;
        var lot = await db.Lots.FirstOrDefaultAsync(l => l.Id == id && l.OrganizationId == org, ct);
        if (lot is null)
            return false;
        Kind = k;
        KindWord = kind.ToLowerInvariant();
        Lot = lot;
        ProductName = await db.ProductNames.Where(p => p.Gtin == lot.Gtin).Select(p => p.NameVi).FirstOrDefaultAsync(ct);
        Unit = lot.Unit;
        Locations = await LotForms.LocationsAsync(db, org, ct);
        if (Kind == EntryKind.Shipping)
        {
            Partners = await LotForms.PartnersAsync(db, org, ct);
            OrganizationHasGln = (await business.GetAsync(ct)).Gln is not null;
        }
        return true;
    }
}
