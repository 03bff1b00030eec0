using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using VnTrace.Server.Identity;
using VnTrace.Server.Locations;
using VnTrace.Server.Organizations.Reference;
using VnTrace.Server.Platform.Data;
using VnTrace.Server.Platform.Web;

namespace VnTrace.Server.Workspace.Locations;

/// <summary>What the new and edit pages share: the form, and the choices it offers (communes, farms, map set-up).</summary>
public abstract class LocationFormPage(VnTraceDbContext db, CurrentBusiness business, IConfiguration configuration, IOptions<MapOptions> map)
    : PageModel
{
    [BindProperty]
    public LocationForm Form { get; set; } = new();

    public sealed record FarmChoice(Guid Id, string Name, string Gln);

    public IReadOnlyList<Commune> Communes { get; private set; } = [];
    public IReadOnlyList<FarmChoice> Farms { get; private set; } = [];
    public MapOptions Map => map.Value;

    /// <summary>The company prefix new GLNs are allocated from, or null when the business has none yet.</summary>
    public string? CompanyPrefix { get; private set; }

    /// <summary>The location being edited (null on the new page).</summary>
    public Location? Editing { get; protected set; }

    /// <summary>Events or lots name the location being edited: its GLN can no longer change.</summary>
    public bool GlnLocked { get; protected set; }

    protected Task<VnTrace.Server.Organizations.Organization> OrganizationAsync(CancellationToken ct) => business.GetAsync(ct);

    protected async Task LoadChoicesAsync(CancellationToken ct)
    {
        var organization = await business.GetAsync(ct);
        CompanyPrefix = organization.CompanyPrefixInUse;
        Communes = AdministrativeUnits.CommunesOf(configuration.Province());
        var self = Editing?.Id;
        Farms = await db.Locations
            .Where(l => l.OrganizationId == business.Id && l.Kind == LocationKind.Farm && l.Id != self
                && (!l.Archived || l.Id == Form.ParentId))
            .OrderBy(l => l.Name)
            .Select(l => new FarmChoice(l.Id, l.Name, l.Gln))
            .ToListAsync(ct);
    }
}
