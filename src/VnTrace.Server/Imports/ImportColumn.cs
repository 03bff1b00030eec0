using System.Globalization;
using System.Text.RegularExpressions;
using VnTrace.Server.Platform.Text;

namespace VnTrace.Server.Imports;

/// <summary>The value a cell parser produced, or why it could not.</summary>
public readonly record struct CellResult(object? Value, string? Error)
{
    public static CellResult Ok(object? value) => new(value, null);

    public static CellResult Fail(string error) => new(null, error);
}

/// <summary>A cell to parse: its text, and whether an .xlsx stored it as a number (then its text is invariant, "1.234").</summary>
public readonly record struct ImportCell(string Text, bool IsNumber = false);

/// <summary>Turns a non-empty cell into a value; never throws.</summary>
public delegate CellResult CellParser(ImportCell cell);

/// <summary>
/// A column an import expects: the key its values are stored under, the headers it may appear under (Vietnamese
/// first; matched ignoring case, tone marks and a trailing "*"), whether a value is required, how a cell is read,
/// and an example value for the template.
/// </summary>
public sealed record ImportColumn(string Key, string HeaderVi, string HeaderEn, bool Required, CellParser Parser, string Example)
{
    /// <summary>Other headers accepted for this column ("MST" for "Mã số thuế").</summary>
    public IReadOnlyList<string> Aliases { get; init; } = [];

    /// <summary>Every name the column answers to.</summary>
    public IEnumerable<string> Names => [HeaderVi, HeaderEn, Key, .. Aliases];
}

/// <summary>
/// The cell readers imports use. Each accepts the forms people type in Viet Nam (day-first dates, decimal commas)
/// and the forms a spreadsheet export writes (ISO dates, invariant numbers), and refuses the rest with a sentence.
/// </summary>
public static partial class CellParsers
{
    /// <summary>Text, trimmed; refused when longer than <paramref name="maxLength"/> characters.</summary>
    public static CellParser Text(int maxLength = 500) => cell =>
    {
        var value = cell.Text.Trim();
        return value.Length <= maxLength
            ? CellResult.Ok(value)
            : CellResult.Fail(FormattableString.Invariant($"is {value.Length} characters long; at most {maxLength} are allowed."));
    };

    /// <summary>A decimal number: "1234.5", "1234,5", "1.234,5", "1,234.5". A lone separator followed by exactly three digits ("1,250") is refused as ambiguous.</summary>
    public static readonly CellParser Decimal = cell =>
        TryDecimal(cell, out var value, out var error) ? CellResult.Ok(value) : CellResult.Fail(error);

    /// <summary>A whole number, grouping separators allowed ("12 000", "12.000", "12,000").</summary>
    public static readonly CellParser Int = cell =>
    {
        var text = cell.Text;
        if (cell.IsNumber)
        {
            return decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) && n == Math.Truncate(n) && n is >= int.MinValue and <= int.MaxValue
                ? CellResult.Ok((int)n)
                : CellResult.Fail($"{text} is not a whole number.");
        }
        var s = text.Trim().Replace(" ", "", StringComparison.Ordinal).Replace("\u00A0", "", StringComparison.Ordinal);
        if (GroupedInteger().IsMatch(s))
            s = s.Replace(".", "", StringComparison.Ordinal).Replace(",", "", StringComparison.Ordinal);
        if (int.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
            return CellResult.Ok(value);
        if (TryDecimal(cell, out var d, out _) && d != Math.Truncate(d))
            return CellResult.Fail($"{text.Trim()} is not a whole number.");
        return CellResult.Fail($"\"{text.Trim()}\" is not a whole number.");
    };

    /// <summary>
    /// A calendar date, day first as written in Viet Nam ("20/10/2026", "20-10-2026", "20.10.2026") or ISO 8601
    /// ("2026-10-20", also with a time, as an .xlsx date cell is read).
    /// </summary>
    public static readonly CellParser Date = cell =>
    {
        var s = cell.Text.Trim();
        string[] formats = ["yyyy-MM-dd", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd HH:mm:ss", "d/M/yyyy", "d-M-yyyy", "d.M.yyyy"];
        if (DateOnly.TryParseExact(s.Length > 10 && s[4] == '-' ? s[..10] : s, formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            return CellResult.Ok(date);
        var m = DayMonthYear().Match(s);
        if (m.Success)
        {
            var day = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
            var month = int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture);
            var year = int.Parse(m.Groups[3].Value, CultureInfo.InvariantCulture);
            if (month is < 1 or > 12)
                return CellResult.Fail($"{s}: month {month} does not exist; write the day first, as in 20/10/2026.");
            if (day < 1 || day > DateTime.DaysInMonth(year, month))
                return CellResult.Fail($"{s}: day {day} does not exist in month {month} of {year}.");
        }
        return CellResult.Fail($"\"{s}\" is not a date; write it as day/month/year (20/10/2026) or year-month-day (2026-10-20).");
    };

    /// <summary>A GTIN-8, -12, -13 or -14 with a correct check digit, held as a <see cref="Gtin"/>.</summary>
    public static readonly CellParser Gtin = cell =>
        VnTrace.Gs1.Identifiers.Gtin.TryParse(cell.Text.Trim(), out var gtin, out var error)
            ? CellResult.Ok(gtin)
            : CellResult.Fail(error.Message + ".");

    /// <summary>A 13-digit GLN with a correct check digit, held as a <see cref="Gln"/>.</summary>
    public static readonly CellParser Gln = cell =>
        VnTrace.Gs1.Identifiers.Gln.TryParse(cell.Text.Trim(), out var gln, out var error)
            ? CellResult.Ok(gln)
            : CellResult.Fail(error.Message + ".");

    /// <summary>A Vietnamese tax code, held as a <see cref="Organizations.TaxCode"/>.</summary>
    public static readonly CellParser TaxCode = cell =>
        Organizations.TaxCode.TryParse(cell.Text, out var code, out var error)
            ? CellResult.Ok(code)
            : CellResult.Fail(error.Message);

    /// <summary>Yes or no: có/không, x, true/false, yes/no, 1/0 (a spreadsheet's TRUE/FALSE too).</summary>
    public static readonly CellParser Boolean = cell => VietnameseText.Fold(cell.Text) switch
    {
        "co" or "x" or "true" or "yes" or "y" or "1" or "dung" => CellResult.Ok(true),
        "khong" or "false" or "no" or "n" or "0" or "sai" => CellResult.Ok(false),
        _ => CellResult.Fail($"\"{cell.Text.Trim()}\" is not yes or no (có/không)."),
    };

    private static bool TryDecimal(ImportCell cell, out decimal value, out string error)
    {
        value = 0;
        var text = cell.Text;
        if (cell.IsNumber)
        {
            error = $"\"{text.Trim()}\" is not a number.";
            return decimal.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out value);
        }
        var s = text.Trim().Replace(" ", "", StringComparison.Ordinal).Replace("\u00A0", "", StringComparison.Ordinal);
        error = $"\"{text.Trim()}\" is not a number.";
        if (s.Length == 0)
            return false;
        var lastDot = s.LastIndexOf('.');
        var lastComma = s.LastIndexOf(',');
        string normalized;
        if (lastDot >= 0 && lastComma >= 0)
        {
            // Both: the later one is the decimal separator, the other groups thousands.
            var (group, dec) = lastDot > lastComma ? (',', '.') : ('.', ',');
            normalized = s.Replace(group.ToString(), "", StringComparison.Ordinal).Replace(dec, '.');
        }
        else if (lastDot >= 0 || lastComma >= 0)
        {
            var sep = lastDot >= 0 ? '.' : ',';
            var count = s.Count(c => c == sep);
            if (count > 1)
            {
                if (!GroupedInteger().IsMatch(s))
                    return false;
                normalized = s.Replace(sep.ToString(), "", StringComparison.Ordinal);
            }
            else
            {
                var decimals = s.Length - s.IndexOf(sep) - 1;
                var integerDigits = s.IndexOf(sep) - (s.StartsWith('-') || s.StartsWith('+') ? 1 : 0);
                if (decimals == 3 && integerDigits is >= 1 and <= 3 && s.TrimStart('-', '+')[0] != '0')
                {
                    error = $"{text.Trim()} is ambiguous: write one thousand two hundred fifty as 1250, and one point two five as 1.25 or 1,25.";
                    return false;
                }
                normalized = s.Replace(',', '.');
            }
        }
        else
        {
            normalized = s;
        }
        return decimal.TryParse(normalized, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent,
            CultureInfo.InvariantCulture, out value);
    }

    [GeneratedRegex(@"^[+-]?\d{1,3}([.,]\d{3})+$")]
    private static partial Regex GroupedInteger();

    [GeneratedRegex(@"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$")]
    private static partial Regex DayMonthYear();
}
