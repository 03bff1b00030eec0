using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using VnTrace.Server.Gs1Allocation;
using VnTrace.Server.Organizations;
using VnTrace.Server.Organizations.Reference;
using VnTrace.Server.Platform.Audit;
using VnTrace.Server.Platform.Data;
using VnTrace.Server.Identity;

namespace VnTrace.Server.Workspace.Profile;

/// <summary>
/// The organization's profile: owners edit it, staff read it. Shows the GS1 codes the business issues from (its own
/// company prefix or one allocated from the province's range, and its party GLN).
/// </summary>
public sealed class IndexModel(VnTraceDbContext db, CurrentBusiness business, AuditTrail audit, Gs1Numbering numbering,
    IStringLocalizer<ProfileText> t) : PageModel
{
    [BindProperty]
    public ProfileForm Form { get; set; } = new();

    public Organization Organization { get; private set; } = null!;
    public bool CanEdit => business.IsOwner;

    /// <summary>True when GS1 codes were already issued from the company prefix in use, which then cannot change.</summary>
    public bool PrefixFrozen { get; private set; }

    /// <summary>The communes to choose from: those of every province whose list the system has, by province.</summary>
    public static IEnumerable<(Province Province, IReadOnlyList<Commune> Communes)> CommuneChoices =>
        AdministrativeUnits.Provinces.Select(p => (p, AdministrativeUnits.CommunesOf(p.Code))).Where(p => p.Item2.Count > 0);

    public sealed class ProfileForm : OrganizationFields
    {
        [Required(ErrorMessage = "Validation.Required"), MaxLength(300, ErrorMessage = "Validation.MaxLength"), Display(Name = "Organization.Name")]
        public string Name { get; set; } = "";

        [MaxLength(200, ErrorMessage = "Validation.MaxLength"), Display(Name = "Organization.ContactName")]
        public string? ContactName { get; set; }

        [MaxLength(300, ErrorMessage = "Validation.MaxLength"), Display(Name = "Organization.Website")]
        public string? Website { get; set; }
    }

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(tracking: false, ct);
        Form = new ProfileForm
        {
            Name = Organization.Name,
            BusinessForm = Organization.Form,
            TaxCode = Organization.TaxCode,
            CommuneCode = Organization.CommuneCode,
            AddressLine = Organization.AddressLine,
            ContactName = Organization.ContactName,
            Phone = Organization.Phone,
            Email = Organization.Email,
            Website = Organization.Website,
            Sector = Organization.Sector,
            OcopParticipant = Organization.OcopParticipant,
            Gs1CompanyPrefix = Organization.Gs1CompanyPrefix,
        };
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!business.IsOwner)
            return Forbid();
        await LoadAsync(tracking: true, ct);
        var o = Organization;

        var taxCode = OrganizationCodes.Clean(Form.TaxCode);
        if (taxCode is not null && taxCode != o.TaxCode)
        {
            if (!OrganizationCodes.IsTaxCode(taxCode))
                ModelState.AddModelError("Form.TaxCode", t["Profile.TaxCodeInvalid"]);
            else if (await db.Organizations.TaxCodeTakenAsync(taxCode, o.Id, ct))
                ModelState.AddModelError("Form.TaxCode", t["Profile.TaxCodeTaken"]);
        }
        var communeCode = OrganizationCodes.Clean(Form.CommuneCode);
        var commune = communeCode is null ? null : AdministrativeUnits.FindCommune(communeCode);
        if (communeCode is not null && commune is null && communeCode != o.CommuneCode)
            ModelState.AddModelError("Form.CommuneCode", t["Profile.CommuneUnknown"]);
        var sector = OrganizationCodes.Clean(Form.Sector);
        if (sector is not null && !Sectors.IsKnown(sector))
            ModelState.AddModelError("Form.Sector", t["Profile.SectorUnknown"]);
        var website = OrganizationCodes.Clean(Form.Website);
        if (website is not null)
        {
            website = NormalizeWebsite(website);
            if (website is null)
                ModelState.AddModelError("Form.Website", t["Profile.WebsiteInvalid"]);
        }
        var prefix = OrganizationCodes.Clean(Form.Gs1CompanyPrefix);
        if (prefix != o.Gs1CompanyPrefix)
        {
            if (PrefixFrozen)
                ModelState.AddModelError("Form.Gs1CompanyPrefix", t["Profile.PrefixFrozen", o.CompanyPrefixInUse ?? ""]);
            else if (prefix is not null && !OrganizationCodes.IsGs1CompanyPrefix(prefix))
                ModelState.AddModelError("Form.Gs1CompanyPrefix", t["Profile.PrefixInvalid"]);
            else if (prefix is not null && await db.Organizations.CompanyPrefixTakenAsync(prefix, o.Id, ct))
                ModelState.AddModelError("Form.Gs1CompanyPrefix", t["Profile.PrefixTaken"]);
        }
        if (!ModelState.IsValid)
        {
            db.ChangeTracker.Clear();
            return Page();
        }

        var before = Snapshot(o);
        o.Name = Form.Name.Trim();
        o.Form = Form.BusinessForm;
        o.TaxCode = taxCode;
        o.CommuneCode = communeCode;
        o.ProvinceCode = commune?.ProvinceCode ?? o.ProvinceCode;
        o.AddressLine = OrganizationCodes.Clean(Form.AddressLine);
        o.ContactName = OrganizationCodes.Clean(Form.ContactName);
        o.Phone = OrganizationCodes.Clean(Form.Phone);
        o.Email = OrganizationCodes.Clean(Form.Email);
        o.Website = website;
        o.Sector = sector;
        o.OcopParticipant = Form.OcopParticipant;
        var prefixInUse = o.CompanyPrefixInUse;
        o.Gs1CompanyPrefix = prefix;
        var prefixChanged = o.CompanyPrefixInUse != prefixInUse;
        if (prefixChanged)
            StartNumberingAgain(o, prefixInUse);

        var after = Snapshot(o);
        var changes = before.Where(b => !Equals(b.Value, after[b.Key]))
            .ToDictionary(b => b.Key, b => new { before = b.Value, after = after[b.Key] });
        if (changes.Count > 0)
        {
            audit.Record("organization.profile", nameof(VnTrace.Server.Organizations.Organization), o.Id, changes, o.Id);
            await db.SaveChangesAsync(ct);
        }
        TempData["Message"] = t["Profile.Saved"].Value;
        if (prefixChanged && o.Status == OrganizationStatus.Approved)
        {
            // An approved business keeps what it needs to issue codes: a prefix (allocated when it gave up its
            // own) and a party GLN made from the prefix now in use.
            try
            {
                await numbering.EnsureCodesAsync(o.Id, ct);
            }
            catch (Gs1AllocationException e)
            {
                TempData["Error"] = t["Profile.AllocationFailed", e.Message].Value;
            }
        }
        return RedirectToPage();
    }

    /// <summary>
    /// Nothing was issued from the old prefix (or there was none): numbering starts over under the new one, and a
    /// party GLN made from the old prefix is given up.
    /// </summary>
    private static void StartNumberingAgain(Organization o, string? oldPrefix)
    {
        o.NextGtinReference = 0;
        o.NextGlnReference = 0;
        if (oldPrefix is not null && o.Gln is not null && o.Gln.StartsWith(oldPrefix, StringComparison.Ordinal))
            o.Gln = null;
    }

    private async Task LoadAsync(bool tracking, CancellationToken ct)
    {
        var query = tracking ? db.Organizations.AsTracking() : db.Organizations;
        Organization = await query.FirstAsync(o => o.Id == business.Id, ct);
        PrefixFrozen = Organization.CompanyPrefixInUse is { } inUse && await CodesIssuedFromAsync(Organization, inUse, ct);
    }

    /// <summary>
    /// Whether GS1 keys made from <paramref name="prefix"/> are already out in the world: a GTIN handed out, a product,
    /// location or lot carrying one, or any event recorded (events name the party GLN and locations). Printed labels
    /// and captured events cannot be recalled, so the prefix in use is fixed from then on.
    /// </summary>
    private async Task<bool> CodesIssuedFromAsync(Organization o, string prefix, CancellationToken ct) =>
        o.NextGtinReference > 0
        || await db.Products.AnyAsync(p => p.OrganizationId == o.Id && p.Gtin.Substring(1).StartsWith(prefix), ct)
        || await db.Lots.AnyAsync(l => l.OrganizationId == o.Id && l.Gtin.Substring(1).StartsWith(prefix), ct)
        || await db.Locations.AnyAsync(l => l.OrganizationId == o.Id && l.Gln.StartsWith(prefix), ct)
        || await db.Events.AnyAsync(e => e.OwnerId == o.Id, ct);

    private static Dictionary<string, object?> Snapshot(Organization o) => new()
    {
        ["name"] = o.Name,
        ["form"] = o.Form.ToString(),
        ["taxCode"] = o.TaxCode,
        ["communeCode"] = o.CommuneCode,
        ["addressLine"] = o.AddressLine,
        ["contactName"] = o.ContactName,
        ["phone"] = o.Phone,
        ["email"] = o.Email,
        ["website"] = o.Website,
        ["sector"] = o.Sector,
        ["ocopParticipant"] = o.OcopParticipant,
        ["gs1CompanyPrefix"] = o.Gs1CompanyPrefix,
        ["gln"] = o.Gln,
    };

    /// <summary>An http(s) address; "htx-eatu.vn" is taken as https://htx-eatu.vn. Null when it is not one.</summary>
    private static string? NormalizeWebsite(string text)
    {
        var candidate = text.Contains("://", StringComparison.Ordinal) ? text : "https://" + text;
        return Uri.TryCreate(candidate, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && uri.Host.Contains('.', StringComparison.Ordinal)
            ? uri.ToString().TrimEnd('/') : null;
    }
}
