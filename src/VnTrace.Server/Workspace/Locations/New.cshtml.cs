using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using VnTrace.Server.Identity;
using VnTrace.Server.Locations;
using VnTrace.Server.Platform.Data;
using VnTrace.Server.Platform.Web;

namespace VnTrace.Server.Workspace.Locations;

/// <summary>Declares a location: /workspace/locations/new, optionally ?kind=PlantingArea&amp;parent={farm}.</summary>
public sealed class NewModel(VnTraceDbContext db, CurrentBusiness business, IConfiguration configuration, IOptions<MapOptions> map,
    LocationEditor editor, IStringLocalizer<LocationText> t)
    : LocationFormPage(db, business, configuration, map)
{
    public async Task OnGetAsync(LocationKind? kind, Guid? parent, CancellationToken ct)
    {
        Form.Kind = kind is { } k && Enum.IsDefined(k) ? k : LocationKind.Farm;
        Form.CommuneCode = (await OrganizationAsync(ct)).CommuneCode;
        if (parent is { } farm && (await editor.FindAsync(farm, tracking: false, ct))?.Kind == LocationKind.Farm)
        {
            Form.Kind = LocationKind.PlantingArea;
            Form.ParentId = farm;
        }
        await LoadChoicesAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        // The editor adds its own checks to the annotations' and writes nothing unless all pass.
        var result = await editor.CreateAsync(Form, ModelState.IsValid, ct);
        ModelState.AddFieldErrors(result.Errors);
        if (result.Saved is not { } saved)
        {
            await LoadChoicesAsync(ct);
            return Page();
        }
        TempData["Message"] = string.Join(" ", [t["Saved.Created", saved.Name, saved.Gln].Value, .. saved.Warnings]);
        return Redirect($"/workspace/locations/{saved.Id}");
    }
}
