using System.Text;
using VnTrace.Gs1.Identifiers;

namespace VnTrace.Server.Labels;

/// <summary>
/// What goes on one label: the URI the QR code carries, byte for byte as given, and the text printed under it — the
/// human-readable interpretation of the GS1 data, e.g. "(01) 08936012000014", "(10) LOT42", "(21) 000123", and
/// optionally the product name.
/// </summary>
public sealed record LabelContent
{
    /// <summary>Longest URI accepted: far beyond a Digital Link with its key, qualifiers and a few attributes, and still a QR code of a size a label can carry.</summary>
    public const int MaxUriLength = 512;

    /// <summary>Most text lines on a label (the layouts keep room for <see cref="LabelLayout.TextLines"/>; more are shrunk).</summary>
    public const int MaxLines = 6;

    /// <param name="uri">An absolute http(s) URI in printable ASCII, as a GS1 Digital Link is written (GS1 Digital Link 1.x §6: non-ASCII percent-encoded).</param>
    /// <param name="lines">Human-readable lines under the code, first to last.</param>
    /// <param name="productName">Printed after the lines; any script, Vietnamese included.</param>
    /// <exception cref="ArgumentException">The URI is not printable-ASCII http(s), or a line is empty or holds a control character.</exception>
    public LabelContent(string uri, IReadOnlyList<string> lines, string? productName = null)
    {
        ArgumentNullException.ThrowIfNull(uri);
        ArgumentNullException.ThrowIfNull(lines);
        if (uri.Length is 0 or > MaxUriLength)
            throw new ArgumentException($"A label's URI must have 1 to {MaxUriLength} characters; this one has {uri.Length}.", nameof(uri));
        var bad = uri.AsSpan().IndexOfAnyExceptInRange('!', '~');
        if (bad >= 0)
            throw new ArgumentException($"A label's URI must be printable ASCII (percent-encode the rest); character {bad} is U+{(int)uri[bad]:X4}.", nameof(uri));
        if (!uri.StartsWith("https://", StringComparison.OrdinalIgnoreCase) && !uri.StartsWith("http://", StringComparison.OrdinalIgnoreCase))
            throw new ArgumentException($"A label's URI must be an http or https URI: '{uri}'.", nameof(uri));
        if (lines.Count > MaxLines)
            throw new ArgumentException($"A label holds at most {MaxLines} text lines; {lines.Count} were given.", nameof(lines));

        Uri = uri;
        Lines = [.. lines.Select((l, i) => Text(l, $"line {i + 1}") ?? throw new ArgumentException($"Text line {i + 1} is empty.", nameof(lines)))];
        ProductName = Text(productName, "the product name");
    }

    /// <summary>Encoded in the QR code exactly as given.</summary>
    public string Uri { get; }

    /// <summary>Human-readable lines, in Unicode normalization form C.</summary>
    public IReadOnlyList<string> Lines { get; }

    /// <summary>In normalization form C; null when none was given.</summary>
    public string? ProductName { get; }

    /// <summary>Every line printed under the code: <see cref="Lines"/>, then the product name.</summary>
    public IEnumerable<string> PrintedLines => ProductName is null ? Lines : [.. Lines, ProductName];

    /// <summary>
    /// The label for a Digital Link: the link as it is written (its own host, query string included) and one line per
    /// element in the form GS1 prints under a barcode, "(01) 08936012000014", in the link's order.
    /// </summary>
    public static LabelContent For(DigitalLink link, string? productName = null) =>
        new(link.ToString(), [.. link.Elements.Select(e => $"({e.Ai}) {e.Value}")], productName);

    /// <summary>
    /// Form C, because the labels draw glyphs straight from the font's character map, with no shaping: a Vietnamese
    /// letter typed as base + combining marks (form D, as macOS gives it) must become the font's precomposed glyph.
    /// </summary>
    private static string? Text(string? text, string what)
    {
        if (string.IsNullOrWhiteSpace(text))
            return null;
        text = text.Trim().Normalize(NormalizationForm.FormC);
        foreach (var c in text)
            if (char.IsControl(c))
                throw new ArgumentException($"{char.ToUpperInvariant(what[0])}{what[1..]} holds the control character U+{(int)c:X4}: '{text}'.");
        return text;
    }
}
