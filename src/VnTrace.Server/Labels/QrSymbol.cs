using QRCoder;

namespace VnTrace.Server.Labels;

/// <summary>
/// A QR code as the horizontal runs of dark modules in each row, in module units with the 4-module quiet zone
/// (ISO/IEC 18004) included: one rectangle per run instead of one per module, about half as many.
/// </summary>
internal sealed class QrSymbol
{
    private QrSymbol(int size, int[] runs, int runCount)
    {
        Size = size;
        this.runs = runs;
        RunCount = runCount;
    }

    private readonly int[] runs;

    /// <summary>Modules per side, quiet zone included (version 4: 33 + 8).</summary>
    public int Size { get; }

    public int RunCount { get; }

    /// <summary>Run <paramref name="i"/>: its row, first dark column and number of dark modules.</summary>
    public (int Row, int Column, int Length) Run(int i) => (runs[3 * i], runs[3 * i + 1], runs[3 * i + 2]);

    /// <summary>
    /// Error correction level M (about 15 % of the symbol can be lost): a scuffed or partly torn sticker still scans,
    /// for a code one version smaller than level Q would need. Mode and version are QRCoder's choice: byte mode for a
    /// URI, the smallest version that holds it.
    /// </summary>
    public static QrSymbol Encode(string text)
    {
        using var data = QRCodeGenerator.GenerateQrCode(text, QRCodeGenerator.ECCLevel.M);
        var matrix = data.ModuleMatrix;
        var size = matrix.Count;
        var runs = new int[3 * size * (size / 2 + 1)];
        var count = 0;
        for (var row = 0; row < size; row++)
        {
            var bits = matrix[row];
            for (var column = 0; column < size;)
            {
                if (!bits[column])
                {
                    column++;
                    continue;
                }
                var start = column;
                while (column < size && bits[column])
                    column++;
                runs[3 * count] = row;
                runs[3 * count + 1] = start;
                runs[3 * count + 2] = column - start;
                count++;
            }
        }
        return new QrSymbol(size, runs, count);
    }
}
