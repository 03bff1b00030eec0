using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Localization;
using VnTrace.Gs1.Identifiers;
using VnTrace.Server.Lots;
using VnTrace.Server.Platform.Web;

namespace VnTrace.Server.Recall;

/// <summary>Resources of the recall pages, the authority's and the business's (RecallText.resx Vietnamese, .en.resx English).</summary>
public sealed class RecallText;

/// <summary>Opening a recall: the codes of the lots, one per line, and why.</summary>
public sealed class OpenRecallForm
{
    [Display(Name = "Recall.Lots")]
    public string? Lots { get; set; }

    [Required(ErrorMessage = "Validation.Required"), MaxLength(RecallForms.MaxText, ErrorMessage = "Validation.MaxLength"), Display(Name = "Recall.Reason")]
    public string? Reason { get; set; }
}

/// <summary>An affected business acknowledges its notice: what it got back, and a note.</summary>
public sealed class AcknowledgeRecallForm
{
    /// <summary>Text, parsed by <see cref="LotForms.TryParseQuantity"/> (decimal comma or point, whatever the culture).</summary>
    [Display(Name = "Notice.QuantityRecovered")]
    public string? QuantityRecovered { get; set; }

    [MaxLength(RecallForms.MaxText, ErrorMessage = "Validation.MaxLength"), Display(Name = "Notice.Note")]
    public string? Note { get; set; }
}

/// <summary>Closing a campaign, with what was done.</summary>
public sealed class CloseRecallForm
{
    [MaxLength(RecallForms.MaxText, ErrorMessage = "Validation.MaxLength"), Display(Name = "Close.Note")]
    public string? Note { get; set; }
}

/// <summary>
/// The recall forms' work shared by the authority's pages and the business's: reading the lot codes people type or
/// scan, and turning <see cref="RecallService"/>'s refusals into messages beside the line they concern.
/// </summary>
public static class RecallForms
{
    public const int MaxLots = 100;
    public const int MaxText = 2000;
    public const string LotsField = "Form.Lots";

    /// <summary>
    /// Opens the recall for the lots <see cref="ReadLots"/> read without error, for <paramref name="initiatorId"/>;
    /// when <see cref="RecallService"/> refuses, nothing is stored and each concerned code is reported by the lines
    /// it was typed on.
    /// </summary>
    public static async Task<RecallOpenResult> OpenAsync(RecallService recalls, Guid initiatorId, RecallLotsRead lots, string reason,
        IStringLocalizer<RecallText> l, CancellationToken ct)
    {
        var (campaign, refusal) = await recalls.OpenAsync(initiatorId, lots.Lots, reason, ct);
        if (refusal is null)
            return new RecallOpenResult(campaign, []);
        var errors = new FieldErrors();
        if (refusal.Identifiers is { Count: > 0 } concerned)
        {
            var key = refusal.Status == 403 ? "Error.NotYours" : "Error.Unknown";
            foreach (var (line, id) in concerned.SelectMany(id => lots.Lines[id].Select(line => (line, id))).Order())
                errors.Add(nameof(OpenRecallForm.Lots), l[key, line, id]);
        }
        else
        {
            errors.Add("", l["Error.Refused", refusal.Message]);
        }
        return new RecallOpenResult(null, errors.List);
    }

    /// <summary>
    /// The codes of <paramref name="text"/>, one per line, in any form <see cref="ScannedCode"/> reads (Digital Link,
    /// EPC URI, element string, scanner output), as canonical Digital Links, with the lines each came from. A line
    /// that is not the code of a lot, a serialised unit or a logistic unit is an error naming the line and character.
    /// <paramref name="otherErrors"/> says whether the rest of the form is already refused, in which case an empty
    /// list is not reported on top.
    /// </summary>
    public static RecallLotsRead ReadLots(string? text, bool otherErrors, IStringLocalizer<RecallText> l)
    {
        var errors = new FieldErrors();
        var lines = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var raw = (text ?? "").Split('\n');
        for (var i = 0; i < raw.Length; i++)
        {
            var line = raw[i].TrimEnd('\r');
            if (string.IsNullOrWhiteSpace(line))
                continue;
            var number = i + 1;
            if (!ScannedCode.TryToDigitalLink(line, out var link, out var error))
            {
                var indent = line.Length - line.TrimStart().Length;
                errors.Add(nameof(OpenRecallForm.Lots), l["Error.Line", number, indent + error.Position + 1, error.Message]);
                continue;
            }
            var isLot = link.PrimaryKey.Ai == "00" || (link.PrimaryKey.Ai == "01" && link.Qualifiers.Any(q => q.Ai is "10" or "21"));
            if (!isLot)
            {
                errors.Add(nameof(OpenRecallForm.Lots), l[link.PrimaryKey.Ai == "01" ? "Error.ProductOnly" : "Error.NotALot", number, line.Trim()]);
                continue;
            }
            var id = link.ToCanonicalUri();
            if (!lines.TryGetValue(id, out var at))
                lines[id] = at = [];
            at.Add(number);
        }
        if (lines.Count == 0 && !errors.Any && !otherErrors)
            errors.Add(nameof(OpenRecallForm.Lots), l["Error.NoLots"]);
        if (lines.Count > MaxLots)
            errors.Add(nameof(OpenRecallForm.Lots), l["Error.TooMany", MaxLots]);
        return new RecallLotsRead([.. lines.Keys], lines, errors.List);
    }

    /// <summary>Reads the acknowledgement's quantity, or the problem beside its field.</summary>
    public static RecallQuantityRead ReadQuantity(AcknowledgeRecallForm form, IStringLocalizer<RecallText> l)
    {
        if (!LotForms.TryParseQuantity(form.QuantityRecovered, out var quantity))
            return new RecallQuantityRead(quantity, [new FieldError(nameof(form.QuantityRecovered), l["Error.Number"])]);
        if (quantity < 0)
            return new RecallQuantityRead(quantity, [new FieldError(nameof(form.QuantityRecovered), l["Error.Negative"])]);
        return new RecallQuantityRead(quantity, []);
    }
}

/// <summary>The lot codes of a recall form: canonical Digital Links, the line numbers each was typed on, and the bad lines.</summary>
public sealed record RecallLotsRead(IReadOnlyList<string> Lots, IReadOnlyDictionary<string, List<int>> Lines, IReadOnlyList<FieldError> Errors);

/// <summary>The campaign opened, or null with why not (by <see cref="OpenRecallForm"/> property).</summary>
public sealed record RecallOpenResult(RecallCampaign? Campaign, IReadOnlyList<FieldError> Errors);

/// <summary>The quantity recovered as typed, and the problem with it if any.</summary>
public sealed record RecallQuantityRead(decimal? Quantity, IReadOnlyList<FieldError> Errors);
