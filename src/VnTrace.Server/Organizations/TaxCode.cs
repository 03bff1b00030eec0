using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace VnTrace.Server.Organizations;

/// <summary>What kind of taxpayer a <see cref="TaxCode"/> names.</summary>
public enum TaxCodeKind
{
    /// <summary>10 digits: an enterprise, cooperative or other organization (mã số thuế doanh nghiệp).</summary>
    Enterprise,

    /// <summary>10 digits, "-", 3 digits: a branch or dependent unit of the enterprise named by the first 10 digits.</summary>
    DependentUnit,

    /// <summary>
    /// 12 digits: a personal identification number (số định danh cá nhân), which replaces the tax code of individuals
    /// and household businesses from 1 July 2025 (Circular 86/2024/TT-BTC).
    /// </summary>
    PersonalIdentification,
}

/// <summary>Why a tax code was refused: where (zero-based position in the input), how many characters, and what.</summary>
public sealed record TaxCodeError(int Position, int Length, string Message)
{
    public override string ToString() => Message;
}

/// <summary>
/// A Vietnamese tax code (mã số thuế) as an organization registers it: 10 digits, 10 digits + "-" + 3 digits for a
/// branch or dependent unit, or the 12-digit personal identification number household businesses use since
/// 1 July 2025. A value of this type always has one of those forms; <c>default</c> is not a tax code.
/// </summary>
/// <remarks>
/// <para>
/// Only the form is enforced. The 10th digit is described as a check digit (structure N1N2 N3…N9 N10 in the tax
/// registration circulars), and the algorithm that libraries use, N10 = 10 − (Σ Nᵢ·Wᵢ mod 11) with weights
/// 31 29 23 19 17 13 7 5 3, agrees with every real code we checked (python-stdnum's list of about 150 codes
/// found online, tests/test_vn_mst.doctest; Viettel 0100109106, Vinamilk 0300588569, FPT 0101248141). But no
/// authoritative publication of that algorithm by the tax administration could be found, so a code whose tenth
/// digit disagrees is not refused: <see cref="CheckDigitAgrees"/> lets a form warn instead.
/// </para>
/// <para>The personal identification number has no check digit (its last six digits are a serial); it is checked for form only.</para>
/// </remarks>
public readonly record struct TaxCode : ISpanParsable<TaxCode>, ISpanFormattable, IUtf8SpanFormattable
{
    private static readonly int[] Weights = [31, 29, 23, 19, 17, 13, 7, 5, 3];
    private readonly string? value;

    private TaxCode(string value, TaxCodeKind kind)
    {
        this.value = value;
        Kind = kind;
    }

    public TaxCodeKind Kind { get; }

    /// <summary>
    /// The 10-digit code of the enterprise itself: the whole code, or for a dependent unit the part before "-".
    /// Null for a personal identification number.
    /// </summary>
    public string? EnterpriseCode => Kind switch
    {
        TaxCodeKind.Enterprise => Value,
        TaxCodeKind.DependentUnit => Value[..10],
        _ => null,
    };

    /// <summary>
    /// For a 10- or 13-digit code, whether the tenth digit is the one the commonly used weighted mod-11 rule gives
    /// (see the remarks on <see cref="TaxCode"/>): a hint for a typing mistake, not grounds for refusal.
    /// Null for a personal identification number, which has no check digit.
    /// </summary>
    public bool? CheckDigitAgrees => Kind == TaxCodeKind.PersonalIdentification
        ? null
        : ExpectedCheckDigit(Value.AsSpan(0, 9)) == Value[9] - '0';

    /// <summary>
    /// The tenth digit the weighted mod-11 rule gives for the first nine digits, or null when the rule gives 10,
    /// which no digit can carry.
    /// </summary>
    public static int? ExpectedCheckDigit(ReadOnlySpan<char> firstNine)
    {
        if (firstNine.Length != 9)
            throw new ArgumentException("nine digits expected", nameof(firstNine));
        var sum = 0;
        for (var i = 0; i < 9; i++)
        {
            var d = firstNine[i] - '0';
            if ((uint)d > 9)
                throw new ArgumentException($"'{firstNine[i]}' at position {i} is not a digit", nameof(firstNine));
            sum += d * Weights[i];
        }
        var check = 10 - sum % 11;
        return check == 10 ? null : check;
    }

    private string Value => value ?? "";

    public override string ToString() => Value;

    public string ToString(string? format, IFormatProvider? formatProvider) => Value;

    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider)
    {
        if (Value.AsSpan().TryCopyTo(destination))
        {
            charsWritten = Value.Length;
            return true;
        }
        charsWritten = 0;
        return false;
    }

    public bool TryFormat(Span<byte> utf8Destination, out int bytesWritten, ReadOnlySpan<char> format, IFormatProvider? provider) =>
        Encoding.ASCII.TryGetBytes(Value, utf8Destination, out bytesWritten);

    /// <summary>
    /// Parses a tax code; white space around it is ignored. The error names the first bad character and its
    /// zero-based position in <paramref name="s"/> ("'O' at position 3 is not a digit").
    /// </summary>
    public static bool TryParse(ReadOnlySpan<char> s, out TaxCode result, [NotNullWhen(false)] out TaxCodeError? error)
    {
        result = default;
        var start = 0;
        while (start < s.Length && char.IsWhiteSpace(s[start]))
            start++;
        var end = s.Length;
        while (end > start && char.IsWhiteSpace(s[end - 1]))
            end--;
        var code = s[start..end];

        if (code.IsEmpty)
        {
            error = new TaxCodeError(0, s.Length, "The tax code is empty.");
            return false;
        }
        for (var i = 0; i < code.Length; i++)
        {
            var c = code[i];
            if (char.IsAsciiDigit(c) || (c == '-' && i == 10))
                continue;
            var at = start + i;
            error = c == '-'
                ? new TaxCodeError(at, 1, $"'-' at position {at}: a branch suffix follows the first 10 digits, as in 0100109106-001.")
                : new TaxCodeError(at, 1, $"{Describe(c)} at position {at} is not a digit.");
            return false;
        }

        if (code.Length > 10 && code[10] == '-' && code.Length != 14)
        {
            var digits = code.Length - 11;
            error = new TaxCodeError(start + 11, digits,
                $"The dependent unit's number after '-' has {digits} digit{(digits == 1 ? "" : "s")}; it must have 3, as in 0100109106-001.");
            return false;
        }
        switch (code.Length)
        {
            case 10:
                result = new TaxCode(code.ToString(), TaxCodeKind.Enterprise);
                break;
            case 14:
                if (code[11..].SequenceEqual("000"))
                {
                    error = new TaxCodeError(start + 11, 3, $"Branch number 000 at position {start + 11}: dependent units are numbered from 001.");
                    return false;
                }
                result = new TaxCode(code.ToString(), TaxCodeKind.DependentUnit);
                break;
            case 12:
                result = new TaxCode(code.ToString(), TaxCodeKind.PersonalIdentification);
                break;
            case 13:
                error = new TaxCodeError(start, code.Length,
                    "13 digits: write a dependent unit's code as 10 digits, '-', 3 digits (0100109106-001).");
                return false;
            default:
                var hint = code.Length == 9 || code.Length == 11
                    ? " A spreadsheet may have dropped a leading zero; enter the code as text."
                    : "";
                error = new TaxCodeError(start, code.Length,
                    $"{code.Length} characters: a tax code has 10 digits, 10 digits + '-' + 3 digits for a dependent unit, or 12 digits for a personal identification number.{hint}");
                return false;
        }
        error = null;
        return true;
    }

    private static string Describe(char c) => char.IsWhiteSpace(c)
        ? "A space"
        : char.IsControl(c) ? $"Character U+{(int)c:X4}" : $"'{c}'";

    public static TaxCode Parse(ReadOnlySpan<char> s) =>
        TryParse(s, out var result, out var error) ? result : throw new FormatException(error.Message);

    public static TaxCode Parse(string s) => Parse(s.AsSpan());

    public static TaxCode Parse(string s, IFormatProvider? provider) => Parse(s.AsSpan());

    public static TaxCode Parse(ReadOnlySpan<char> s, IFormatProvider? provider) => Parse(s);

    public static bool TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out TaxCode result) =>
        TryParse(s.AsSpan(), out result, out _);

    public static bool TryParse(ReadOnlySpan<char> s, IFormatProvider? provider, out TaxCode result) =>
        TryParse(s, out result, out _);
}
