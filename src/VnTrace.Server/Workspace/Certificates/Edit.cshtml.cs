using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using VnTrace.Server.Certificates;
using VnTrace.Server.Platform.Data;

namespace VnTrace.Server.Workspace.Certificates;

/// <summary>Edits a certificate of the business; another business's answers 404.</summary>
[RequestFormLimits(MultipartBodyLengthLimit = VnTrace.Server.Platform.Files.FileStore.MaxDocumentBytes + 1024 * 1024)]
[RequestSizeLimit(VnTrace.Server.Platform.Files.FileStore.MaxDocumentBytes + 1024 * 1024)]
public sealed class EditModel(CertificateEditor editor, VnTraceDbContext db, IStringLocalizer<CertificateText> t)
    : CertificateFormPage(editor)
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    public string Number { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var certificate = await Editor.FindAsync(Id, ct);
        if (certificate is null)
            return NotFound();
        var (products, locations) = await Editor.ScopeAsync(Id, ct);
        Form = CertificateForm.From(certificate, products, locations);
        await LoadAsync(certificate, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var certificate = await Editor.FindAsync(Id, ct);
        if (certificate is null)
            return NotFound();
        var saved = await SaveAsync(certificate, ct);
        if (saved is null)
        {
            await LoadAsync(certificate, ct);
            return Page();
        }
        TempData["Message"] = t["Certificates.Saved", saved.Number].Value;
        return Redirect($"/workspace/certificates/{saved.Id}");
    }

    private async Task LoadAsync(Certificate certificate, CancellationToken ct)
    {
        Number = certificate.Number;
        CurrentFileId = certificate.FileId;
        if (certificate.FileId is { } fileId)
            CurrentFileName = await db.Files.Where(f => f.Id == fileId).Select(f => f.FileName).FirstOrDefaultAsync(ct);
        await LoadChoicesAsync(ct);
    }
}
