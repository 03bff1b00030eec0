using System.Globalization;
using System.Text;

namespace VnTrace.Server.Platform.Text;

/// <summary>
/// Vietnamese text folded for matching what people type: "buon ma thuot" finds "Buôn Ma Thuột", "Mã GTIN" matches a
/// header written "MÃ GTIN *" or "ma gtin". Used by the commune search and by the import header mapping.
/// </summary>
public static class VietnameseText
{
    /// <summary>
    /// Lower case, tone and vowel marks removed (đ → d, which Unicode does not decompose), apostrophes dropped
    /// ("M'gar", "M’gar" and "Mgar" match), any other run of punctuation or white space turned into one space.
    /// "Hoà" and "Hòa" (both spellings are in official lists) fold alike.
    /// </summary>
    public static string Fold(string? text)
    {
        if (string.IsNullOrEmpty(text))
            return "";
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        var pendingSpace = false;
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
                continue;
            if (c is '\'' or '\u2019' or '\u2018' or '\u02BC' or '`' or '\u00B4')
                continue;
            if (char.IsLetterOrDigit(c))
            {
                if (pendingSpace && sb.Length > 0)
                    sb.Append(' ');
                pendingSpace = false;
                sb.Append(c is 'đ' or 'Đ' ? 'd' : char.ToLowerInvariant(c));
            }
            else
            {
                pendingSpace = true;
            }
        }
        return sb.ToString();
    }
}
