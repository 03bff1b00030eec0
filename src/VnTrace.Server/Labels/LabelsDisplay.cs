using System.Globalization;
using Microsoft.Extensions.Localization;

namespace VnTrace.Server.Labels;

/// <summary>Label batches as a person reads them: sheet layouts in the page's language.</summary>
public static class LabelsDisplay
{
    /// <summary>A catalogue sheet ("A4, 21 labels (3 × 7), 63.5 × 38.1 mm — Avery L7160 style") or a custom one, from <see cref="LabelBatch.Layout"/>.</summary>
    public static string Layout(string? stored, IStringLocalizer t)
    {
        if (!StoredLayout.TryResolve(stored, out var layout, out var sheet))
            return stored ?? "";
        if (sheet is null)
        {
            var name = t["Layout." + layout.Id];
            return name.ResourceNotFound ? layout.Name : name.Value;
        }
        return t["Layout.CustomName", layout.Columns, layout.Rows,
            layout.LabelWidthMm.ToString("0.##", CultureInfo.CurrentCulture), layout.LabelHeightMm.ToString("0.##", CultureInfo.CurrentCulture)];
    }
}
