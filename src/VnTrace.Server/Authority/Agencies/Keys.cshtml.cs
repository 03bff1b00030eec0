using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using VnTrace.Server.Programme.Agencies;

namespace VnTrace.Server.Authority.Agencies;

/// <summary>The officer's agency's API keys for the programme API: list, create (shown once), revoke.</summary>
public sealed class KeysModel(AgencyKeyService keys, CurrentOfficer officer, IStringLocalizer<AgencyText> t) : PageModel
{
    [BindProperty]
    public CreateForm Create { get; set; } = new();

    public OfficerScope Scope { get; private set; } = null!;
    public IReadOnlyList<AgencyKeyView> Keys { get; private set; } = [];

    /// <summary>The key just created: in this response only; the database keeps its hash.</summary>
    public string? IssuedKey { get; private set; }

    public string ApiBase => $"{Request.Scheme}://{Request.Host}{Request.PathBase}/api/programme";

    public sealed class CreateForm
    {
        [Required(ErrorMessage = "Validation.Required"), MaxLength(200, ErrorMessage = "Validation.MaxLength"), Display(Name = "Keys.Name")]
        public string Name { get; set; } = "";
    }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken ct)
    {
        var scope = await officer.GetAsync(ct);
        if (!scope.CanRecord)
            return Forbid();
        if (ModelState.IsValid)
        {
            IssuedKey = await keys.CreateAsync(scope, Create.Name, ct);
            ModelState.Clear();
            Create = new CreateForm();
        }
        Response.Headers.CacheControl = "no-store";
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(Guid id, CancellationToken ct)
    {
        var scope = await officer.GetAsync(ct);
        if (!scope.CanRecord)
            return Forbid();
        if (!await keys.RevokeAsync(scope.AgencyId, id, ct))
            return NotFound();
        TempData["Message"] = t["Keys.Revoked"].Value;
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Scope = await officer.GetAsync(ct);
        Keys = await keys.ListAsync(Scope.AgencyId, ct);
    }
}
