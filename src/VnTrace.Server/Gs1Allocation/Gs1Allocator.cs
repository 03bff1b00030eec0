using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using VnTrace.Gs1.Identifiers;

namespace VnTrace.Server.Gs1Allocation;

/// <summary>
/// The range a province hands GS1 company prefixes out of, bound from the configuration section
/// <c>VnTrace:Gs1Allocation</c>: <c>{ "Prefix": "893999", "BusinessDigits": 3 }</c> gives businesses without a
/// prefix of their own the company prefixes 893999000 … 893999999.
/// </summary>
public sealed class Gs1AllocationOptions
{
    public const string Section = "VnTrace:Gs1Allocation";

    /// <summary>The digits every allocated company prefix starts with: a GS1 prefix (893 for GS1 Vietnam) and more.</summary>
    public string? Prefix { get; set; }

    /// <summary>How many digits after <see cref="Prefix"/> number the businesses.</summary>
    public int BusinessDigits { get; set; }
}

/// <summary>Why an allocation or a configuration was refused, in words for the person who can fix it.</summary>
public sealed record Gs1AllocationError(string Message)
{
    public override string ToString() => Message;
}

/// <summary>
/// A GS1 Company Prefix (GS1 General Specifications §1.4.4): 6 to 12 digits starting with a GS1 prefix that a
/// GS1 Member Organisation allocates (893 is GS1 Vietnam). GTIN-13s and GLNs are formed from it by appending a
/// reference and the check digit, so a longer prefix leaves room for fewer of them.
/// </summary>
public readonly record struct CompanyPrefix
{
    private readonly string? digits;

    private CompanyPrefix(string digits) => this.digits = digits;

    public string Digits => digits ?? "";

    public int Length => Digits.Length;

    /// <summary>True for a GS1 Vietnam prefix (893).</summary>
    public bool IsVietnam => Digits.StartsWith(Gs1Prefix.Vietnam, StringComparison.Ordinal);

    /// <summary>
    /// How many GTIN-13s (equally, GLNs) the prefix can number: 10 to the power of the reference digits
    /// (12 − prefix length) left before the check digit.
    /// </summary>
    public long ReferenceCapacity => Pow10(12 - Length);

    public override string ToString() => Digits;

    /// <summary>
    /// Checks a company prefix a business already holds: digits only (the error names the first bad character and
    /// its position), 6 to 12 of them, and a GS1 prefix allocated to a GS1 Member Organisation rather than
    /// restricted circulation, coupons, ISBN or ISSN.
    /// </summary>
    public static bool TryParse(string? text, out CompanyPrefix prefix, [NotNullWhen(false)] out Gs1AllocationError? error)
    {
        prefix = default;
        var s = (text ?? "").Trim();
        if (s.Length == 0)
        {
            error = new Gs1AllocationError("The GS1 company prefix is empty.");
            return false;
        }
        for (var i = 0; i < s.Length; i++)
        {
            if (!char.IsAsciiDigit(s[i]))
            {
                error = new Gs1AllocationError($"GS1 company prefix: '{s[i]}' at position {i} is not a digit.");
                return false;
            }
        }
        if (s.Length is < Gs1CompanyPrefix.MinLength or > Gs1CompanyPrefix.MaxLength)
        {
            error = new Gs1AllocationError(
                $"GS1 company prefix {s} has {s.Length} digits; a GS1 company prefix has {Gs1CompanyPrefix.MinLength} to {Gs1CompanyPrefix.MaxLength} (893 and 3 to 9 more for GS1 Vietnam).");
            return false;
        }
        if (Gs1Prefix.CountryOf(s[..3]) is null)
        {
            var use = Gs1Prefix.AllocationOf(s[..3]);
            error = new Gs1AllocationError(use is null
                ? $"GS1 company prefix {s}: {s[..3]} is not a GS1 prefix allocated to any GS1 Member Organisation."
                : $"GS1 company prefix {s}: {s[..3]} is reserved for {use} numbers, not for company prefixes.");
            return false;
        }
        prefix = new CompanyPrefix(s);
        error = null;
        return true;
    }

    public static CompanyPrefix Parse(string text) =>
        TryParse(text, out var prefix, out var error) ? prefix : throw new FormatException(error.Message);

    internal static long Pow10(int n)
    {
        var x = 1L;
        for (var i = 0; i < n; i++)
            x *= 10;
        return x;
    }
}

/// <summary>
/// Hands out GS1 keys without storing anything: the caller keeps the counters (the next business number, each
/// company's next item and location number) and asks for the n-th key. Numbers count from 0. The same number
/// always gives the same key, so a retry after a failed save allocates nothing twice.
/// </summary>
public sealed class Gs1Allocator
{
    private Gs1Allocator(string prefix, int businessDigits)
    {
        Prefix = prefix;
        BusinessDigits = businessDigits;
    }

    public string Prefix { get; }

    public int BusinessDigits { get; }

    /// <summary>How many businesses the range can give a company prefix to.</summary>
    public long Capacity => CompanyPrefix.Pow10(BusinessDigits);

    /// <summary>
    /// Checks the province's configuration: a prefix of digits starting with a GS1 Member Organisation's GS1
    /// prefix, and business digits that keep the allocated company prefixes within 6 to 11 digits, so that each
    /// business can number at least 10 products and 10 locations.
    /// </summary>
    public static bool TryCreate(Gs1AllocationOptions? options, [NotNullWhen(true)] out Gs1Allocator? allocator, [NotNullWhen(false)] out Gs1AllocationError? error)
    {
        allocator = null;
        var prefix = (options?.Prefix ?? "").Trim();
        var where = Gs1AllocationOptions.Section;
        if (prefix.Length == 0)
        {
            error = new Gs1AllocationError($"{where}:Prefix is not set; give the digits allocated company prefixes start with, such as 893999.");
            return false;
        }
        for (var i = 0; i < prefix.Length; i++)
        {
            if (!char.IsAsciiDigit(prefix[i]))
            {
                error = new Gs1AllocationError($"{where}:Prefix: '{prefix[i]}' at position {i} is not a digit.");
                return false;
            }
        }
        if (prefix.Length < 3)
        {
            error = new Gs1AllocationError($"{where}:Prefix {prefix} is shorter than a GS1 prefix (3 digits, 893 for GS1 Vietnam).");
            return false;
        }
        if (Gs1Prefix.CountryOf(prefix[..3]) is null)
        {
            error = new Gs1AllocationError($"{where}:Prefix {prefix} does not start with a GS1 prefix allocated to a GS1 Member Organisation (893 for GS1 Vietnam).");
            return false;
        }
        var businessDigits = options!.BusinessDigits;
        if (businessDigits < 1)
        {
            error = new Gs1AllocationError($"{where}:BusinessDigits is {businessDigits}; it must be at least 1.");
            return false;
        }
        var length = prefix.Length + businessDigits;
        if (length < Gs1CompanyPrefix.MinLength || length > 11)
        {
            error = new Gs1AllocationError(
                $"{where}: Prefix {prefix} ({prefix.Length} digits) and BusinessDigits {businessDigits} make {length}-digit company prefixes; they must have {Gs1CompanyPrefix.MinLength} to 11 digits so that each business can number at least 10 products.");
            return false;
        }
        allocator = new Gs1Allocator(prefix, businessDigits);
        error = null;
        return true;
    }

    /// <summary>The company prefix of business number <paramref name="number"/> (0 for the first): the prefix followed by the number in <see cref="BusinessDigits"/> digits.</summary>
    public bool TryCompanyPrefix(long number, out CompanyPrefix prefix, [NotNullWhen(false)] out Gs1AllocationError? error)
    {
        prefix = default;
        if (number < 0 || number >= Capacity)
        {
            error = new Gs1AllocationError(number < 0
                ? $"Business number {number} is negative; numbers count from 0."
                : string.Create(CultureInfo.InvariantCulture,
                    $"The range {Prefix} is exhausted: it holds {Capacity:N0} company prefixes ({Prefix}{Pad(0, BusinessDigits)} to {Prefix}{Pad(Capacity - 1, BusinessDigits)}), and business number {number:N0} is past the end. Configure a new range."));
            return false;
        }
        prefix = CompanyPrefix.Parse(Prefix + Pad(number, BusinessDigits));
        error = null;
        return true;
    }

    /// <summary>
    /// The GTIN-13 with item reference <paramref name="number"/> (0 for the first) under the company prefix,
    /// held as its 14-digit form with a leading 0 and the computed check digit.
    /// </summary>
    public static bool TryGtin(CompanyPrefix prefix, long number, out Gtin gtin, [NotNullWhen(false)] out Gs1AllocationError? error)
    {
        gtin = default;
        if (!TryKeyBody(prefix, number, "GTIN", "item reference", out var body, out error))
            return false;
        gtin = Gtin.Parse("0" + body + Gs1CheckDigit.ComputeChar(body));
        return true;
    }

    /// <summary>The GLN with location reference <paramref name="number"/> (0 for the first) under the company prefix.</summary>
    public static bool TryGln(CompanyPrefix prefix, long number, out Gln gln, [NotNullWhen(false)] out Gs1AllocationError? error)
    {
        gln = default;
        if (!TryKeyBody(prefix, number, "GLN", "location reference", out var body, out error))
            return false;
        gln = Gln.Parse(body + Gs1CheckDigit.ComputeChar(body));
        return true;
    }

    /// <summary>The 12 digits before the check digit: company prefix and reference.</summary>
    private static bool TryKeyBody(CompanyPrefix prefix, long number, string key, string reference,
        [NotNullWhen(true)] out string? body, [NotNullWhen(false)] out Gs1AllocationError? error)
    {
        body = null;
        if (prefix.Length == 0)
        {
            error = new Gs1AllocationError($"No company prefix was given for the {key}.");
            return false;
        }
        var digits = 12 - prefix.Length;
        var capacity = prefix.ReferenceCapacity;
        if (number < 0 || number >= capacity)
        {
            var room = digits == 0
                ? $"room for one {key} only (no digits are left for a {reference})"
                : string.Create(CultureInfo.InvariantCulture, $"room for {capacity:N0} {key}s ({reference}s {Pad(0, digits)} to {Pad(capacity - 1, digits)})");
            error = new Gs1AllocationError(number < 0
                ? $"{key} number {number} is negative; numbers count from 0."
                : string.Create(CultureInfo.InvariantCulture, $"Company prefix {prefix} has {room}; number {number:N0} is past the end."));
            return false;
        }
        body = prefix.Digits + Pad(number, digits);
        error = null;
        return true;
    }

    private static string Pad(long number, int digits) =>
        digits == 0 ? "" : number.ToString(new string('0', digits), CultureInfo.InvariantCulture);
}
