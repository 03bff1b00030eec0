using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using VnTrace.Server.Platform.Web;

namespace VnTrace.Server.Certificates;

/// <summary>What the create and edit pages share: the posted form and the scope the business may choose from.</summary>
public abstract class CertificateFormPage(CertificateEditor editor) : PageModel
{
    [BindProperty]
    public CertificateForm Form { get; set; } = new();

    public ScopeChoices Choices { get; private set; } = ScopeChoices.None;

    /// <summary>The name of the scan already attached (edit), shown next to the upload field.</summary>
    public string? CurrentFileName { get; protected set; }

    public Guid? CurrentFileId { get; protected set; }

    protected CertificateEditor Editor => editor;

    /// <summary>Saves <see cref="Form"/> through the editor; null with its refusals beside their fields.</summary>
    protected async Task<Certificate?> SaveAsync(Certificate? existing, CancellationToken ct)
    {
        var result = await editor.SaveAsync(existing, Form, ModelState.IsValid, ct);
        ModelState.AddFieldErrors(result.Errors);
        return result.Saved;
    }

    protected async Task LoadChoicesAsync(CancellationToken ct) =>
        Choices = await editor.ChoicesAsync(Form.ProductIds, Form.LocationIds, ct);
}
