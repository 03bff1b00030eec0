using Microsoft.AspNetCore.RateLimiting;
using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using VnTrace.Server.Organizations;
using VnTrace.Server.Organizations.Reference;
using VnTrace.Server.Platform.Data;

namespace VnTrace.Server.Identity.Account;

/// <summary>A business signs up: organization and owner account; it waits for the authority's approval.</summary>
[EnableRateLimiting(IdentitySetup.SignInRateLimit)]
public sealed class SignUpModel(BusinessRegistration registration, VnTraceDbContext db, IStringLocalizer<AccountText> t) : PageModel
{
    [BindProperty]
    public SignUpForm Form { get; set; } = new();

    public sealed class SignUpForm : OrganizationFields
    {
        [Required(ErrorMessage = "Validation.Required"), MaxLength(300, ErrorMessage = "Validation.MaxLength"), Display(Name = "Organization.Name")]
        public string OrganizationName { get; set; } = "";

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
        var taxCode = OrganizationCodes.Clean(Form.TaxCode);
        if (taxCode is not null)
        {
            if (!OrganizationCodes.IsTaxCode(taxCode))
                ModelState.AddModelError("Form.TaxCode", t["SignUp.TaxCodeInvalid"]);
            else if (await db.Organizations.TaxCodeTakenAsync(taxCode, except: null, ct))
                ModelState.AddModelError("Form.TaxCode", t["SignUp.TaxCodeTaken"]);
        }
        var prefix = OrganizationCodes.Clean(Form.Gs1CompanyPrefix);
        if (prefix is not null)
        {
            if (!OrganizationCodes.IsGs1CompanyPrefix(prefix))
                ModelState.AddModelError("Form.Gs1CompanyPrefix", t["SignUp.Gs1PrefixInvalid"]);
            else if (await db.Organizations.CompanyPrefixTakenAsync(prefix, except: null, ct))
                ModelState.AddModelError("Form.Gs1CompanyPrefix", t["SignUp.Gs1PrefixTaken"]);
        }
        if (Form.Sector is not null && !Sectors.IsKnown(Form.Sector))
            ModelState.AddModelError("Form.Sector", t["SignUp.SectorUnknown"]);
        var communeCode = OrganizationCodes.Clean(Form.CommuneCode);
        var commune = communeCode is null ? null : AdministrativeUnits.FindCommune(communeCode);
        if (communeCode is not null && commune is null)
            ModelState.AddModelError("Form.CommuneCode", t["SignUp.CommuneUnknown"]);
        if (!ModelState.IsValid)
            return Page();

        var (organization, errors) = await registration.RegisterAsync(new BusinessSignUp(
            Form.OrganizationName, Form.BusinessForm, taxCode, commune?.ProvinceCode, commune?.Code, Form.AddressLine,
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
}
