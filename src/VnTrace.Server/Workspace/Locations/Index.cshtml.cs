using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using VnTrace.Server.Identity;
using VnTrace.Server.Locations;
using VnTrace.Server.Platform.Data;

namespace VnTrace.Server.Workspace.Locations;

/// <summary>The business's locations: filter by kind, search by name, GLN or planting-area code, 25 to a page.</summary>
public sealed class IndexModel(VnTraceDbContext db, CurrentBusiness business) : PageModel
{
    public const int PageSize = 25;

    [BindProperty(SupportsGet = true)]
    public LocationKind? Kind { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    /// <summary>Show archived locations too.</summary>
    [BindProperty(SupportsGet = true)]
    public bool Archived { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public int Total { get; private set; }
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);

    public sealed record Row(Guid Id, LocationKind Kind, string Name, string Gln, string? PlantingAreaCode, string? PackingHouseCode,
        string? Crop, decimal? AreaHectares, string? CommuneCode, string? ParentName, bool Archived);

    public async Task OnGetAsync(CancellationToken ct)
    {
        var query = db.Locations.Where(l => l.OrganizationId == business.Id);
        if (!Archived)
            query = query.Where(l => !l.Archived);
        if (Kind is { } kind)
            query = query.Where(l => l.Kind == kind);
        if (!string.IsNullOrWhiteSpace(Q))
        {
            var q = Q.Trim().ToLower();
            query = query.Where(l => l.Name.ToLower().Contains(q) || l.Gln.StartsWith(q)
                || (l.PlantingAreaCode != null && l.PlantingAreaCode.ToLower().Contains(q)));
        }
        Total = await query.CountAsync(ct);
        PageNumber = Math.Clamp(PageNumber, 1, Pages);
        Rows = await query.OrderBy(l => l.Name).ThenBy(l => l.Id)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize)
            .Select(l => new Row(l.Id, l.Kind, l.Name, l.Gln, l.PlantingAreaCode, l.PackingHouseCode, l.Crop, l.AreaHectares, l.CommuneCode,
                db.Locations.Where(p => p.Id == l.ParentId).Select(p => p.Name).FirstOrDefault(), l.Archived))
            .ToListAsync(ct);
    }

    /// <summary>The list's query string for another page, keeping the filters.</summary>
    public string PageLink(int page) =>
        $"?kind={Kind}&q={Uri.EscapeDataString(Q ?? "")}{(Archived ? "&archived=true" : "")}&p={page}";
}
