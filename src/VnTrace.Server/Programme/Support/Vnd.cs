using System.Globalization;

namespace VnTrace.Server.Programme.Support;

/// <summary>
/// VND amounts as the pages show them: whole đồng grouped in thousands the way the reader's language writes them
/// (25.000.000 in Vietnamese, 25,000,000 in English), with the đồng sign.
/// </summary>
public static class Vnd
{
    public static string Format(long amount, CultureInfo? culture = null) =>
        amount.ToString("#,0", culture ?? CultureInfo.CurrentCulture) + " ₫";

    /// <summary>Reads an amount typed in a form: digits with optional grouping dots, commas or spaces, nothing after the đồng.</summary>
    public static bool TryParse(string? text, out long amount)
    {
        amount = 0;
        if (string.IsNullOrWhiteSpace(text))
            return false;
        var digits = text.Trim().TrimEnd('₫').Trim();
        if (digits.EndsWith("VND", StringComparison.OrdinalIgnoreCase))
            digits = digits[..^3].Trim();
        digits = digits.Replace(".", "", StringComparison.Ordinal).Replace(",", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal);
        return digits.Length > 0 && digits.All(char.IsAsciiDigit) && long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out amount);
    }
}
