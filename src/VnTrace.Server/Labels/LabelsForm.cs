using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.Extensions.Localization;
using VnTrace.Server.Platform.Web;

namespace VnTrace.Server.Labels;

/// <summary>
/// The "new labels" form. Numbers arrive as text and are read here, so "100.000" or "100 000" (how Vietnamese write
/// a hundred thousand) and "63,5" mm are understood whatever the page's language, and a bad one gets a sentence
/// beside its field rather than the model binder's.
/// </summary>
public sealed class LabelsForm
{
    /// <summary>The choice of <see cref="Layout"/> that reveals the custom size fields.</summary>
    public const string Custom = "custom";

    [Required(ErrorMessage = "Validation.Required"), Display(Name = "Labels.Lot")]
    public Guid? LotId { get; set; }

    [Display(Name = "Labels.Kind")]
    public LabelBatchKind Kind { get; set; } = LabelBatchKind.Serial;

    [Display(Name = "Labels.Count")]
    public string? Count { get; set; }

    [Display(Name = "Labels.Layout")]
    public string Layout { get; set; } = "a4-3x7";

    [Display(Name = "Labels.LabelWidthMm")]
    public string? LabelWidthMm { get; set; }

    [Display(Name = "Labels.LabelHeightMm")]
    public string? LabelHeightMm { get; set; }

    [Display(Name = "Labels.Columns")]
    public string? Columns { get; set; }

    [Display(Name = "Labels.Rows")]
    public string? Rows { get; set; }

    [Display(Name = "Labels.ColumnGapMm")]
    public string? ColumnGapMm { get; set; }

    [Display(Name = "Labels.RowGapMm")]
    public string? RowGapMm { get; set; }

    /// <summary>1-based: the first free label on a partly used sheet.</summary>
    [Display(Name = "Labels.StartPosition")]
    public string? StartPosition { get; set; } = "1";

    [Display(Name = "Labels.IncludeProductName")]
    public bool IncludeProductName { get; set; } = true;

    /// <summary>What the form asks for, checked: the request when it holds, else the problems by property.</summary>
    public CheckResult Check(IStringLocalizer t)
    {
        var errors = new FieldErrors();
        var count = Whole(nameof(Count), Count, required: true, errors, t);
        if (count is { } n && n is < 1 or > CodeIssuer.MaxBatch)
            errors.Add(nameof(Count), t["Labels.Error.CountRange", CodeIssuer.MaxBatch.ToString("N0", CultureInfo.CurrentCulture)]);

        LabelLayout? layout = null;
        string? stored = null;
        if (Layout == Custom)
        {
            var width = Millimetres(nameof(LabelWidthMm), LabelWidthMm, required: true, errors, t);
            var height = Millimetres(nameof(LabelHeightMm), LabelHeightMm, required: true, errors, t);
            var columns = Whole(nameof(Columns), Columns, required: true, errors, t);
            var rows = Whole(nameof(Rows), Rows, required: true, errors, t);
            var columnGap = Millimetres(nameof(ColumnGapMm), ColumnGapMm, required: false, errors, t) ?? 0;
            var rowGap = Millimetres(nameof(RowGapMm), RowGapMm, required: false, errors, t) ?? 0;
            if (width is { } w && height is { } h && columns is { } c && rows is { } r && !errors.Any)
            {
                // Far beyond any sheet; keeps the int conversion honest. The layout check says what is wrong.
                var sheet = new CustomLabelSheet(w, h, (int)Math.Min(c, 1000), (int)Math.Min(r, 1000), columnGap, rowGap);
                if (LabelLayout.TryCustom(sheet, out layout, out var error))
                    stored = StoredLayout.For(sheet);
                else
                    errors.Add(error.Field, LayoutMessage(error, t));
            }
        }
        else if ((layout = LabelLayout.Find(Layout)) is not null)
            stored = Layout;
        else
            errors.Add(nameof(Layout), t["Labels.Error.LayoutUnknown"]);

        var position = Whole(nameof(StartPosition), StartPosition, required: false, errors, t) ?? 1;
        if (layout is not null && (position < 1 || position > layout.LabelsPerPage))
            errors.Add(nameof(StartPosition), t["Labels.Error.StartPosition", layout.LabelsPerPage]);

        if (errors.Any || LotId is null || count is null || layout is null || stored is null)
            return new CheckResult(null, errors.List);
        return new CheckResult(new Checked(new IssueRequest(LotId.Value, Kind, (int)count.Value, stored), layout, (int)position), []);
    }

    /// <summary>The outcome of <see cref="Check"/>: the checked form, or null with the refusals (none when only a
    /// field the annotations check, such as <see cref="LotId"/>, is missing).</summary>
    public sealed record CheckResult(Checked? Form, IReadOnlyList<FieldError> Errors);

    /// <summary>A checked form: the request for the issuer, the sheet, and the 1-based first position on it.</summary>
    public sealed record Checked(IssueRequest Request, LabelLayout Layout, int StartPosition);

    /// <summary>The layout refusal in the page's language (the renderer's own sentence is English).</summary>
    public static string LayoutMessage(LabelLayoutError error, IStringLocalizer t) =>
        t["Layout.Problem." + error.Problem, [.. error.Values.Select(v => (object)Mm(v))]];

    public static string Field(string property) => "Form." + property;

    /// <summary>An invariant millimetre value as the page's language writes it ("63,5" in Vietnamese).</summary>
    public static string Mm(string invariant) =>
        double.TryParse(invariant, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v.ToString("0.##", CultureInfo.CurrentCulture) : invariant;

    private static long? Whole(string property, string? text, bool required, FieldErrors errors, IStringLocalizer t)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            if (required)
                errors.Add(property, t["Labels.Error.Required", t["Labels." + property]]);
            return null;
        }
        // Group separators of either language: "100.000", "100,000", "100 000".
        var digits = text.Trim().Replace(".", "", StringComparison.Ordinal).Replace(",", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal);
        if (digits.Length is 0 or > 12 || !digits.All(char.IsAsciiDigit))
        {
            errors.Add(property, t["Labels.Error.WholeNumber", t["Labels." + property]]);
            return null;
        }
        return long.Parse(digits, CultureInfo.InvariantCulture);
    }

    private static double? Millimetres(string property, string? text, bool required, FieldErrors errors, IStringLocalizer t)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            if (required)
                errors.Add(property, t["Labels.Error.Required", t["Labels." + property]]);
            return null;
        }
        // Either decimal mark; no group separators in a size. Hundredths of a millimetre are what a sheet is made to.
        if (!double.TryParse(text.Trim().Replace(',', '.'), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var mm)
            || !double.IsFinite(mm) || Math.Abs(mm) > 10_000)
        {
            errors.Add(property, t["Labels.Error.Number", t["Labels." + property]]);
            return null;
        }
        return Math.Round(mm, 2);
    }
}
