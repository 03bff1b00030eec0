using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using VnTrace.Server.Certificates;
using VnTrace.Server.Identity;
using VnTrace.Server.Platform.Data;
using VnTrace.Server.Platform.Text;

namespace VnTrace.Server.Workspace.Certificates;

/// <summary>What the list filters on: a validity state, or the archived certificates.</summary>
public enum CertificateListState
{
    Valid,
    Expiring,
    Expired,
    NotYetValid,
    Archived,
}

/// <summary>The business's certificates: by kind and validity, searched by number or issuer.</summary>
public sealed class IndexModel(VnTraceDbContext db, CurrentBusiness business, TimeProvider clock) : PageModel
{
    public const int PageSize = 25;

    [BindProperty(SupportsGet = true)]
    public CertificateKind? Kind { get; set; }

    [BindProperty(SupportsGet = true)]
    public CertificateListState? State { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public int Total { get; private set; }
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
    public DateOnly Today { get; private set; }

    public sealed record Row(Guid Id, CertificateKind Kind, string? OtherKindName, string Number, string Issuer,
        DateOnly ValidFrom, DateOnly? ValidTo, int? OcopStars, Guid? FileId, bool Archived, int Products, int Locations);

    public async Task OnGetAsync(CancellationToken ct)
    {
        Today = VietnamTime.Today(clock);
        var query = db.Certificates.Where(c => c.OrganizationId == business.Id);
        query = State switch
        {
            CertificateListState.Archived => query.Where(c => c.Archived),
            null => query.Where(c => !c.Archived),
            { } s => query.Where(c => !c.Archived).Where(CertificateValidity.InState(s switch
            {
                CertificateListState.Valid => CertificateState.Valid,
                CertificateListState.Expiring => CertificateState.Expiring,
                CertificateListState.Expired => CertificateState.Expired,
                _ => CertificateState.NotYetValid,
            }, Today)),
        };
        if (Kind is { } kind)
            query = query.Where(c => c.Kind == kind);
        if (!string.IsNullOrWhiteSpace(Q))
        {
            var q = Q.Trim().ToLower();
            query = query.Where(c => c.Number.ToLower().Contains(q) || c.Issuer.ToLower().Contains(q));
        }
        Total = await query.CountAsync(ct);
        PageNumber = Math.Clamp(PageNumber, 1, Pages);
        Rows = await query
            .OrderBy(c => c.ValidTo == null).ThenBy(c => c.ValidTo).ThenBy(c => c.Number).ThenBy(c => c.Id)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize)
            .Select(c => new Row(c.Id, c.Kind, c.OtherKindName, c.Number, c.Issuer, c.ValidFrom, c.ValidTo, c.OcopStars,
                c.FileId, c.Archived,
                db.CertificateProducts.Count(cp => cp.CertificateId == c.Id),
                db.CertificateLocations.Count(cl => cl.CertificateId == c.Id)))
            .ToListAsync(ct);
    }

    /// <summary>The list's link for another page, keeping the filters.</summary>
    public string PageLink(int page) =>
        $"?kind={Kind}&state={State}&q={Uri.EscapeDataString(Q ?? "")}&p={page}";
}
