namespace VnTrace.Server.Lookup;

/// <summary>The consumer lookup, bound from "VnTrace:Lookup".</summary>
public sealed class LookupOptions
{
    /// <summary>How long a consumer page or linkset stays in the output cache unless a new event or recall evicts it sooner.</summary>
    public int CacheSeconds { get; set; } = 300;

    /// <summary>At most this many events on a page's journey (the page stays small on a phone).</summary>
    public int MaxJourneyEvents { get; set; } = 60;

    /// <summary>Bound from "VnTrace:Map" (the map is the site's, not only the lookup's).</summary>
    public MapOptions Map { get; set; } = new();

    public AuthenticityOptions Authenticity { get; set; } = new();

    /// <summary>Scans counted per client address per minute; more views are served but not counted (a flood cannot fake popularity or a copy).</summary>
    public int ScansPerMinutePerAddress { get; set; } = 30;

    /// <summary>Requests per client address per minute that reach the database (cache misses, per-unit pages); 0 for no limit.</summary>
    public int UncachedRequestsPerMinutePerAddress { get; set; } = 120;

    /// <summary>Problem reports per client address per hour.</summary>
    public int ReportsPerHourPerAddress { get; set; } = 5;

    /// <summary>A report form sent back sooner than this after it was shown is treated as a robot's.</summary>
    public int ReportMinimumFillSeconds { get; set; } = 3;

    /// <summary>Scans waiting for the background writer; beyond this they are dropped rather than slow the page.</summary>
    public int ScanQueueCapacity { get; set; } = 10_000;
}

/// <summary>
/// The map of a consumer page: Leaflet with tiles from a configurable server; without tiles the markers still show.
/// Empty by default, so a consumer's phone asks no third party for tiles until the operator chooses a tile server.
/// </summary>
public sealed class MapOptions
{
    /// <summary>Tile URL template ({z}/{x}/{y}); empty draws the places on a plain background.</summary>
    public string TileUrl { get; set; } = "";
    public string Attribution { get; set; } = "";
}

/// <summary>
/// When the scans of one serialised code suggest a copied label (docs/lookup.md, "Authenticity"): within
/// <see cref="WindowHours"/>, more than <see cref="MaxScansInWindow"/> scans, or scans from more than
/// <see cref="MaxPlacesInWindow"/> places (cells of <see cref="PlaceCellDegrees"/>°).
/// </summary>
public sealed class AuthenticityOptions
{
    public int WindowHours { get; set; } = 72;
    public int MaxScansInWindow { get; set; } = 20;
    public int MaxPlacesInWindow { get; set; } = 3;
    /// <summary>0.1° ≈ 11 km: one shop, one town; a label seen in several towns at once is suspect.</summary>
    public double PlaceCellDegrees { get; set; } = 0.1;
    /// <summary>Views of the same code from the same browser within this many minutes count as one person looking again.</summary>
    public int RepeatMinutes { get; set; } = 30;
}
