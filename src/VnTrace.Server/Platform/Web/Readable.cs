using System.Globalization;
using Microsoft.Extensions.Localization;

namespace VnTrace.Server.Platform.Web;

/// <summary>
/// How pages write dates, times and quantities for people: in Vietnamese 28/10/2026 and 28/10/2026 09:00, in English
/// 28 Oct 2026 and 28 Oct 2026, 09:00 — times always in Viet Nam's time (UTC+7), whatever offset the event was recorded
/// with — and a quantity with its unit in words ("1.600 cái", "1,000 kg"), never a UN/ECE Rec 20 code (KGM, H87).
/// </summary>
public static class Readable
{
    public static readonly TimeSpan VietnamOffset = TimeSpan.FromHours(7);

    private static bool English => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    public static string Date(DateOnly date) =>
        date.ToString(English ? "d MMM yyyy" : "dd/MM/yyyy", CultureInfo.InvariantCulture);

    public static string Time(DateTimeOffset time) =>
        time.ToOffset(VietnamOffset).ToString(English ? "d MMM yyyy, HH:mm" : "dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture);

    /// <summary>A date an event's master data wrote (2026-10-20, or a date-time starting so) as <see cref="Date"/>; other text as given.</summary>
    public static string DateText(string value) =>
        value.Length >= 10 && DateOnly.TryParseExact(value[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? Date(date) : value;

    public static string Number(decimal value) => value.ToString("#,##0.####", CultureInfo.CurrentCulture);

    /// <summary>
    /// The unit of an EPCIS quantity (a Rec 20 code, EPCIS 2.0 §7.3.3.3) in the reader's words: SharedText "Uom.KGM" → kg,
    /// "Uom.H87" → cái / pcs; a code without words reads "đơn vị XYZ" / "units of XYZ". Null when there is no uom.
    /// </summary>
    public static string? Unit(string? uom, IStringLocalizer<SharedText> t)
    {
        if (string.IsNullOrWhiteSpace(uom))
            return null;
        var word = t["Uom." + uom.Trim()];
        return word.ResourceNotFound ? t["Uom.Other", uom.Trim()] : word.Value;
    }

    /// <summary>"1.600 cái", "1,000 kg"; a quantity without uom counts items of the class and is the number alone; empty for none.</summary>
    public static string Quantity(decimal? quantity, string? uom, IStringLocalizer<SharedText> t) =>
        quantity is not { } q ? "" : Unit(uom, t) is { } unit ? Number(q) + " " + unit : Number(q);
}
