using System.Globalization;
using System.Resources;

namespace VnTrace.Server.Exports;

/// <summary>
/// Resources of the exports: the export pages' words (ExportText.resx Vietnamese, .en.resx English) and the
/// Vietnamese column headers, which every file carries whatever the reader's language.
/// </summary>
public sealed class ExportText
{
    private static readonly ResourceManager Resources = new(typeof(ExportText));

    /// <summary>The Vietnamese text of <paramref name="key"/>, or null when ExportText.resx has none.</summary>
    public static string? Vietnamese(string key) => Resources.GetString(key, CultureInfo.InvariantCulture);
}
