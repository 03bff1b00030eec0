using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using VnTrace.Server.Certificates;
using VnTrace.Server.Platform.Text;

namespace VnTrace.Server.Workspace.Certificates;

/// <summary>Adds a certificate, with its scope and its scan.</summary>
[RequestFormLimits(MultipartBodyLengthLimit = VnTrace.Server.Platform.Files.FileStore.MaxDocumentBytes + 1024 * 1024)]
[RequestSizeLimit(VnTrace.Server.Platform.Files.FileStore.MaxDocumentBytes + 1024 * 1024)]
public sealed class NewModel(CertificateEditor editor, TimeProvider clock, IStringLocalizer<CertificateText> t)
    : CertificateFormPage(editor)
{
    public async Task OnGetAsync(CancellationToken ct)
    {
        Form = new CertificateForm { ValidFrom = VietnamTime.Today(clock) };
        await LoadChoicesAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var saved = await SaveAsync(null, ct);
        if (saved is null)
        {
            await LoadChoicesAsync(ct);
            return Page();
        }
        TempData["Message"] = t["Certificates.Created", saved.Number].Value;
        return Redirect($"/workspace/certificates/{saved.Id}");
    }
}
