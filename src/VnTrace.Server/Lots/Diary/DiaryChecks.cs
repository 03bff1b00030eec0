using System.Text.RegularExpressions;
using Microsoft.Extensions.Localization;
using VnTrace.Gs1.Identifiers;
using VnTrace.Server.Platform.Text;

namespace VnTrace.Server.Lots.Diary;

/// <summary>
/// The checks every diary entry shares — lot numbers, times, quantities, texts, GLNs — with the limits they keep;
/// errors name the entry record's property, in the user's language.
/// </summary>
public sealed partial class DiaryChecks(TimeProvider clock, IStringLocalizer<LotText> t)
{
    /// <summary>How far ahead of the server's clock a time may be (a phone's clock runs a little fast).</summary>
    public static readonly TimeSpan FutureTolerance = TimeSpan.FromMinutes(10);

    /// <summary>Diary times before this are typing mistakes (0225 for 2025), not old records.</summary>
    public static readonly DateTime EarliestTime = new(2000, 1, 1);

    public const decimal MaxQuantity = 1_000_000_000_000m;
    public const int MaxNote = 500;
    public const int MaxText = 200;

    internal void CheckLotNumber(DiaryErrors errors, string field, string lotNumber)
    {
        if (lotNumber.Length == 0)
        {
            errors.Add(field, t["Diary.LotNumberRequired"]);
            return;
        }
        if (LotCodes.CheckLotNumber(lotNumber) is not { } problem)
            return;
        if (lotNumber.Length > 20)
            errors.Add(field, t["Diary.LotNumberTooLong", lotNumber.Length]);
        else if (problem.Code == Gs1ParseErrorCode.InvalidCharacter)
            errors.Add(field, t["Diary.LotNumberCharacter", lotNumber[problem.Position], problem.Position + 1]);
        else
            errors.Add(field, t["Diary.LotNumberInvalid", problem.Message]);
    }

    internal void CheckTime(DiaryErrors errors, string field, DateTime local)
    {
        if (local == default)
        {
            errors.Add(field, t["Diary.TimeRequired"]);
            return;
        }
        if (local < EarliestTime)
            errors.Add(field, t["Diary.TimeTooEarly"]);
        else if (VietnamTime.FromLocal(local) > clock.GetUtcNow() + FutureTolerance)
            errors.Add(field, t["Diary.TimeInFuture", VietnamTime.Display(clock.GetUtcNow())]);
    }

    internal void CheckQuantity(DiaryErrors errors, string field, decimal quantity)
    {
        if (quantity <= 0)
            errors.Add(field, t["Diary.QuantityPositive"]);
        else if (quantity >= MaxQuantity)
            errors.Add(field, t["Diary.QuantityTooLarge"]);
    }

    internal void CheckNote(DiaryErrors errors, string field, string? note) => CheckText(errors, field, note, MaxNote, required: false);

    internal void CheckText(DiaryErrors errors, string field, string? text, int max, bool required)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            if (required)
                errors.Add(field, t["Diary.Required"]);
            return;
        }
        if (text.Trim().Length > max)
            errors.Add(field, t["Diary.TooLong", max]);
    }

    /// <summary>A GLN from "8930000000017" or "Name (8930000000017)"; the check digit is checked.</summary>
    internal string? ReadGln(DiaryErrors errors, string field, string? input, bool required)
    {
        if (string.IsNullOrWhiteSpace(input))
        {
            if (required)
                errors.Add(field, t["Diary.Required"]);
            return null;
        }
        var digits = ThirteenDigits().Matches(input);
        if (digits.Count == 0)
        {
            errors.Add(field, t["Diary.GlnFormat"]);
            return null;
        }
        if (!Gln.TryParse(digits[^1].Value, out var gln, out _))
        {
            errors.Add(field, t["Diary.GlnCheckDigit", digits[^1].Value]);
            return null;
        }
        return gln.ToString();
    }

    internal static string? Trimmed(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    [GeneratedRegex(@"(?<!\d)\d{13}(?!\d)")]
    private static partial Regex ThirteenDigits();

    /// <summary>A document number safe inside a bt URN: letters, digits, - . _ /, up to 35 characters (EDIFACT an..35).</summary>
    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9._/\-]{0,34}$")]
    internal static partial Regex DocumentNumber();
}
