namespace VnTrace.Gs1.Identifiers;

/// <summary>
/// The GS1 Company Prefix inside a key. EPC URIs write it apart from the rest of the key (GS1 Tag Data Standard
/// §6.3), so converting a Digital Link to an EPC URI needs its length, which the key itself does not tell.
/// </summary>
public static class Gs1CompanyPrefix
{
    public const int MinLength = 6;
    public const int MaxLength = 12;

    /// <summary>
    /// The length assumed when the caller gives none. A reliable answer needs GS1's GCP length table
    /// (gcpprefixformatlist.xml), which this I/O-free library does not carry; 7 is the most common length and the
    /// one GS1's own examples use (0614141, 4012345). Pass the real length when you know it.
    /// </summary>
    public const int DefaultLength = 7;

    /// <summary>
    /// A company prefix length for a key that starts with a GS1 Company Prefix (GLN, GDTI, GSRN…; for GTIN and SSCC
    /// skip the indicator / extension digit first): the given one, else one the key's form implies, else
    /// <see cref="DefaultLength"/>.
    /// </summary>
    /// <remarks>
    /// The one case the key does imply: a GTIN-8 (GTIN-14 with six leading zeros after the indicator) has no
    /// GS1 Company Prefix of its own; TDS 2.x §7.1 writes it with the leading zeros and the GS1-8 prefix as the
    /// company prefix part, i.e. length 8 counted on the 13 digits after the indicator.
    /// </remarks>
    public static int LengthFor(ReadOnlySpan<char> keyAfterIndicator, int? length = null)
    {
        if (length is { } given)
            return given;
        if (keyAfterIndicator.Length >= 13 && keyAfterIndicator.StartsWith("00000"))
            return 8;
        return DefaultLength;
    }

    /// <summary>Splits digits into the company prefix and the reference that follows it.</summary>
    public static (string CompanyPrefix, string Reference) Split(ReadOnlySpan<char> digits, int companyPrefixLength)
    {
        if (companyPrefixLength is < MinLength or > MaxLength)
            throw new ArgumentOutOfRangeException(nameof(companyPrefixLength), companyPrefixLength, "a GS1 Company Prefix has 6 to 12 digits");
        if (companyPrefixLength > digits.Length)
            throw new ArgumentOutOfRangeException(nameof(companyPrefixLength), companyPrefixLength, "longer than the key");
        return (digits[..companyPrefixLength].ToString(), digits[companyPrefixLength..].ToString());
    }
}
