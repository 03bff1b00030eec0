using VnTrace.Server.Locations.Geometry;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using VnTrace.Gs1.Identifiers;
using VnTrace.Server.Gs1Allocation;
using VnTrace.Server.Organizations;
using VnTrace.Server.Organizations.Reference;
using VnTrace.Server.Platform.Audit;
using VnTrace.Server.Platform.Data;
using VnTrace.Server.Identity;

namespace VnTrace.Server.Locations;

/// <summary>What still points at a location, deciding whether it may be deleted or only archived.</summary>
public sealed record LocationUse(bool InEvents, bool InLots, int PlantingAreas)
{
    /// <summary>Events or lots name it: deleting it would leave them pointing at nothing, so it is archived instead.</summary>
    public bool Referenced => InEvents || InLots;
}

public enum RemoveOutcome
{
    Deleted,
    /// <summary>Events or lots name the location; it was archived instead.</summary>
    Archived,
    /// <summary>A farm with planting areas inside: they must be moved or deleted first.</summary>
    HasPlantingAreas,
}

/// <summary>
/// Checks a location form and writes the location of the signed-in business: every rule of the form in one place
/// (GLN typed or allocated, unique system-wide; planting-area boundary validated and measured; commune from the
/// province's list), one transaction per save, an audit entry with every change. Errors go into the page's
/// ModelState under "Form.…" next to their field; nothing is written when there is any.
/// </summary>
public sealed partial class LocationEditor(VnTraceDbContext db, CurrentBusiness business, AuditTrail audit, Gs1Numbering numbering, IStringLocalizer<LocationText> t)
{
    public const string Prefix = "Form";

    /// <summary>Largest GeoJSON file accepted: a field boundary is a few kilobytes; 20,000 points fit easily.</summary>
    public const int MaxBoundaryFileBytes = 2 * 1024 * 1024;

    public const double MaxHectares = 10_000;

    public sealed record Saved(Guid Id, string Name, string Gln, IReadOnlyList<string> Warnings);

    /// <summary>The canonical identifier events use for a location with this GLN (GS1 Digital Link, AI 414).</summary>
    public static string PlaceId(string gln) => "https://id.gs1.org/414/" + gln;

    /// <summary>One of the business's locations, tracked for a change when asked; null for any other (another business's is not found).</summary>
    public Task<Location?> FindAsync(Guid id, bool tracking, CancellationToken ct)
    {
        var query = db.Locations.Where(l => l.Id == id && l.OrganizationId == business.Id);
        return (tracking ? query.AsTracking() : query).FirstOrDefaultAsync(ct);
    }

    public async Task<Saved?> CreateAsync(LocationForm form, ModelStateDictionary modelState, CancellationToken ct)
    {
        var organization = await business.GetAsync(ct);
        var location = new Location { OrganizationId = organization.Id, Name = "", Gln = "" };
        var warnings = new List<string>();
        await ApplyAsync(form, location, isNew: true, modelState, warnings, ct);

        var typed = NormalizeGln(form.Gln);
        if (typed is not null)
        {
            if (await CheckGlnAsync(typed, location.Id, modelState, ct))
                location.Gln = typed;
        }
        else if (organization.CompanyPrefixInUse is null)
        {
            modelState.AddModelError(Field(nameof(LocationForm.Gln)), t["Gln.NoPrefix"]);
        }
        if (!modelState.IsValid)
            return null;

        // The counter and the location commit together: a refused save allocates nothing.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (typed is null)
        {
            var allocated = await AllocateGlnAsync(organization, modelState, ct);
            if (allocated is null)
                return null;
            location.Gln = allocated;
        }
        db.Locations.Add(location);
        audit.Record("location.create", nameof(Location), location.Id, Snapshot(location));
        if (!await TrySaveAsync(location.Gln, modelState, transaction, ct))
            return null;
        await transaction.CommitAsync(ct);
        return new Saved(location.Id, location.Name, location.Gln, warnings);
    }

    /// <param name="location">The business's location, tracked (from <see cref="FindAsync"/>).</param>
    public async Task<Saved?> UpdateAsync(Location location, LocationForm form, ModelStateDictionary modelState, CancellationToken ct)
    {
        var before = Snapshot(location);
        var warnings = new List<string>();
        if (location.Kind == LocationKind.Farm && form.Kind != LocationKind.Farm
            && await db.Locations.AnyAsync(l => l.ParentId == location.Id, ct))
            modelState.AddModelError(Field(nameof(LocationForm.Kind)), t["Kind.FarmHasPlantingAreas"]);
        await ApplyAsync(form, location, isNew: false, modelState, warnings, ct);

        var typed = NormalizeGln(form.Gln);
        if (typed is null)
            modelState.AddModelError(Field(nameof(LocationForm.Gln)), t["Gln.Required"]);
        else if (typed != location.Gln)
        {
            if ((await UseAsync(location, ct)).Referenced)
                modelState.AddModelError(Field(nameof(LocationForm.Gln)), t["Gln.InUse"]);
            else if (await CheckGlnAsync(typed, location.Id, modelState, ct))
                location.Gln = typed;
        }
        if (!modelState.IsValid)
            return null;

        var after = Snapshot(location);
        var changes = Changes(before, after);
        if (changes.Count > 0)
        {
            audit.Record("location.update", nameof(Location), location.Id, changes);
            if (!await TrySaveAsync(location.Gln, modelState, null, ct))
                return null;
        }
        return new Saved(location.Id, location.Name, location.Gln, warnings);
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
            || await db.LocationHierarchy.AnyAsync(h => h.ParentId == place || h.ChildId == place, ct);
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
        audit.Record("location.delete", nameof(Location), location.Id, Snapshot(location));
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

    /// <summary>A boundary error in the reader's language, keeping where it is (the JSON path, the point's coordinates).</summary>
    public string Describe(BoundaryError error)
    {
        var where = error.Path is { Length: > 0 } path ? path : "—";
        var at = error.Latitude is { } lat && error.Longitude is { } lng
            ? t["Boundary.At", Coordinate(lat), Coordinate(lng)].Value
            : "";
        return error.Problem switch
        {
            BoundaryProblem.NotJson => t["Boundary.NotJson"],
            BoundaryProblem.NotAPolygon => t["Boundary.NotAPolygon", where],
            BoundaryProblem.BadPosition => t["Boundary.BadPosition", where],
            BoundaryProblem.OutOfRange => t["Boundary.OutOfRange", where],
            BoundaryProblem.RingNotClosed => t["Boundary.RingNotClosed", where, at],
            BoundaryProblem.TooFewPositions => t["Boundary.TooFewPositions", where],
            BoundaryProblem.TooManyPositions => t["Boundary.TooManyPositions", BoundaryOptions.Default.MaxPositions],
            BoundaryProblem.SelfIntersection => t["Boundary.SelfIntersection", at],
            BoundaryProblem.NoArea => t["Boundary.NoArea"],
            BoundaryProblem.OutsideVietnam => t["Boundary.OutsideVietnam", at],
            BoundaryProblem.TooLarge => t["Boundary.TooLarge", BoundaryOptions.Default.MaxHectares],
            _ => t["Boundary.InvalidShape", at],
        };
    }

    private static string Coordinate(double value) => value.ToString("0.#######", CultureInfo.InvariantCulture);

    private static string Field(string name) => Prefix + "." + name;

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static string? NormalizeGln(string? text)
    {
        var s = string.Concat((text ?? "").Where(c => !char.IsWhiteSpace(c)));
        return s.Length == 0 ? null : s;
    }

    private async Task ApplyAsync(LocationForm form, Location location, bool isNew, ModelStateDictionary modelState, List<string> warnings, CancellationToken ct)
    {
        if (!Enum.IsDefined(form.Kind))
            modelState.AddModelError(Field(nameof(LocationForm.Kind)), t["Kind.Unknown"]);
        location.Kind = form.Kind;
        location.Name = (form.Name ?? "").Trim();
        location.AddressLine = Clean(form.AddressLine);
        location.Internal = form.Internal;

        var commune = Clean(form.CommuneCode);
        if (commune is not null && AdministrativeUnits.FindCommune(commune) is null)
            modelState.AddModelError(Field(nameof(LocationForm.CommuneCode)), t["Commune.Unknown"]);
        location.CommuneCode = commune;

        var (latitude, longitude) = ReadPoint(form, modelState);

        if (form.Kind == LocationKind.PlantingArea)
        {
            await ApplyPlantingAreaAsync(form, location, isNew, latitude, longitude, modelState, warnings, ct);
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

    private (double? Latitude, double? Longitude) ReadPoint(LocationForm form, ModelStateDictionary modelState)
    {
        var latitude = ReadCoordinate(form.Latitude, 90, nameof(LocationForm.Latitude), "Point.BadLatitude", modelState, out var latitudeOk);
        var longitude = ReadCoordinate(form.Longitude, 180, nameof(LocationForm.Longitude), "Point.BadLongitude", modelState, out var longitudeOk);
        if (!latitudeOk || !longitudeOk)
            return (null, null);
        if ((latitude is null) != (longitude is null))
        {
            modelState.AddModelError(Field(latitude is null ? nameof(LocationForm.Latitude) : nameof(LocationForm.Longitude)), t["Point.BothOrNeither"]);
            return (null, null);
        }
        if (latitude is { } a && longitude is { } b
            && (a is < BoundaryPolygon.VietnamMinLatitude or > BoundaryPolygon.VietnamMaxLatitude
                || b is < BoundaryPolygon.VietnamMinLongitude or > BoundaryPolygon.VietnamMaxLongitude))
            modelState.AddModelError(Field(nameof(LocationForm.Latitude)), t["Point.OutsideVietnam"]);
        return (latitude, longitude);
    }

    private double? ReadCoordinate(string? text, double limit, string field, string message, ModelStateDictionary modelState, out bool ok)
    {
        ok = true;
        if (string.IsNullOrWhiteSpace(text))
            return null;
        if (LocationForm.TryParseNumber(text, out var value) && Math.Abs(value) <= limit)
            return Math.Round(value, BoundaryPolygon.Decimals);
        modelState.AddModelError(Field(field), t[message]);
        ok = false;
        return null;
    }

    private async Task ApplyPlantingAreaAsync(LocationForm form, Location location, bool isNew, double? latitude, double? longitude,
        ModelStateDictionary modelState, List<string> warnings, CancellationToken ct)
    {
        if (form.ParentId is { } parentId)
        {
            var farm = parentId != location.Id && await db.Locations.AnyAsync(
                l => l.Id == parentId && l.OrganizationId == business.Id && l.Kind == LocationKind.Farm, ct);
            if (!farm)
                modelState.AddModelError(Field(nameof(LocationForm.ParentId)), t["Parent.NotAFarm"]);
        }
        location.ParentId = form.ParentId;

        var code = Clean(form.PlantingAreaCode)?.ToUpperInvariant();
        if (code is not null && !PlantingAreaCodeShape().IsMatch(code))
            warnings.Add(t["PlantingAreaCode.Unusual", code]);
        location.PlantingAreaCode = code;
        location.Crop = Clean(form.Crop);

        // A file beats pasted text, which beats a drawing: the form says so beside the fields.
        var (boundaryText, field, isGeoJson) = await ReadBoundaryInputAsync(form, modelState, ct);
        if (boundaryText is not null && field is not null)
        {
            BoundaryPolygon? boundary;
            BoundaryError? error;
            var parsed = isGeoJson
                ? BoundaryPolygon.TryParse(boundaryText, out boundary, out error)
                : BoundaryPolygon.TryParseLatLngs(boundaryText, out boundary, out error);
            if (!parsed)
            {
                modelState.AddModelError(Field(field), Describe(error!));
                return;
            }
            location.BoundaryGeoJson = boundary!.GeoJson;
            location.AreaHectares = Math.Round((decimal)boundary.AreaHectares, 4);
            location.Latitude = boundary.CentroidLatitude;
            location.Longitude = boundary.CentroidLongitude;
            return;
        }
        if (field is not null)
            return; // the file could not be read; its error is already set

        var cleared = form.BoundaryPoints?.Trim() == "[]";
        if (isNew || form.RemoveBoundary || cleared)
            location.BoundaryGeoJson = null;
        if (location.BoundaryGeoJson is not null)
            return; // the stored boundary stays, with its area and centre

        location.Latitude = latitude;
        location.Longitude = longitude;
        location.AreaHectares = null;
        if (!string.IsNullOrWhiteSpace(form.AreaHectares))
        {
            if (LocationForm.TryParseNumber(form.AreaHectares, out var hectares) && hectares > 0 && hectares <= MaxHectares)
                location.AreaHectares = Math.Round((decimal)hectares, 4);
            else
                modelState.AddModelError(Field(nameof(LocationForm.AreaHectares)), t["Area.Invalid", MaxHectares]);
        }
    }

    /// <summary>The boundary the form gives, if any: its text, the field it came from, and whether it is GeoJSON (else map points).</summary>
    private async Task<(string? Text, string? Field, bool IsGeoJson)> ReadBoundaryInputAsync(LocationForm form, ModelStateDictionary modelState, CancellationToken ct)
    {
        if (form.BoundaryFile is { } file)
        {
            const string field = nameof(LocationForm.BoundaryFile);
            var extension = Path.GetExtension(file.FileName).ToLowerInvariant();
            if (file.Length == 0)
                modelState.AddModelError(Field(field), t["BoundaryFile.Empty"]);
            else if (file.Length > MaxBoundaryFileBytes)
                modelState.AddModelError(Field(field), t["BoundaryFile.TooLarge", MaxBoundaryFileBytes / 1024 / 1024]);
            else if (extension is not (".geojson" or ".json"))
                modelState.AddModelError(Field(field), t["BoundaryFile.WrongType"]);
            else
            {
                using var reader = new StreamReader(file.OpenReadStream(), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
                return (await reader.ReadToEndAsync(ct), field, true);
            }
            return (null, field, true);
        }
        if (!string.IsNullOrWhiteSpace(form.BoundaryGeoJson))
            return (form.BoundaryGeoJson, nameof(LocationForm.BoundaryGeoJson), true);
        if (!string.IsNullOrWhiteSpace(form.BoundaryPoints) && form.BoundaryPoints.Trim() != "[]")
            return (form.BoundaryPoints, nameof(LocationForm.BoundaryPoints), false);
        return (null, null, false);
    }

    /// <summary>
    /// A typed GLN: 13 digits with the right check digit (the message names the bad character or check digit and
    /// its position), under a GS1 prefix a Member Organisation allocates, and used by no other location or party.
    /// </summary>
    private async Task<bool> CheckGlnAsync(string gln, Guid self, ModelStateDictionary modelState, CancellationToken ct)
    {
        var field = Field(nameof(LocationForm.Gln));
        if (!Gln.TryParse(gln, out var parsed, out var error))
        {
            modelState.AddModelError(field, DescribeGln(gln, error));
            return false;
        }
        if (Gs1Prefix.CountryOf(parsed) is null)
        {
            modelState.AddModelError(field, t["Gln.NotCompanyPrefix", gln[..3]]);
            return false;
        }
        if (await GlnTakenAsync(gln, self, ct))
        {
            modelState.AddModelError(field, t["Gln.Taken", gln]);
            return false;
        }
        return true;
    }

    private string DescribeGln(string gln, Gs1ParseError error)
    {
        if (error.Length == 1 && error.Position < gln.Length && !char.IsAsciiDigit(gln[error.Position]))
            return t["Gln.NotADigit", gln[error.Position], error.Position + 1];
        if (gln.Length != Gln.Length)
            return t["Gln.Length", gln.Length];
        return t["Gln.CheckDigit", gln[^1], Gln.Length, Gs1CheckDigit.ComputeChar(gln.AsSpan(0, Gln.Length - 1))];
    }

    /// <summary>Another location, or another organization's party GLN, has it (a business may give its main site its own party GLN).</summary>
    private async Task<bool> GlnTakenAsync(string gln, Guid self, CancellationToken ct) =>
        await db.Locations.AnyAsync(l => l.Gln == gln && l.Id != self, ct)
        || await db.Organizations.AnyAsync(o => o.Gln == gln && o.Id != business.Id, ct);

    /// <summary>
    /// The next free GLN under the business's company prefix (<see cref="Gs1Numbering"/>: the counter is raised in the
    /// caller's transaction, so a refused save allocates nothing and concurrent saves never share a number).
    /// </summary>
    private async Task<string?> AllocateGlnAsync(Organization organization, ModelStateDictionary modelState, CancellationToken ct)
    {
        var field = Field(nameof(LocationForm.Gln));
        if (!CompanyPrefix.TryParse(organization.CompanyPrefixInUse, out var prefix, out _))
        {
            modelState.AddModelError(field, t["Gln.BadPrefix", organization.CompanyPrefixInUse ?? ""]);
            return null;
        }
        try
        {
            return (await numbering.NextGlnAsync(organization.Id, ct)).ToString();
        }
        catch (Gs1AllocationException)
        {
            modelState.AddModelError(field, t["Gln.PrefixFull", prefix.Digits]);
            return null;
        }
    }

    private async Task<bool> TrySaveAsync(string gln, ModelStateDictionary modelState,
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
            if (!await db.Locations.AnyAsync(l => l.Gln == gln, ct))
                throw;
            modelState.AddModelError(Field(nameof(LocationForm.Gln)), t["Gln.Taken", gln]);
            return false;
        }
    }

    private static Dictionary<string, string?> Snapshot(Location l) => new()
    {
        ["kind"] = l.Kind.ToString(),
        ["name"] = l.Name,
        ["gln"] = l.Gln,
        ["parentId"] = l.ParentId?.ToString(),
        ["plantingAreaCode"] = l.PlantingAreaCode,
        ["packingHouseCode"] = l.PackingHouseCode,
        ["crop"] = l.Crop,
        ["areaHectares"] = l.AreaHectares?.ToString(CultureInfo.InvariantCulture),
        // The boundary by fingerprint only: the audit log says that it changed, the location holds it.
        ["boundary"] = l.BoundaryGeoJson is null ? null : "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(l.BoundaryGeoJson)))[..16],
        ["latitude"] = l.Latitude?.ToString(CultureInfo.InvariantCulture),
        ["longitude"] = l.Longitude?.ToString(CultureInfo.InvariantCulture),
        ["communeCode"] = l.CommuneCode,
        ["addressLine"] = l.AddressLine,
        ["internal"] = l.Internal ? "true" : "false",
    };

    private static Dictionary<string, string?[]> Changes(Dictionary<string, string?> before, Dictionary<string, string?> after) =>
        after.Where(kv => before[kv.Key] != kv.Value).ToDictionary(kv => kv.Key, kv => new[] { before[kv.Key], kv.Value });

    /// <summary>
    /// The shapes planting-area codes are issued in: letters, digits, dots, hyphens and slashes with at least one
    /// digit, such as "VN-DLOR-0101", "VN-DNOOR0039" or "PB.33.01.01.001". Codes differ by market and year, so an
    /// unusual one is only pointed out, never refused.
    /// </summary>
    [GeneratedRegex(@"^(?=.*\d)[A-Z0-9][A-Z0-9./\-]{3,49}$")]
    private static partial Regex PlantingAreaCodeShape();
}
