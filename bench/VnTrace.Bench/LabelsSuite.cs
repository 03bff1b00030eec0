using System.Diagnostics;
using System.Globalization;
using System.Text;
using VnTrace.Gs1.Identifiers;
using VnTrace.Server.Labels;

namespace VnTrace.Bench;

/// <summary>
/// Suite 4: label sheets. The server's <see cref="LabelSheetRenderer"/>, in this process, writes a PDF of serialised
/// units' Digital Link QR codes on the 3 × 7 sheet (Avery L7160 style), against a baseline in the same run: encoding
/// the same QR codes only (the renderer's own <see cref="QrSymbol.Encode"/>, on all cores as the renderer runs it),
/// without drawing. Then once at 100,000 labels, made lazily as a lot's serials would stream from the database, with
/// the peak resident memory of the run.
/// </summary>
public sealed class LabelsSuite(BenchOptions o)
{
    private const string ProductName = "Cà phê Robusta Buôn Ma Thuột";
    private const int Runs = 3;

    private sealed record Timing(double Seconds, double CpuSeconds, LabelSheetSummary? Summary = null, long PeakRssBytes = 0, long StartRssBytes = 0);

    public async Task<string> RunAsync()
    {
        var layout = LabelLayout.Find("a4-3x7")!;
        var renderer = new LabelSheetRenderer();
        var folder = Directory.CreateTempSubdirectory("vntrace-bench-labels-").FullName;
        try
        {
            var build = Stopwatch.StartNew();
            var labels = Labels(o.Labels).ToList();
            var buildSeconds = build.Elapsed.TotalSeconds;
            Run.Log($"labels: {Fmt.Int(labels.Count)} labels made in {buildSeconds:0.00} s; a sample URI: {labels[^1].Uri}");

            // The first sheet the process draws pays for JIT, loading Skia and the font: timed apart.
            var cold = await TimeAsync(() => renderer.WritePdfAsync(Labels(2 * layout.LabelsPerPage), layout, Stream.Null));
            Run.Log($"labels: first 2 pages of the process {cold.Seconds:0.00} s");

            var baseline = new List<Timing>();
            var singleCore = new List<Timing>();
            var sheets = new List<Timing>();
            var files = new List<Timing>();
            for (var run = 0; run < Runs; run++)
            {
                baseline.Add(await TimeAsync(() => EncodeOnly(labels, parallel: true)));
                singleCore.Add(await TimeAsync(() => EncodeOnly(labels, parallel: false)));
                sheets.Add(await TimeAsync(() => renderer.WritePdfAsync(labels, layout, Stream.Null)));
                var path = Path.Combine(folder, $"sheet-{run}.pdf");
                files.Add(await TimeAsync(async () =>
                {
                    await using var file = File.Create(path);
                    return await renderer.WritePdfAsync(labels, layout, file);
                }));
                File.Delete(path);
                Run.Log($"labels: run {run + 1}: encode only {baseline[^1].Seconds:0.00} s (one core {singleCore[^1].Seconds:0.00} s), "
                    + $"sheet {sheets[^1].Seconds:0.00} s, to a file {files[^1].Seconds:0.00} s");
            }

            Timing? large = null;
            if (o.LabelsLarge > 0)
            {
                labels = null!;
                GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
                var path = Path.Combine(folder, "large.pdf");
                Run.Log($"labels: {Fmt.Int(o.LabelsLarge)} labels to a file");
                large = await TimeAsync(async () =>
                {
                    await using var file = File.Create(path);
                    return await renderer.WritePdfAsync(Labels(o.LabelsLarge), layout, file);
                }, measureMemory: true);
                File.Delete(path);
                Run.Log($"labels: {Fmt.Int(o.LabelsLarge)} labels in {large.Seconds:0.00} s, peak RSS {large.PeakRssBytes / 1048576.0:0} MiB");
            }
            return Report(layout, buildSeconds, cold, baseline, singleCore, sheets, files, large);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Serialised units of one lot, each URI built and checked by the library's Digital Link parser.</summary>
    private static IEnumerable<LabelContent> Labels(int count)
    {
        for (var n = 1; n <= count; n++)
            yield return LabelContent.For(DigitalLink.Parse($"https://id.example.vn/01/08936012000016/10/LOT1/21/{n}"), ProductName);
    }

    /// <summary>The baseline: the QR codes the sheet holds, encoded and dropped; no sheet, so no summary.</summary>
    private static Task<LabelSheetSummary?> EncodeOnly(List<LabelContent> labels, bool parallel)
    {
        var runs = 0L;
        if (parallel)
            Parallel.For(0, labels.Count, () => 0L, (i, _, sum) => sum + QrSymbol.Encode(labels[i].Uri).RunCount, sum => Interlocked.Add(ref runs, sum));
        else
            foreach (var label in labels)
                runs += QrSymbol.Encode(label.Uri).RunCount;
        if (runs == 0)
            throw new InvalidOperationException("No QR code was encoded.");
        return Task.FromResult<LabelSheetSummary?>(null);
    }

    private static async Task<Timing> TimeAsync<TResult>(Func<Task<TResult>> work, bool measureMemory = false)
    {
        long startRss = 0;
        if (measureMemory)
        {
            // Resets the process's peak resident set size (VmHWM), so the peak read afterwards is this run's.
            File.WriteAllText("/proc/self/clear_refs", "5");
            startRss = ReadStatusKb("VmRSS") * 1024;
        }
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var summary = await work();
        var seconds = clock.Elapsed.TotalSeconds;
        var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
        return new Timing(seconds, cpuSeconds, summary as LabelSheetSummary, measureMemory ? ReadStatusKb("VmHWM") * 1024 : 0, startRss);
    }

    private static long ReadStatusKb(string field)
    {
        var line = File.ReadLines("/proc/self/status").First(l => l.StartsWith(field + ":", StringComparison.Ordinal));
        return long.Parse(line[(field.Length + 1)..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
    }

    private string Report(LabelLayout layout, double buildSeconds, Timing cold, List<Timing> baseline, List<Timing> singleCore,
        List<Timing> sheets, List<Timing> files, Timing? large)
    {
        static Timing Median(List<Timing> runs) => runs.OrderBy(r => r.Seconds).ElementAt(runs.Count / 2);
        static string Range(List<Timing> runs) => $"{Fmt.N(runs.Min(r => r.Seconds), "0.00")}–{Fmt.N(runs.Max(r => r.Seconds), "0.00")}";
        var (b, one, sheet, file) = (Median(baseline), Median(singleCore), Median(sheets), Median(files));
        var summary = sheet.Summary!;
        var n = o.Labels;

        var sb = new StringBuilder();
        sb.AppendLine($"### Label sheets: {Fmt.Int(n)} QR codes on A4 3 × 7 (63.5 × 38.1 mm)");
        sb.AppendLine();
        sb.AppendLine($"`LabelSheetRenderer.WritePdfAsync` in the benchmark process ({Environment.ProcessorCount} cores, server GC as in the server), "
            + $"serial Digital Links `https://id.example.vn/01/08936012000016/10/LOT1/21/{{n}}` (n = 1…{Fmt.Int(n)}) with "
            + $"their three HRI lines and the product name \"{ProductName}\"; the {Fmt.Int(n)} `LabelContent`s (each link parsed by "
            + $"`DigitalLink.Parse`) made beforehand in {Fmt.N(buildSeconds, "0.00")} s. Median of {Runs} runs, range in brackets.");
        sb.AppendLine();
        sb.AppendLine("| Run | Time s | CPU s | Pages | PDF bytes | Labels/s | vs encoding only |");
        sb.AppendLine("|---|---:|---:|---:|---:|---:|---:|");
        sb.AppendLine($"| **Sheet PDF to a null stream** | **{Fmt.N(sheet.Seconds, "0.00")}** ({Range(sheets)}) | {Fmt.N(sheet.CpuSeconds, "0.00")} | {Fmt.Int(summary.Pages)} | {Fmt.Int(summary.Bytes)} | {Fmt.N(n / sheet.Seconds, "0")} | **×{Fmt.N(sheet.Seconds / b.Seconds, "0.00")}** |");
        sb.AppendLine($"| Sheet PDF to a file in /tmp | {Fmt.N(file.Seconds, "0.00")} ({Range(files)}) | {Fmt.N(file.CpuSeconds, "0.00")} | {Fmt.Int(file.Summary!.Pages)} | {Fmt.Int(file.Summary.Bytes)} | {Fmt.N(n / file.Seconds, "0")} | ×{Fmt.N(file.Seconds / b.Seconds, "0.00")} |");
        sb.AppendLine($"| Baseline: QR codes encoded only (`QrSymbol.Encode`: QRCoder matrix, then runs), all cores | {Fmt.N(b.Seconds, "0.00")} ({Range(baseline)}) | {Fmt.N(b.CpuSeconds, "0.00")} | | | {Fmt.N(n / b.Seconds, "0")} | ×1.00 |");
        sb.AppendLine($"| QR codes encoded only, one core | {Fmt.N(one.Seconds, "0.00")} ({Range(singleCore)}) | {Fmt.N(one.CpuSeconds, "0.00")} | | | {Fmt.N(n / one.Seconds, "0")} | ×{Fmt.N(one.Seconds / b.Seconds, "0.00")} |");
        sb.AppendLine($"| First 2 pages the process draws (JIT, Skia and font loading) | {Fmt.N(cold.Seconds, "0.00")} | {Fmt.N(cold.CpuSeconds, "0.00")} | 2 | | | |");
        if (large is not null)
        {
            sb.AppendLine($"| {Fmt.Int(o.LabelsLarge)} labels to a file, made lazily (parse included) | {Fmt.N(large.Seconds, "0.00")} | {Fmt.N(large.CpuSeconds, "0.00")} | {Fmt.Int(large.Summary!.Pages)} | {Fmt.Int(large.Summary.Bytes)} | {Fmt.N(o.LabelsLarge / large.Seconds, "0")} | |");
            sb.AppendLine();
            sb.AppendLine($"Peak resident memory of the benchmark process during the {Fmt.Int(o.LabelsLarge)}-label run: "
                + $"**{Fmt.N(large.PeakRssBytes / 1048576.0, "0")} MiB** (VmHWM, reset before the run; {Fmt.N(large.StartRssBytes / 1048576.0, "0")} MiB "
                + "resident when it started, the runtime and Skia included).");
        }
        sb.AppendLine();
        return sb.ToString();
    }
}
