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

/// <summary>A location the editor wrote, with what it pointed out without refusing (an unusual planting-area code).</summary>
public sealed record SavedLocation(Guid Id, string Name, string Gln, IReadOnlyList<string> Warnings);

/// <summary>The location saved, or null with the refusals by <see cref="LocationForm"/> property.</summary>
public sealed record LocationSaveResult(SavedLocation? Saved, IReadOnlyList<Platform.Web.FieldError> Errors);
