using System.ComponentModel.DataAnnotations;
using VnTrace.Server.Programme.Agencies;

namespace VnTrace.Server.Authority.Agencies;

/// <summary>The fields of a new or edited agency, as the form posts them.</summary>
public sealed class AgencyForm
{
    [Required(ErrorMessage = "Validation.Required"), MaxLength(300, ErrorMessage = "Validation.MaxLength"), Display(Name = "Agencies.Name")]
    public string Name { get; set; } = "";

    [Display(Name = "Agencies.Kind")]
    public AgencyKind Kind { get; set; } = AgencyKind.Department;

    [Display(Name = "Agencies.Sectors")]
    public List<string> Sectors { get; set; } = [];

    [Display(Name = "Agencies.Commune")]
    public string? CommuneCode { get; set; }

    public AgencyInput ToInput() => new(Name, Kind, Sectors, string.IsNullOrWhiteSpace(CommuneCode) ? null : CommuneCode);

    public static AgencyForm From(Agency a) => new() { Name = a.Name, Kind = a.Kind, Sectors = [.. a.Sectors], CommuneCode = a.CommuneCode };
}

/// <summary>Puts a service's refusals on the form's fields (or on the form as a whole).</summary>
internal static class RefusalModelState
{
    public static void Add(Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary state, string prefix, IEnumerable<VnTrace.Server.Programme.Refusal> refusals)
    {
        foreach (var r in refusals)
            state.AddModelError(r.Field is null ? "" : prefix + "." + char.ToUpperInvariant(r.Field[0]) + r.Field[1..], r.Message);
    }
}
