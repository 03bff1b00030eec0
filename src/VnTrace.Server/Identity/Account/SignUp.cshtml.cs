using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using VnTrace.Server.Workspace.Organizations;

namespace VnTrace.Server.Identity.Account;

/// <summary>A business signs up: organization and owner account; it waits for the authority's approval.</summary>
public sealed partial class SignUpModel(BusinessRegistration registration, IStringLocalizer<AccountText> t) : PageModel
{
    [BindProperty]
    public SignUpForm Form { get; set; } = new();

    public sealed class SignUpForm
    {
        [Required(ErrorMessage = "Validation.Required"), MaxLength(300, ErrorMessage = "Validation.MaxLength"), Display(Name = "Organization.Name")]
        public string OrganizationName { get; set; } = "";

        [Display(Name = "Organization.Form")]
        public BusinessForm BusinessForm { get; set; }

        [MaxLength(20, ErrorMessage = "Validation.MaxLength"), Display(Name = "Organization.TaxCode")]
        public string? TaxCode { get; set; }

        [MaxLength(10, ErrorMessage = "Validation.MaxLength"), Display(Name = "Organization.Commune")]
        public string? CommuneCode { get; set; }

        [MaxLength(300, ErrorMessage = "Validation.MaxLength"), Display(Name = "Organization.Address")]
        public string? AddressLine { get; set; }

        [MaxLength(30, ErrorMessage = "Validation.MaxLength"), Display(Name = "Organization.Phone")]
        public string? Phone { get; set; }

        [MaxLength(200, ErrorMessage = "Validation.MaxLength"), EmailAddress(ErrorMessage = "Validation.Email"), Display(Name = "Organization.Email")]
        public string? Email { get; set; }

        [Display(Name = "Organization.Sector")]
        public string? Sector { get; set; }

        [Display(Name = "Organization.Ocop")]
        public bool OcopParticipant { get; set; }

        [MaxLength(12, ErrorMessage = "Validation.MaxLength"), Display(Name = "Organization.Gs1Prefix")]
        public string? Gs1CompanyPrefix { get; set; }

        [Required(ErrorMessage = "Validation.Required"), MaxLength(200, ErrorMessage = "Validation.MaxLength"), Display(Name = "Account.FullName")]
        public string OwnerFullName { get; set; } = "";

        [Required(ErrorMessage = "Validation.Required"), MaxLength(100, ErrorMessage = "Validation.MaxLength"), Display(Name = "Account.UserName")]
        public string UserName { get; set; } = "";

        [Required(ErrorMessage = "Validation.Required"), DataType(DataType.Password), Display(Name = "Account.Password")]
        public string Password { get; set; } = "";

        [Required(ErrorMessage = "Validation.Required"), DataType(DataType.Password), Compare(nameof(Password), ErrorMessage = "Validation.PasswordsDiffer"), Display(Name = "Account.ConfirmPassword")]
        public string ConfirmPassword { get; set; } = "";
    }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var taxCode = string.IsNullOrWhiteSpace(Form.TaxCode) ? null : Form.TaxCode.Trim();
        if (taxCode is not null)
        {
            if (!TaxCodeFormat().IsMatch(taxCode))
                ModelState.AddModelError("Form.TaxCode", t["SignUp.TaxCodeInvalid"]);
            else if (await registration.TaxCodeTakenAsync(taxCode, ct))
                ModelState.AddModelError("Form.TaxCode", t["SignUp.TaxCodeTaken"]);
        }
        var prefix = string.IsNullOrWhiteSpace(Form.Gs1CompanyPrefix) ? null : Form.Gs1CompanyPrefix.Trim();
        if (prefix is not null && !Gs1PrefixFormat().IsMatch(prefix))
            ModelState.AddModelError("Form.Gs1CompanyPrefix", t["SignUp.Gs1PrefixInvalid"]);
        if (Form.Sector is not null && !Sectors.IsKnown(Form.Sector))
            ModelState.AddModelError("Form.Sector", t["SignUp.SectorUnknown"]);
        if (!ModelState.IsValid)
            return Page();

        var (organization, errors) = await registration.RegisterAsync(new BusinessSignUp(
            Form.OrganizationName, Form.BusinessForm, taxCode, ProvinceCode: null, Form.CommuneCode, Form.AddressLine,
            Form.OwnerFullName, Form.Phone, Form.Email, Form.Sector, Form.OcopParticipant, prefix,
            Form.OwnerFullName, Form.UserName, Form.Password), ct);
        if (organization is null)
        {
            foreach (var e in errors)
                ModelState.AddModelError(e.Code.StartsWith("Password", StringComparison.Ordinal) ? "Form.Password" : "Form.UserName", e.Description);
            return Page();
        }
        TempData["Message"] = t["SignUp.Done", organization.Name].Value;
        return Redirect("/account/sign-in");
    }

    // Enterprise code (10 digits), a dependent unit (10-3), or a 12-digit personal ID used by household businesses.
    [GeneratedRegex(@"^(\d{10}(-\d{3})?|\d{12})$")]
    private static partial Regex TaxCodeFormat();

    // A GS1 company prefix licensed by GS1 Vietnam: 893 and 4–9 more digits.
    [GeneratedRegex(@"^893\d{4,9}$")]
    private static partial Regex Gs1PrefixFormat();
}
