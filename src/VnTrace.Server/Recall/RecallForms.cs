using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;
using VnTrace.Gs1.Identifiers;
using VnTrace.Server.Lots;

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
    /// Opens the recall the form describes for <paramref name="initiatorId"/>; null with the problems in
    /// <paramref name="modelState"/> (each bad line by its number and character) when it was refused, nothing stored.
    /// </summary>
    public static async Task<RecallCampaign?> OpenAsync(RecallService recalls, Guid initiatorId, OpenRecallForm form,
        ModelStateDictionary modelState, IStringLocalizer<RecallText> l, CancellationToken ct)
    {
        var (lots, lines) = ReadLots(form.Lots, modelState, l);
        if (!modelState.IsValid)
            return null;
        var (campaign, refusal) = await recalls.OpenAsync(initiatorId, lots, form.Reason!, ct);
        if (refusal is null)
            return campaign;
        if (refusal.Identifiers is { Count: > 0 } concerned)
        {
            var key = refusal.Status == 403 ? "Error.NotYours" : "Error.Unknown";
            foreach (var (line, id) in concerned.SelectMany(id => lines[id].Select(line => (line, id))).Order())
                modelState.AddModelError(LotsField, l[key, line, id]);
        }
        else
        {
            modelState.AddModelError("", l["Error.Refused", refusal.Message]);
        }
        return null;
    }

    /// <summary>
    /// The codes of <paramref name="text"/>, one per line, in any form <see cref="ScannedCode"/> reads (Digital Link,
    /// EPC URI, element string, scanner output), as canonical Digital Links, with the lines each came from. A line
    /// that is not the code of a lot, a serialised unit or a logistic unit is an error naming the line and character.
    /// </summary>
    public static (List<string> Lots, Dictionary<string, List<int>> Lines) ReadLots(string? text, ModelStateDictionary modelState, IStringLocalizer<RecallText> l)
    {
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
                modelState.AddModelError(LotsField, l["Error.Line", number, indent + error.Position + 1, error.Message]);
                continue;
            }
            var isLot = link.PrimaryKey.Ai == "00" || (link.PrimaryKey.Ai == "01" && link.Qualifiers.Any(q => q.Ai is "10" or "21"));
            if (!isLot)
            {
                modelState.AddModelError(LotsField, l[link.PrimaryKey.Ai == "01" ? "Error.ProductOnly" : "Error.NotALot", number, line.Trim()]);
                continue;
            }
            var id = link.ToCanonicalUri();
            if (!lines.TryGetValue(id, out var at))
                lines[id] = at = [];
            at.Add(number);
        }
        if (lines.Count == 0 && modelState.ErrorCount == 0)
            modelState.AddModelError(LotsField, l["Error.NoLots"]);
        if (lines.Count > MaxLots)
            modelState.AddModelError(LotsField, l["Error.TooMany", MaxLots]);
        return ([.. lines.Keys], lines);
    }

    /// <summary>Reads the acknowledgement's quantity, or puts the problem beside its field.</summary>
    public static decimal? ReadQuantity(AcknowledgeRecallForm form, ModelStateDictionary modelState, IStringLocalizer<RecallText> l)
    {
        if (!LotForms.TryParseQuantity(form.QuantityRecovered, out var quantity))
            modelState.AddModelError("Form.QuantityRecovered", l["Error.Number"]);
        else if (quantity < 0)
            modelState.AddModelError("Form.QuantityRecovered", l["Error.Negative"]);
        return quantity;
    }
}
