using System.Security.Cryptography;

namespace VnTrace.Server.Labels;

/// <summary>
/// Serial numbers (AI 21) for serialised units: <see cref="Length"/> characters drawn by a cryptographic random
/// generator from <see cref="Alphabet"/>, so a counterfeiter who has seen any number of labels cannot guess another
/// valid one (50 bits: with a million serials issued for a GTIN, a guess hits one with odds of about 1 in 10⁹).
/// </summary>
/// <remarks>
/// The alphabet is 32 letters and digits of GS1 AI encodable character set 82 (GS1 General Specifications §7.11,
/// AI 21 is X..20) without 0/O and 1/I, which people misread when they type a code off a label; 32 symbols make each
/// character exactly 5 random bits, with no modulo bias. Upper case only, so a serial reads the same aloud.
/// </remarks>
public static class SerialNumbers
{
    public const string Alphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
    public const int Length = 10;

    /// <summary><paramref name="count"/> distinct serials, in the order drawn.</summary>
    public static string[] Generate(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var serials = new string[count];
        var seen = new HashSet<string>(count, StringComparer.Ordinal);
        var random = new byte[Length * Math.Min(count, 4096)];
        var used = random.Length;
        for (var i = 0; i < count;)
        {
            if (used == random.Length)
            {
                RandomNumberGenerator.Fill(random);
                used = 0;
            }
            var serial = string.Create(Length, (random, used), static (chars, state) =>
            {
                for (var c = 0; c < chars.Length; c++)
                    chars[c] = Alphabet[state.random[state.used + c] & 31];
            });
            used += Length;
            // A repeat within the batch (odds of about 1 in 200,000 for a batch of 100,000) is drawn again.
            if (seen.Add(serial))
                serials[i++] = serial;
        }
        return serials;
    }
}
