using System.ComponentModel.DataAnnotations;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using VnTrace.Server.Platform.Audit;
using VnTrace.Server.Platform.Data;
using VnTrace.Server.Platform.Files;
using VnTrace.Server.Platform.Web;
using VnTrace.Server.Identity;

namespace VnTrace.Server.Certificates;

/// <summary>What the create and edit forms post.</summary>
public sealed class CertificateForm
{
    [Display(Name = "Certificate.Kind")]
    public CertificateKind Kind { get; set; }

    [MaxLength(100, ErrorMessage = "Validation.MaxLength"), Display(Name = "Certificate.OtherKindName")]
    public string? OtherKindName { get; set; }

    [Required(ErrorMessage = "Validation.Required"), MaxLength(100, ErrorMessage = "Validation.MaxLength"), Display(Name = "Certificate.Number")]
    public string Number { get; set; } = "";

    [Required(ErrorMessage = "Validation.Required"), MaxLength(300, ErrorMessage = "Validation.MaxLength"), Display(Name = "Certificate.Issuer")]
    public string Issuer { get; set; } = "";

    [Required(ErrorMessage = "Validation.Required"), Display(Name = "Certificate.ValidFrom")]
    public DateOnly? ValidFrom { get; set; }

    [Display(Name = "Certificate.ValidTo")]
    public DateOnly? ValidTo { get; set; }

    [Range(3, 5, ErrorMessage = "Validation.Range"), Display(Name = "Certificate.OcopStars")]
    public int? OcopStars { get; set; }

    [MaxLength(1000, ErrorMessage = "Validation.MaxLength"), Display(Name = "Certificate.ScopeNote")]
    public string? ScopeNote { get; set; }

    [Display(Name = "Certificate.Products")]
    public List<Guid> ProductIds { get; set; } = [];

    [Display(Name = "Certificate.Locations")]
    public List<Guid> LocationIds { get; set; } = [];

    [Display(Name = "Certificate.File")]
    public IFormFile? File { get; set; }

    [Display(Name = "Certificate.RemoveFile")]
    public bool RemoveFile { get; set; }

    /// <summary>
    /// The scan an earlier post of this form stored although the form was refused, carried in a hidden field so
    /// that the person need not choose it again; checked against the business on every post.
    /// </summary>
    public Guid? HeldFileId { get; set; }

    public static CertificateForm From(Certificate c, IEnumerable<Guid> productIds, IEnumerable<Guid> locationIds) => new()
    {
        Kind = c.Kind,
        OtherKindName = c.OtherKindName,
        Number = c.Number,
        Issuer = c.Issuer,
        ValidFrom = c.ValidFrom,
        ValidTo = c.ValidTo,
        OcopStars = c.OcopStars,
        ScopeNote = c.ScopeNote,
        ProductIds = [.. productIds],
        LocationIds = [.. locationIds],
    };
}

/// <summary>A product or location the business may put in a certificate's scope.</summary>
public sealed record ScopeChoice(Guid Id, string Name, string Code, bool Archived);

/// <summary>The business's own products and locations, offered as a certificate's scope.</summary>
public sealed record ScopeChoices(IReadOnlyList<ScopeChoice> Products, IReadOnlyList<ScopeChoice> Locations)
{
    public static readonly ScopeChoices None = new([], []);
}

/// <summary>The certificate saved, or null with the refusals by <see cref="CertificateForm"/> property.</summary>
public sealed record CertificateSaveResult(Certificate? Saved, IReadOnlyList<FieldError> Errors);

/// <summary>
/// Creates, edits, archives and restores the business's certificates: checks the form beyond its annotations (kind
/// name for Other, dates in order, stars only for OCOP, scope limited to the business's own products and locations,
/// the scan's real type), stores the scan, and audits every change in the same SaveChanges as the change.
/// </summary>
public sealed class CertificateEditor(VnTraceDbContext db, CurrentBusiness business, FileStore files, AuditTrail audit,
    TimeProvider clock, IStringLocalizer<CertificateText> text, IStringLocalizer<SharedText> shared)
{
    /// <summary>The business's certificate, tracked for a change; null for another business's or an unknown id.</summary>
    public Task<Certificate?> FindAsync(Guid id, CancellationToken ct) =>
        db.Certificates.AsTracking().FirstOrDefaultAsync(c => c.Id == id && c.OrganizationId == business.Id, ct);

    public async Task<(List<Guid> Products, List<Guid> Locations)> ScopeAsync(Guid certificateId, CancellationToken ct) =>
        (await db.CertificateProducts.Where(cp => cp.CertificateId == certificateId).Select(cp => cp.ProductId).ToListAsync(ct),
         await db.CertificateLocations.Where(cl => cl.CertificateId == certificateId).Select(cl => cl.LocationId).ToListAsync(ct));

    /// <summary>Active products and locations, plus archived ones already selected (so an edit does not drop them silently).</summary>
    public async Task<ScopeChoices> ChoicesAsync(IReadOnlyCollection<Guid> selectedProducts, IReadOnlyCollection<Guid> selectedLocations, CancellationToken ct)
    {
        var org = business.Id;
        var products = await db.Products
            .Where(p => p.OrganizationId == org && (!p.Archived || selectedProducts.Contains(p.Id)))
            .OrderBy(p => p.NameVi)
            .Select(p => new ScopeChoice(p.Id, p.NameVi, p.Gtin, p.Archived))
            .ToListAsync(ct);
        var locations = await db.Locations
            .Where(l => l.OrganizationId == org && (!l.Archived || selectedLocations.Contains(l.Id)))
            .OrderBy(l => l.Name)
            .Select(l => new ScopeChoice(l.Id, l.Name, l.Gln, l.Archived))
            .ToListAsync(ct);
        return new ScopeChoices(products, locations);
    }

    /// <summary>
    /// Checks <paramref name="form"/> and saves it as a new certificate (<paramref name="existing"/> null) or over
    /// <paramref name="existing"/> (tracked, from <see cref="FindAsync"/>). On a refusal the result lists the
    /// reasons by form property and nothing is saved; when <paramref name="annotationsValid"/> is false (the page's
    /// binding already refused the form) the checks still run, for every message at once, but nothing is saved.
    /// </summary>
    public async Task<CertificateSaveResult> SaveAsync(Certificate? existing, CertificateForm form, bool annotationsValid, CancellationToken ct)
    {
        var errors = new FieldErrors();
        Normalize(form);
        if (form.Kind == CertificateKind.Other && form.OtherKindName is null)
            errors.Add(nameof(form.OtherKindName), text["Certificate.OtherKindNameRequired"]);
        if (form.ValidFrom is { } from && form.ValidTo is { } to && to < from)
            errors.Add(nameof(form.ValidTo), text["Certificate.ValidToBeforeFrom"]);
        if (!Enum.IsDefined(form.Kind))
            errors.Add(nameof(form.Kind), shared["Validation.ValueInvalid", form.Kind.ToString(), text["Certificate.Kind"].Value]);

        var org = business.Id;
        var productIds = form.ProductIds.Distinct().ToList();
        var locationIds = form.LocationIds.Distinct().ToList();
        // The checkboxes only offer the business's own rows; anything else was forged or is stale. Refuse it whole
        // rather than silently dropping it, and say so.
        var ownProducts = await db.Products.CountAsync(p => p.OrganizationId == org && productIds.Contains(p.Id), ct);
        if (ownProducts != productIds.Count)
            errors.Add(nameof(form.ProductIds), text["Certificate.ForeignProduct"]);
        var ownLocations = await db.Locations.CountAsync(l => l.OrganizationId == org && locationIds.Contains(l.Id), ct);
        if (ownLocations != locationIds.Count)
            errors.Add(nameof(form.LocationIds), text["Certificate.ForeignLocation"]);

        // The scan: chosen now, or held from an earlier refused post of this form — a file of this business that no
        // certificate or product uses yet (never another business's file, whatever the hidden field says).
        StoredFile? upload = null;
        Guid? held = null;
        if (form.File is { Length: > 0 } file)
        {
            var stored = await files.AddAsync(org, file, FilePurpose.Document, isPublic: false, ct);
            if (stored.File is null)
                errors.Add(nameof(form.File), shared[stored.ErrorKey!]);
            upload = stored.File;
        }
        else if (form.HeldFileId is { } heldId)
        {
            if (await db.Files.AnyAsync(f => f.Id == heldId && f.OrganizationId == org && !f.Public
                    && !db.Certificates.Any(c => c.FileId == heldId) && !db.ProductImages.Any(i => i.FileId == heldId), ct))
                held = heldId;
            else
                errors.Add(nameof(form.File), text["Certificate.FileGone"]);
        }
        form.HeldFileId = upload?.Id ?? held;

        if (errors.Any || !annotationsValid)
        {
            if (upload is not null)
            {
                // Kept for the form shown again; nothing else is tracked as changed yet.
                audit.Record("certificate.file.hold", nameof(StoredFile), upload.Id, new { upload.FileName });
                await db.SaveChangesAsync(ct);
            }
            return new CertificateSaveResult(null, errors.List);
        }

        var certificate = existing ?? new Certificate { OrganizationId = org, Number = "", Issuer = "" };
        if (certificate.OrganizationId != org)
            throw new InvalidOperationException("A certificate of another organization reached the editor.");
        var (oldProducts, oldLocations) = existing is null ? ([], []) : await ScopeAsync(existing.Id, ct);
        var before = existing is null ? null : Snapshot(existing, oldProducts, oldLocations);

        certificate.Kind = form.Kind;
        certificate.OtherKindName = form.OtherKindName;
        certificate.Number = form.Number;
        certificate.Issuer = form.Issuer;
        certificate.ValidFrom = form.ValidFrom!.Value;
        certificate.ValidTo = form.ValidTo;
        certificate.OcopStars = form.OcopStars;
        certificate.ScopeNote = form.ScopeNote;
        if (upload is not null)
            certificate.FileId = upload.Id;
        else if (held is not null)
            certificate.FileId = held;
        else if (form.RemoveFile)
            certificate.FileId = null; // the file itself stays: the audit log points at it
        certificate.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        if (existing is null)
        {
            certificate.CreatedAt = certificate.UpdatedAt;
            db.Certificates.Add(certificate);
        }

        foreach (var gone in oldProducts.Except(productIds))
            db.CertificateProducts.Remove(new CertificateProduct { CertificateId = certificate.Id, ProductId = gone });
        foreach (var added in productIds.Except(oldProducts))
            db.CertificateProducts.Add(new CertificateProduct { CertificateId = certificate.Id, ProductId = added });
        foreach (var gone in oldLocations.Except(locationIds))
            db.CertificateLocations.Remove(new CertificateLocation { CertificateId = certificate.Id, LocationId = gone });
        foreach (var added in locationIds.Except(oldLocations))
            db.CertificateLocations.Add(new CertificateLocation { CertificateId = certificate.Id, LocationId = added });

        var after = Snapshot(certificate, productIds, locationIds);
        if (before is null)
            audit.Record("certificate.create", nameof(Certificate), certificate.Id, after);
        else
        {
            var changes = Changes(before, after);
            if (changes.Count == 0)
                return new CertificateSaveResult(certificate, []); // nothing changed: nothing to save or audit
            audit.Record("certificate.update", nameof(Certificate), certificate.Id, changes);
        }
        await db.SaveChangesAsync(ct);
        return new CertificateSaveResult(certificate, []);
    }

    /// <summary>Archives (withdraws) or restores a certificate; false when it is not the business's.</summary>
    public async Task<bool> SetArchivedAsync(Guid id, bool archived, CancellationToken ct)
    {
        var certificate = await FindAsync(id, ct);
        if (certificate is null)
            return false;
        if (certificate.Archived == archived)
            return true;
        certificate.Archived = archived;
        certificate.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        audit.Record(archived ? "certificate.archive" : "certificate.restore", nameof(Certificate), certificate.Id,
            new { kind = certificate.Kind.ToString(), number = certificate.Number });
        await db.SaveChangesAsync(ct);
        return true;
    }

    private static void Normalize(CertificateForm form)
    {
        static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
        form.Number = form.Number?.Trim() ?? "";
        form.Issuer = form.Issuer?.Trim() ?? "";
        form.ScopeNote = Clean(form.ScopeNote);
        form.OtherKindName = form.Kind == CertificateKind.Other ? Clean(form.OtherKindName) : null;
        // Stars belong to an OCOP rating only.
        if (form.Kind != CertificateKind.Ocop)
            form.OcopStars = null;
    }

    /// <summary>What the audit log keeps of a certificate: every field a person edits, scope ids sorted.</summary>
    private static SortedDictionary<string, JsonNode?> Snapshot(Certificate c, IEnumerable<Guid> products, IEnumerable<Guid> locations) => new(StringComparer.Ordinal)
    {
        ["kind"] = c.Kind.ToString(),
        ["otherKindName"] = c.OtherKindName,
        ["number"] = c.Number,
        ["issuer"] = c.Issuer,
        ["validFrom"] = c.ValidFrom.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        ["validTo"] = c.ValidTo?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        ["ocopStars"] = c.OcopStars,
        ["scopeNote"] = c.ScopeNote,
        ["fileId"] = c.FileId?.ToString(),
        ["productIds"] = new JsonArray([.. products.Order().Select(p => (JsonNode?)p.ToString())]),
        ["locationIds"] = new JsonArray([.. locations.Order().Select(l => (JsonNode?)l.ToString())]),
    };

    /// <summary>Field → [before, after] for the fields that differ.</summary>
    private static JsonObject Changes(SortedDictionary<string, JsonNode?> before, SortedDictionary<string, JsonNode?> after)
    {
        var changes = new JsonObject();
        foreach (var (field, old) in before)
        {
            var now = after[field];
            if (!JsonNode.DeepEquals(old, now))
                changes[field] = new JsonArray(old?.DeepClone(), now?.DeepClone());
        }
        return changes;
    }
}
