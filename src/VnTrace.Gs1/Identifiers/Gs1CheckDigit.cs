namespace VnTrace.Gs1.Identifiers;

/// <summary>
/// GS1 check digits: the mod-10 check digit of every numeric key (GS1 General Specifications §7.9.1) and the
/// check character pair of alphanumeric keys such as the GMN (§7.9.5).
/// </summary>
public static class Gs1CheckDigit
{
    /// <summary>The mod-10 check digit for <paramref name="digits"/> (the key without its check digit).</summary>
    /// <exception cref="ArgumentException">When a character is not a digit.</exception>
    public static int Compute(ReadOnlySpan<char> digits)
    {
        // Weights 3,1,3,1... from the right-most data digit (GS1 General Specifications §7.9.1).
        var sum = 0;
        var weight = 3;
        for (var i = digits.Length - 1; i >= 0; i--)
        {
            var d = digits[i] - '0';
            if ((uint)d > 9)
                throw new ArgumentException($"'{digits[i]}' at position {i} is not a digit", nameof(digits));
            sum += d * weight;
            weight = 4 - weight;
        }
        return (10 - sum % 10) % 10;
    }

    /// <summary>The check digit as a character.</summary>
    public static char ComputeChar(ReadOnlySpan<char> digits) => (char)('0' + Compute(digits));

    /// <summary>True when <paramref name="key"/> is all digits and its last digit is the right check digit.</summary>
    public static bool IsValid(ReadOnlySpan<char> key)
    {
        if (key.Length < 2 || !Gs1Charset.IsAllDigits(key))
            return false;
        return key[^1] - '0' == Compute(key[..^1]);
    }

    /// <summary>
    /// Checks the mod-10 check digit of a numeric key; on failure the error points at the check digit and says
    /// what it should be ("check digit 3 at position 13 should be 7").
    /// </summary>
    /// <param name="key">The digits including the check digit.</param>
    /// <param name="offset">Where <paramref name="key"/> starts in the caller's input, for the reported position.</param>
    public static Gs1ParseError? Check(ReadOnlySpan<char> key, int offset = 0)
    {
        for (var i = 0; i < key.Length; i++)
        {
            if (!char.IsAsciiDigit(key[i]))
                return new Gs1ParseError(offset + i, 1, $"{Gs1Charset.Describe(key[i])} at position {offset + i} is not a digit") { Kind = Gs1ErrorKind.Character };
        }
        if (key.Length < 2)
            return new Gs1ParseError(offset, key.Length, "too short to carry a check digit") { Kind = Gs1ErrorKind.Length };
        var expected = Compute(key[..^1]);
        var actual = key[^1] - '0';
        var at = offset + key.Length - 1;
        return actual == expected
            ? null
            : new Gs1ParseError(at, 1, $"check digit {actual} at position {at} should be {expected}") { Kind = Gs1ErrorKind.CheckDigit };
    }

    private const string CheckCharacters = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
    private static ReadOnlySpan<int> Primes => [2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47, 53, 59, 61, 67, 71, 73, 79, 83, 89];

    /// <summary>
    /// The two check characters of an alphanumeric key (GS1 General Specifications §7.9.5, used by the GMN, AI 8013):
    /// each CSET 82 character value is weighted by a prime, summed mod 1021, and the sum written in base 32.
    /// </summary>
    public static string ComputeAlphaPair(ReadOnlySpan<char> data)
    {
        if (data.Length > Primes.Length)
            throw new ArgumentException("too long for a check character pair", nameof(data));
        var sum = 0;
        for (var i = 0; i < data.Length; i++)
        {
            var value = Gs1Charset.Cset82.IndexOf(data[i]);
            if (value < 0)
                throw new ArgumentException($"{Gs1Charset.Describe(data[i])} is not in GS1 character set 82", nameof(data));
            sum += value * Primes[data.Length - 1 - i];
        }
        sum %= 1021;
        return string.Concat(CheckCharacters[sum >> 5], CheckCharacters[sum & 31]);
    }
}
