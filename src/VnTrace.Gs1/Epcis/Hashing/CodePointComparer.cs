namespace VnTrace.Gs1.Epcis.Hashing;

/// <summary>
/// Orders strings by Unicode code point, the order of their UTF-8 bytes (CBV 2.0 §8.9.1 rule 10). Ordinal UTF-16
/// comparison agrees except between a surrogate pair (U+10000 and above) and a character in U+E000–U+FFFF,
/// which UTF-16 puts the wrong way round.
/// </summary>
internal sealed class CodePointComparer : IComparer<string>
{
    public static readonly CodePointComparer Instance = new();

    public int Compare(string? x, string? y)
    {
        if (ReferenceEquals(x, y))
            return 0;
        if (x is null)
            return -1;
        if (y is null)
            return 1;

        var length = Math.Min(x.Length, y.Length);
        for (var i = 0; i < length; i++)
        {
            if (x[i] != y[i])
                return Weight(x[i]) - Weight(y[i]);
        }
        return x.Length - y.Length;
    }

    // Moves surrogates above U+FFFF's BMP neighbours: D800–DFFF after E000–FFFF.
    private static int Weight(char c) => c >= '\uE000' ? c - 0x800 : c >= '\uD800' ? c + 0x2000 : c;
}
