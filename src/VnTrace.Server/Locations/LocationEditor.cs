using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using VnTrace.Server.Gs1Allocation;
using VnTrace.Server.Organizations.Reference;
using VnTrace.Server.Platform.Audit;
using VnTrace.Server.Platform.Data;
using VnTrace.Server.Platform.Web;
using VnTrace.Server.Identity;

namespace VnTrace.Server.Locations;

/// <summary>
/// Checks a location form and writes the location of the signed-in business: every rule of the form in one place
/// (GLN typed or allocated, unique system-wide, in <see cref="LocationGlns"/>; point and planting-area boundary in
/// <see cref="LocationGeometryFields"/>; commune from the province's list), one transaction per save, an audit entry
/// with every change. Refusals come back in the <see cref="LocationSaveResult"/> by form property; nothing is
/// written when there is any.
/// </summary>
public sealed partial class LocationEditor(VnTraceDbContext db, CurrentBusiness business, AuditTrail audit, Gs1Numbering numbering, IStringLocalizer<LocationText> t)
{
    private readonly LocationGlns glns = new(db, business, numbering, t);
    private readonly LocationGeometryFields geometry = new(t);

    /// <summary>The canonical identifier events use for a location with this GLN (GS1 Digital Link, AI 414).</summary>
    public static string PlaceId(string gln) => "https://id.gs1.org/414/" + gln;

    /// <summary>One of the business's locations, tracked for a change when asked; null for any other (another business's is not found).</summary>
    public Task<Location?> FindAsync(Guid id, bool tracking, CancellationToken ct)
    {
        var query = db.Locations.Where(l => l.Id == id && l.OrganizationId == business.Id);
        return (tracking ? query.AsTracking() : query).FirstOrDefaultAsync(ct);
    }

    /// <summary>
    /// Checks <paramref name="form"/> and adds the location. When <paramref name="annotationsValid"/> is false (the
    /// page's binding already refused the form) the checks still run, for every message at once, but nothing is written.
    /// </summary>
    public async Task<LocationSaveResult> CreateAsync(LocationForm form, bool annotationsValid, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var organization = await business.GetAsync(ct);
        var location = new Location { OrganizationId = organization.Id, Name = "", Gln = "" };
        var warnings = new List<string>();
        await ApplyAsync(form, location, isNew: true, errors, warnings, ct);

        var typed = LocationGlns.Normalize(form.Gln);
        if (typed is not null)
        {
            if (await glns.CheckAsync(typed, location.Id, errors, ct))
                location.Gln = typed;
        }
        else if (organization.CompanyPrefixInUse is null)
        {
            errors.Add(nameof(LocationForm.Gln), t["Gln.NoPrefix"]);
        }
        if (errors.Any || !annotationsValid)
            return Refused(errors);

        // The counter and the location commit together: a refused save allocates nothing.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (typed is null)
        {
            var allocated = await glns.AllocateAsync(organization, errors, ct);
            if (allocated is null)
                return Refused(errors);
            location.Gln = allocated;
        }
        db.Locations.Add(location);
        audit.Record("location.create", nameof(Location), location.Id, LocationSnapshot.Of(location));
        if (!await TrySaveAsync(location.Gln, errors, transaction, ct))
            return Refused(errors);
        await transaction.CommitAsync(ct);
        return new LocationSaveResult(new SavedLocation(location.Id, location.Name, location.Gln, warnings), []);
    }

    /// <param name="location">The business's location, tracked (from <see cref="FindAsync"/>).</param>
    /// <param name="form">What was posted.</param>
    /// <param name="annotationsValid">False when the page's binding already refused the form: checked, not written.</param>
    /// <param name="ct">Cancels the checks and the save.</param>
    public async Task<LocationSaveResult> UpdateAsync(Location location, LocationForm form, bool annotationsValid, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var before = LocationSnapshot.Of(location);
        var warnings = new List<string>();
        if (location.Kind == LocationKind.Farm && form.Kind != LocationKind.Farm
            && await db.Locations.AnyAsync(l => l.ParentId == location.Id, ct))
            errors.Add(nameof(LocationForm.Kind), t["Kind.FarmHasPlantingAreas"]);
        await ApplyAsync(form, location, isNew: false, errors, warnings, ct);

        var typed = LocationGlns.Normalize(form.Gln);
        if (typed is null)
            errors.Add(nameof(LocationForm.Gln), t["Gln.Required"]);
        else if (typed != location.Gln)
        {
            if ((await UseAsync(location, ct)).Referenced)
                errors.Add(nameof(LocationForm.Gln), t["Gln.InUse"]);
            else if (await glns.CheckAsync(typed, location.Id, errors, ct))
                location.Gln = typed;
        }
        if (errors.Any || !annotationsValid)
            return Refused(errors);

        var after = LocationSnapshot.Of(location);
        var changes = LocationSnapshot.Changes(before, after);
        if (changes.Count > 0)
        {
            audit.Record("location.update", nameof(Location), location.Id, changes);
            if (!await TrySaveAsync(location.Gln, errors, null, ct))
                return Refused(errors);
        }
        return new LocationSaveResult(new SavedLocation(location.Id, location.Name, location.Gln, warnings), []);
    }

    /// <summary>What names the location: its own events (bizLocation, readPoint), any event's source or destination, lots, planting areas inside it.</summary>
    public async Task<LocationUse> UseAsync(Location location, CancellationToken ct)
    {
        var place = PlaceId(location.Gln);
        var party = "https://id.gs1.org/417/" + location.Gln;
        var subPlace = place + "/254/";
        var owner = location.OrganizationId;
        var inEvents = await db.Events.AnyAsync(e => e.OwnerId == owner
                && (e.BizLocation == place || e.ReadPoint == place || e.BizLocation!.StartsWith(subPlace) || e.ReadPoint!.StartsWith(subPlace)), ct)
            || await db.EventReferences.AnyAsync(r => r.Value == place || r.Value == party || r.Value.StartsWith(subPlace), ct)
            || await db.LocationHierarchy.IgnoreTenantFilter("any organization's master data that names the place keeps it in use")
                .AnyAsync(h => h.ParentId == place || h.ChildId == place, ct);
        var inLots = await db.Lots.AnyAsync(l => l.LocationId == location.Id, ct);
        var plantingAreas = await db.Locations.CountAsync(l => l.ParentId == location.Id, ct);
        return new LocationUse(inEvents, inLots, plantingAreas);
    }

    /// <summary>Deletes the location, or archives it when events or lots name it.</summary>
    public async Task<RemoveOutcome> RemoveAsync(Location location, CancellationToken ct)
    {
        var use = await UseAsync(location, ct);
        if (use.PlantingAreas > 0)
            return RemoveOutcome.HasPlantingAreas;
        if (use.Referenced)
        {
            await SetArchivedAsync(location, true, ct);
            return RemoveOutcome.Archived;
        }
        db.Locations.Remove(location);
        audit.Record("location.delete", nameof(Location), location.Id, LocationSnapshot.Of(location));
        await db.SaveChangesAsync(ct);
        return RemoveOutcome.Deleted;
    }

    public async Task SetArchivedAsync(Location location, bool archived, CancellationToken ct)
    {
        if (location.Archived == archived)
            return;
        location.Archived = archived;
        audit.Record(archived ? "location.archive" : "location.restore", nameof(Location), location.Id, new { location.Name, location.Gln });
        await db.SaveChangesAsync(ct);
    }

    private static LocationSaveResult Refused(FieldErrors errors) => new(null, errors.List);

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private async Task ApplyAsync(LocationForm form, Location location, bool isNew, FieldErrors errors, List<string> warnings, CancellationToken ct)
    {
        if (!Enum.IsDefined(form.Kind))
            errors.Add(nameof(LocationForm.Kind), t["Kind.Unknown"]);
        location.Kind = form.Kind;
        location.Name = (form.Name ?? "").Trim();
        location.AddressLine = Clean(form.AddressLine);
        location.Internal = form.Internal;

        var commune = Clean(form.CommuneCode);
        if (commune is not null && AdministrativeUnits.FindCommune(commune) is null)
            errors.Add(nameof(LocationForm.CommuneCode), t["Commune.Unknown"]);
        location.CommuneCode = commune;

        var (latitude, longitude) = geometry.ReadPoint(form, errors);

        if (form.Kind == LocationKind.PlantingArea)
        {
            await ApplyPlantingAreaAsync(form, location, isNew, latitude, longitude, errors, warnings, ct);
        }
        else
        {
            location.ParentId = null;
            location.PlantingAreaCode = null;
            location.Crop = null;
            location.AreaHectares = null;
            location.BoundaryGeoJson = null;
            location.Latitude = latitude;
            location.Longitude = longitude;
        }
        location.PackingHouseCode = form.Kind == LocationKind.PackingHouse ? Clean(form.PackingHouseCode) : null;
    }

    private async Task ApplyPlantingAreaAsync(LocationForm form, Location location, bool isNew, double? latitude, double? longitude,
        FieldErrors errors, List<string> warnings, CancellationToken ct)
    {
        if (form.ParentId is { } parentId)
        {
            var farm = parentId != location.Id && await db.Locations.AnyAsync(
                l => l.Id == parentId && l.OrganizationId == business.Id && l.Kind == LocationKind.Farm, ct);
            if (!farm)
                errors.Add(nameof(LocationForm.ParentId), t["Parent.NotAFarm"]);
        }
        location.ParentId = form.ParentId;

        var code = Clean(form.PlantingAreaCode)?.ToUpperInvariant();
        if (code is not null && !PlantingAreaCodeShape().IsMatch(code))
            warnings.Add(t["PlantingAreaCode.Unusual", code]);
        location.PlantingAreaCode = code;
        location.Crop = Clean(form.Crop);

        await geometry.ApplyBoundaryAsync(form, location, isNew, latitude, longitude, errors, ct);
    }

    private async Task<bool> TrySaveAsync(string gln, FieldErrors errors,
        Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction? transaction, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException)
        {
            // The unique index caught a GLN taken between the check and the save. PostgreSQL refuses every statement
            // of a failed transaction, so it ends (allocating nothing) before the look that tells why.
            if (transaction is not null)
                await transaction.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            if (!await db.Locations.IgnoreTenantFilter("a GLN is unique across all organizations' places").AnyAsync(l => l.Gln == gln, ct))
                throw;
            errors.Add(nameof(LocationForm.Gln), t["Gln.Taken", gln]);
            return false;
        }
    }

    /// <summary>
    /// The shapes planting-area codes are issued in: letters, digits, dots, hyphens and slashes with at least one
    /// digit, such as "VN-DLOR-0101", "VN-DNOOR0039" or "PB.33.01.01.001". Codes differ by market and year, so an
    /// unusual one is only pointed out, never refused.
    /// </summary>
    [GeneratedRegex(@"^(?=.*\d)[A-Z0-9][A-Z0-9./\-]{3,49}$")]
    private static partial Regex PlantingAreaCodeShape();
}
