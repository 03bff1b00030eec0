using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using VnTrace.Gs1.Identifiers;
using VnTrace.Server.Organizations;
using VnTrace.Server.Platform.Data;
using VnTrace.Server.Lookup.Reports;

// The feature's forms live in its namespace, so their field names and messages come from LookupText.
namespace VnTrace.Server.Lookup;

/// <summary>What a consumer writes in the "report a problem" form.</summary>
public sealed class ProblemReportForm
{
    [Display(Name = "Report.Category")]
    public ProblemCategory Category { get; set; } = ProblemCategory.Quality;

    [Display(Name = "Report.Message")]
    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(2000, MinimumLength = 10, ErrorMessage = "Report.MessageLength")]
    public string? Message { get; set; }

    [Display(Name = "Report.Contact")]
    [StringLength(200, ErrorMessage = "Validation.MaxLength")]
    public string? Contact { get; set; }

    /// <summary>A field people never see (moved off screen): robots fill it in.</summary>
    public string? Website { get; set; }

    /// <summary>When the form was shown, protected against tampering: a reply sooner than a person could type is a robot's.</summary>
    public string? Ticket { get; set; }
}

/// <summary>
/// "Report a problem" about a code, for the business it belongs to and the authority. Anti-forgery checked, rate
/// limited per client address (<see cref="LookupSetup.ReportPolicy"/>), and robots kept out by a hidden field and a
/// minimum time between showing the form and sending it.
/// </summary>
[EnableRateLimiting(LookupSetup.ReportPolicy)]
public sealed class ReportModel(VnTraceDbContext db, IDataProtectionProvider protection, LookupOptions options, TimeProvider clock,
    IStringLocalizer<LookupText> l) : PageModel
{
    private IDataProtector Protector => protection.CreateProtector("VnTrace.Lookup.ReportTicket");

    [BindProperty(SupportsGet = true)]
    public string? Code { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Sent { get; set; }

    [BindProperty]
    public ProblemReportForm Form { get; set; } = new();

    public DigitalLink? Link { get; private set; }

    /// <summary>The consumer page the report is about.</summary>
    public string BackPath => Link?.ToUri("", includeQuery: false) ?? "/";
    public string? ProductName { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await ReadCodeAsync(ct))
            return Page();
        Form.Ticket = Protector.Protect(clock.GetUtcNow().UtcTicks.ToString(CultureInfo.InvariantCulture));
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await ReadCodeAsync(ct))
            return Page();
        // A robot that filled the hidden field is thanked and forgotten.
        if (!string.IsNullOrEmpty(Form.Website))
            return RedirectToPage(new { code = Code, sent = true });
        if (!TicketAge(Form.Ticket, out var age) || age < TimeSpan.FromSeconds(options.ReportMinimumFillSeconds) || age > TimeSpan.FromDays(1))
            ModelState.AddModelError(string.Empty, l["Report.TooFast"]);
        if (!Enum.IsDefined(Form.Category))
            ModelState.AddModelError("Form.Category", l["Report.CategoryInvalid"]);
        if (!ModelState.IsValid)
        {
            Form.Ticket = Protector.Protect(clock.GetUtcNow().UtcTicks.ToString(CultureInfo.InvariantCulture));
            return Page();
        }
        var link = Link!;
        string? Q(string ai) => link.Qualifiers.FirstOrDefault(q => q.Ai == ai) is { Ai: not null } q ? q.Value : null;
        var gtin = link.PrimaryKey.Ai == "01" ? link.PrimaryKey.Value : null;
        var owner = gtin is null ? null : await db.Products.IgnoreTenantFilter("an anonymous report goes to the business that declared the code")
            .Where(p => p.Gtin == gtin).Select(p => (Guid?)p.OrganizationId).FirstOrDefaultAsync(ct);
        owner ??= link.PrimaryKey.Ai is "414" or "417"
            ? await db.Locations.IgnoreTenantFilter("an anonymous report about a place goes to its owner").Where(x => x.Gln == link.PrimaryKey.Value).Select(x => (Guid?)x.OrganizationId).FirstOrDefaultAsync(ct)
              ?? await db.Organizations.Where(o => o.Gln == link.PrimaryKey.Value && o.Kind == OrganizationKind.Business).Select(o => (Guid?)o.Id).FirstOrDefaultAsync(ct)
            : null;
        db.ProblemReports.Add(new ProblemReport
        {
            CreatedAt = clock.GetUtcNow().UtcDateTime,
            Identifier = link.ToCanonicalUri(),
            Gtin = gtin,
            LotNumber = gtin is null ? null : Q("10"),
            Serial = gtin is null ? null : Q("21"),
            OrganizationId = owner,
            Category = Form.Category,
            Message = Form.Message!.Trim(),
            Contact = string.IsNullOrWhiteSpace(Form.Contact) ? null : Form.Contact.Trim(),
        });
        await db.SaveChangesAsync(ct);
        return RedirectToPage(new { code = Code, sent = true });
    }

    private bool TicketAge(string? ticket, out TimeSpan age)
    {
        age = TimeSpan.Zero;
        try
        {
            if (ticket is null || !long.TryParse(Protector.Unprotect(ticket), NumberStyles.None, CultureInfo.InvariantCulture, out var ticks))
                return false;
            age = clock.GetUtcNow() - new DateTimeOffset(ticks, TimeSpan.Zero);
            return true;
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return false;
        }
    }

    /// <summary>The code the report is about: a Digital Link path on this resolver (as the consumer page links it).</summary>
    private async Task<bool> ReadCodeAsync(CancellationToken ct)
    {
        // Only a path that starts with the key: "//elsewhere/01/…" would parse with a host of its own.
        if (Code is not { Length: > 1 and <= 1024 } || Code[0] != '/' || !DigitalLink.TryParse("https://resolver" + Code, out var link, out _)
            || link.Base != "https://resolver")
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return false;
        }
        Link = link;
        if (link.PrimaryKey.Ai == "01")
        {
            var english = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";
            var product = await db.ProductNames.Where(p => p.Gtin == link.PrimaryKey.Value).Select(p => new { p.NameVi, p.NameEn }).FirstOrDefaultAsync(ct);
            ProductName = product is null ? null : english && !string.IsNullOrWhiteSpace(product.NameEn) ? product.NameEn : product.NameVi;
        }
        return true;
    }
}
