using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using VnTrace.Server.Certificates;
using VnTrace.Server.Identity;
using VnTrace.Server.Locations;
using VnTrace.Server.Organizations.Reference;
using VnTrace.Server.Platform.Data;
using VnTrace.Server.Platform.Text;
using VnTrace.Server.Platform.Web;

namespace VnTrace.Server.Workspace.Locations;

/// <summary>
/// One location: /workspace/locations/{id}, with its map, facts, the certificates covering it, the farm it lies in
/// and the planting areas inside it. Archive, restore and delete post here. Another business's location is not found.
/// </summary>
public sealed class DetailsModel(VnTraceDbContext db, CurrentBusiness business, LocationEditor editor, IOptions<MapOptions> map,
    TimeProvider clock, IStringLocalizer<LocationText> t) : PageModel
{
    public Location Location { get; private set; } = null!;
    public Commune? Commune { get; private set; }
    public (Guid Id, string Name)? Parent { get; private set; }
    public IReadOnlyList<Location> PlantingAreas { get; private set; } = [];
    public IReadOnlyList<CertificateRow> Certificates { get; private set; } = [];
    public LocationUse Use { get; private set; } = null!;
    public MapOptions Map => map.Value;

    public sealed record CertificateRow(Guid Id, CertificateKind Kind, string? OtherKindName, string Number, string Issuer,
        DateOnly ValidFrom, DateOnly? ValidTo, bool Expired);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var location = await editor.FindAsync(id, tracking: false, ct);
        if (location is null)
            return NotFound();
        Location = location;
        Commune = location.CommuneCode is null ? null : AdministrativeUnits.FindCommune(location.CommuneCode);
        if (location.ParentId is { } parentId)
            Parent = await db.Locations.Where(l => l.Id == parentId && l.OrganizationId == business.Id)
                .Select(l => new ValueTuple<Guid, string>(l.Id, l.Name)).FirstOrDefaultAsync(ct);
        PlantingAreas = await db.Locations.Where(l => l.ParentId == id && l.OrganizationId == business.Id)
            .OrderBy(l => l.Name).ToListAsync(ct);
        // Vietnam's date: a certificate valid to today is still valid all day in Đắk Lắk.
        var today = VietnamTime.Today(clock);
        Certificates = await (
                from link in db.CertificateLocations
                join c in db.Certificates on link.CertificateId equals c.Id
                where link.LocationId == id && c.OrganizationId == business.Id
                orderby c.ValidTo descending
                select new CertificateRow(c.Id, c.Kind, c.OtherKindName, c.Number, c.Issuer, c.ValidFrom, c.ValidTo,
                    c.ValidTo != null && c.ValidTo < today))
            .ToListAsync(ct);
        Use = await editor.UseAsync(location, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostArchiveAsync(Guid id, CancellationToken ct) => await ArchiveAsync(id, true, ct);

    public async Task<IActionResult> OnPostRestoreAsync(Guid id, CancellationToken ct) => await ArchiveAsync(id, false, ct);

    public async Task<IActionResult> OnPostDeleteAsync(Guid id, CancellationToken ct)
    {
        var location = await editor.FindAsync(id, tracking: true, ct);
        if (location is null)
            return NotFound();
        switch (await editor.RemoveAsync(location, ct))
        {
            case RemoveOutcome.Deleted:
                TempData["Message"] = t["Removed.Deleted", location.Name].Value;
                return Redirect("/workspace/locations");
            case RemoveOutcome.Archived:
                TempData["Message"] = t["Removed.ArchivedInstead", location.Name].Value;
                break;
            default:
                TempData["Error"] = t["Removed.HasPlantingAreas", location.Name].Value;
                break;
        }
        return Redirect($"/workspace/locations/{id}");
    }

    private async Task<IActionResult> ArchiveAsync(Guid id, bool archived, CancellationToken ct)
    {
        var location = await editor.FindAsync(id, tracking: true, ct);
        if (location is null)
            return NotFound();
        await editor.SetArchivedAsync(location, archived, ct);
        TempData["Message"] = t[archived ? "Removed.Archived" : "Removed.Restored", location.Name].Value;
        return Redirect($"/workspace/locations/{id}");
    }
}
