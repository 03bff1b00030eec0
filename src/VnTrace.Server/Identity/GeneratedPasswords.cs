using System.Security.Cryptography;

namespace VnTrace.Server.Identity;

/// <summary>
/// Passwords the system makes up for a person to type once and change (the first administrator, the demo users):
/// four groups of four characters from an alphabet without look-alikes (no 0/o, 1/l/i), about 77 bits, always
/// with a digit: 19 characters, so they pass <see cref="PasswordPolicy"/>.
/// </summary>
public static class GeneratedPasswords
{
    private const string Letters = "abcdefghjkmnpqrstuvwxyz";
    private const string Digits = "23456789";
    private const string Alphabet = Letters + Digits;

    public static string New()
    {
        while (true)
        {
            var chars = new char[16];
            for (var i = 0; i < chars.Length; i++)
                chars[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
            if (chars.Any(char.IsAsciiDigit) && chars.Distinct().Count() >= 4)
                return string.Join('-', chars.Chunk(4).Select(c => new string(c)));
        }
    }
}
