using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;
using VnTrace.Server.Programme;
using VnTrace.Server.Programme.Activities;

namespace VnTrace.Server.Authority.Activities;

/// <summary>
/// The fields of a new or corrected activity as the form posts them. The service checks them; the form only says
/// what is required, so the messages read the same in both languages.
/// </summary>
public sealed class ActivityForm
{
    public string Kind { get; set; } = "training_course";

    [Required(ErrorMessage = "Validation.Required"), MaxLength(500, ErrorMessage = "Validation.MaxLength"), Display(Name = "Activity.Title")]
    public string? Title { get; set; }

    [Required(ErrorMessage = "Validation.Required"), Display(Name = "Activity.Date")]
    public DateOnly? Date { get; set; }

    [Display(Name = "Activity.Agency")]
    public Guid? AgencyId { get; set; }

    [MaxLength(300, ErrorMessage = "Validation.MaxLength"), Display(Name = "Activity.Venue")]
    public string? Venue { get; set; }

    [Display(Name = "Activity.Online")]
    public bool Online { get; set; }

    [MaxLength(300, ErrorMessage = "Validation.MaxLength"), Display(Name = "Activity.Audience")]
    public string? Audience { get; set; }

    [MaxLength(200, ErrorMessage = "Validation.MaxLength"), Display(Name = "Activity.Outlet")]
    public string? Outlet { get; set; }

    [MaxLength(1000, ErrorMessage = "Validation.MaxLength"), Display(Name = "Activity.Link")]
    public string? Link { get; set; }

    public bool IsArticle => ActivityKinds.Parse(Kind) == ActivityKind.Article;

    public ActivityInput ToInput() => new(Kind, Title, Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), null, AgencyId,
        Venue, Online, Audience, Outlet, Link);

    public static ActivityForm From(ActivityDetails d) => new()
    {
        Kind = ActivityKinds.Name(d.Summary.Kind),
        Title = d.Summary.Title,
        Date = d.Summary.Date,
        AgencyId = d.Summary.AgencyId,
        Venue = d.Summary.Venue,
        Online = d.Summary.Online,
        Audience = d.Audience,
        Outlet = d.Summary.Outlet,
        Link = d.Link,
    };

    /// <summary>
    /// Puts the service's refusals on the form's fields, each in the reader's language ("Refusal.{field}" of
    /// ActivityText), or as the service wrote it when there is no translation.
    /// </summary>
    public static void AddRefusals(ModelStateDictionary state, string prefix, IEnumerable<Refusal> refusals, IStringLocalizer<ActivityText> t)
    {
        foreach (var r in refusals)
        {
            var text = r.Field is null ? null : t["Refusal." + r.Field];
            // The kind is chosen by the tabs, not a field: its refusal is the form's.
            var key = r.Field is null or "kind" ? "" : prefix + "." + char.ToUpperInvariant(r.Field[0]) + r.Field[1..];
            state.AddModelError(key, text is { ResourceNotFound: false } ? text.Value : r.Message);
        }
    }
}

/// <summary>
/// What the fields partial needs: the form, the agencies to choose from (the DoST only; others record for their
/// own agency, <see cref="OwnAgency"/>), and the page's validation state.
/// </summary>
public sealed record ActivityFormView(ActivityForm Form, IReadOnlyList<VnTrace.Server.Programme.Agencies.Agency>? Agencies, string OwnAgency,
    ModelStateDictionary State)
{
    public string? Error(string key) =>
        State.TryGetValue(key, out var entry) && entry.Errors.Count > 0 ? string.Join(" ", entry.Errors.Select(e => e.ErrorMessage)) : null;

    /// <summary>The refusals that name no field (the form as a whole).</summary>
    public IEnumerable<string> FormErrors =>
        State.TryGetValue("", out var entry) ? entry.Errors.Select(e => e.ErrorMessage) : [];
}
