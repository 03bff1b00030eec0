using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using VnTrace.Server.Certificates;
using VnTrace.Server.Identity;
using VnTrace.Server.Platform.Data;
using VnTrace.Server.Platform.Text;

namespace VnTrace.Server.Workspace.Certificates;

/// <summary>One certificate of the business: what it says, what it covers, its scan and its history.</summary>
public sealed class DetailsModel(VnTraceDbContext db, CurrentBusiness business, CertificateEditor editor, TimeProvider clock,
    IStringLocalizer<CertificateText> t) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    public Certificate Certificate { get; private set; } = null!;
    public CertificateState State { get; private set; }
    public DateOnly Today { get; private set; }
    public IReadOnlyList<ScopeChoice> Products { get; private set; } = [];
    public IReadOnlyList<ScopeChoice> Locations { get; private set; } = [];
    public ScanFile? Scan { get; private set; }
    public IReadOnlyList<HistoryRow> History { get; private set; } = [];

    public sealed record ScanFile(Guid Id, string Name, string ContentType, long Length);

    public sealed record HistoryRow(DateTime At, string Action, string? UserName);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var org = business.Id;
        var certificate = await db.Certificates.FirstOrDefaultAsync(c => c.Id == Id && c.OrganizationId == org, ct);
        if (certificate is null)
            return NotFound();
        Certificate = certificate;
        Today = VietnamTime.Today(clock);
        State = CertificateValidity.StateOn(certificate, Today);
        Products = await db.Products
            .Where(p => p.OrganizationId == org && db.CertificateProducts.Any(cp => cp.CertificateId == Id && cp.ProductId == p.Id))
            .OrderBy(p => p.NameVi)
            .Select(p => new ScopeChoice(p.Id, p.NameVi, p.Gtin, p.Archived)).ToListAsync(ct);
        Locations = await db.Locations
            .Where(l => l.OrganizationId == org && db.CertificateLocations.Any(cl => cl.CertificateId == Id && cl.LocationId == l.Id))
            .OrderBy(l => l.Name)
            .Select(l => new ScopeChoice(l.Id, l.Name, l.Gln, l.Archived)).ToListAsync(ct);
        if (certificate.FileId is { } fileId)
            Scan = await db.Files.Where(f => f.Id == fileId && f.OrganizationId == org)
                .Select(f => new ScanFile(f.Id, f.FileName, f.ContentType, f.Length)).FirstOrDefaultAsync(ct);
        var id = Id.ToString();
        History = await db.AuditLog
            .Where(a => a.EntityType == nameof(Certificate) && a.EntityId == id && a.OrganizationId == org)
            .OrderByDescending(a => a.At).ThenByDescending(a => a.Id).Take(50)
            .Select(a => new HistoryRow(a.At, a.Action, db.Users.Where(u => u.Id == a.UserId).Select(u => u.FullName).FirstOrDefault()))
            .ToListAsync(ct);
        return Page();
    }

    public Task<IActionResult> OnPostArchiveAsync(CancellationToken ct) => SetArchivedAsync(true, ct);

    public Task<IActionResult> OnPostRestoreAsync(CancellationToken ct) => SetArchivedAsync(false, ct);

    private async Task<IActionResult> SetArchivedAsync(bool archived, CancellationToken ct)
    {
        if (!await editor.SetArchivedAsync(Id, archived, ct))
            return NotFound();
        TempData["Message"] = (archived ? t["Certificates.ArchivedMessage"] : t["Certificates.RestoredMessage"]).Value;
        return Redirect($"/workspace/certificates/{Id}");
    }
}
