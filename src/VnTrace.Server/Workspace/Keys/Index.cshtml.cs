using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using VnTrace.Server.Platform.Data;
using VnTrace.Server.Identity;

namespace VnTrace.Server.Workspace.Keys;

/// <summary>The owner's API keys for the business's ERP, scanners and scripts: list, create (shown once), revoke.</summary>
[Authorize(Policy = Policies.WorkspaceOwner)]
public sealed class IndexModel(VnTraceDbContext db, ApiKeyService keys, CurrentBusiness business, IStringLocalizer<KeysText> t) : PageModel
{
    public const int PageSize = 25;

    [BindProperty]
    public CreateForm Create { get; set; } = new();

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public IReadOnlyList<Row> Keys { get; private set; } = [];
    public int Total { get; private set; }

    /// <summary>The key just created: in this response only; the database keeps its hash.</summary>
    public string? IssuedKey { get; private set; }

    /// <summary>This server's address, for the usage example.</summary>
    public string ApiBase => $"{Request.Scheme}://{Request.Host}{Request.PathBase}";

    public sealed record Row(Guid Id, string Name, string DisplayPrefix, DateTime CreatedAt, DateTime? RevokedAt);

    public sealed class CreateForm
    {
        [Required(ErrorMessage = "Validation.Required"), MaxLength(200, ErrorMessage = "Validation.MaxLength"), Display(Name = "Keys.Name")]
        public string Name { get; set; } = "";
    }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken ct)
    {
        if (ModelState.IsValid)
        {
            IssuedKey = await keys.CreateAsync(business.Id, Create.Name.Trim(), ct);
            ModelState.Clear();
            Create = new CreateForm();
        }
        // Shown in this response, not through a redirect: the key must not travel in TempData or a URL.
        Response.Headers.CacheControl = "no-store";
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(Guid id, CancellationToken ct)
    {
        if (!await keys.RevokeAsync(business.Id, id, ct))
            return NotFound();
        TempData["Message"] = t["Keys.Revoked"].Value;
        return RedirectToPage(new { p = PageNumber });
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var query = db.ApiKeys.Where(k => k.OrganizationId == business.Id);
        Total = await query.CountAsync(ct);
        PageNumber = Math.Max(1, PageNumber);
        // Keys in use first, newest first; revoked ones stay listed for the record.
        Keys = await query.OrderBy(k => k.RevokedAt != null).ThenByDescending(k => k.CreatedAt)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize)
            .Select(k => new Row(k.Id, k.Name, k.DisplayPrefix, k.CreatedAt, k.RevokedAt))
            .ToListAsync(ct);
    }
}
