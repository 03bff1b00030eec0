using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using VnTrace.Server.Identity;
using VnTrace.Server.Locations;
using VnTrace.Server.Platform.Data;
using VnTrace.Server.Platform.Web;

namespace VnTrace.Server.Workspace.Locations;

/// <summary>Changes a location: /workspace/locations/{id}/edit. Another business's location is not found.</summary>
public sealed class EditModel(VnTraceDbContext db, CurrentBusiness business, IConfiguration configuration, IOptions<MapOptions> map,
    LocationEditor editor, IStringLocalizer<LocationText> t)
    : LocationFormPage(db, business, configuration, map)
{
    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        Editing = await editor.FindAsync(id, tracking: false, ct);
        if (Editing is null)
            return NotFound();
        Form = LocationForm.From(Editing);
        GlnLocked = (await editor.UseAsync(Editing, ct)).Referenced;
        await LoadChoicesAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        var location = await editor.FindAsync(id, tracking: true, ct);
        if (location is null)
            return NotFound();
        var result = await editor.UpdateAsync(location, Form, ModelState.IsValid, ct);
        ModelState.AddFieldErrors(result.Errors);
        if (result.Saved is not { } saved)
        {
            // Show the stored location again beside what was typed, not the half-applied one.
            Editing = await editor.FindAsync(id, tracking: false, ct);
            if (Editing is null)
                return NotFound();
            GlnLocked = (await editor.UseAsync(Editing, ct)).Referenced;
            await LoadChoicesAsync(ct);
            return Page();
        }
        TempData["Message"] = string.Join(" ", [t["Saved.Updated", saved.Name].Value, .. saved.Warnings]);
        return Redirect($"/workspace/locations/{saved.Id}");
    }
}
