using System.ComponentModel.DataAnnotations;

namespace VnTrace.Server.Organizations;

/// <summary>
/// The organization fields that sign-up and the profile page both take, with one set of limits and labels; each form
/// adds its own (the name under its form's field name, the owner's account, contact and website).
/// </summary>
public abstract class OrganizationFields
{
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
}
