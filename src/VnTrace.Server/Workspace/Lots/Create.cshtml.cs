using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Localization;
using VnTrace.Server.Identity;
using VnTrace.Server.Lots;
using VnTrace.Server.Lots.Diary;
using VnTrace.Server.Platform.Data;

namespace VnTrace.Server.Workspace.Lots;

/// <summary>A new lot of one of the business's products at one of its places; its diary starts empty.</summary>
public sealed class CreateModel(VnTraceDbContext db, CurrentBusiness business, LotLifecycle lots, IStringLocalizer<LotText> t) : PageModel
{
    [BindProperty]
    public LotForm Form { get; set; } = new();

    public List<SelectListItem> Products { get; private set; } = [];
    public List<SelectListItem> Locations { get; private set; } = [];

    public sealed class LotForm
    {
        [Required(ErrorMessage = "Validation.Required"), Display(Name = "Lot.Product")]
        public Guid? ProductId { get; set; }

        [Required(ErrorMessage = "Validation.Required"), MaxLength(40, ErrorMessage = "Validation.MaxLength"), Display(Name = "Lot.LotNumber")]
        public string LotNumber { get; set; } = "";

        [Required(ErrorMessage = "Validation.Required"), Display(Name = "Lot.Location")]
        public Guid? LocationId { get; set; }

        [Display(Name = "Lot.ExpectedQuantity")]
        public string? Quantity { get; set; }

        [Display(Name = "Lot.ProductionDate")]
        public DateOnly? ProductionDate { get; set; }

        [Display(Name = "Lot.ExpiryDate")]
        public DateOnly? ExpiryDate { get; set; }

        [MaxLength(DiaryChecks.MaxNote, ErrorMessage = "Validation.MaxLength"), Display(Name = "Lot.Note")]
        public string? Note { get; set; }
    }

    public async Task OnGetAsync(Guid? product, CancellationToken ct)
    {
        Form.ProductId = product;
        await LoadChoicesAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!LotForms.TryParseQuantity(Form.Quantity, out var quantity))
            ModelState.AddModelError("Form.Quantity", t["Diary.NumberInvalid"]);
        if (!ModelState.IsValid)
        {
            await LoadChoicesAsync(ct);
            return Page();
        }
        var result = await lots.CreateLotAsync(business.Id,
            new NewLot(Form.ProductId!.Value, Form.LotNumber, Form.LocationId!.Value, quantity, Form.ProductionDate, Form.ExpiryDate, Form.Note), ct);
        if (!result.Success)
        {
            ModelState.AddDiaryErrors(result.Errors);
            await LoadChoicesAsync(ct);
            return Page();
        }
        TempData["Message"] = t["Lots.Created", Form.LotNumber.Trim()].Value;
        return Redirect($"/workspace/lots/{result.LotId}");
    }

    private async Task LoadChoicesAsync(CancellationToken ct)
    {
        Products = await LotForms.ProductsAsync(db, business.Id, ct);
        Locations = await LotForms.LocationsAsync(db, business.Id, ct);
    }
}
