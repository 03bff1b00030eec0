using System.Diagnostics;
using System.Text;
using VnTrace.Server.Tests.Infrastructure;

namespace VnTrace.Bench;

public static class Run
{
    private static readonly Stopwatch Clock = Stopwatch.StartNew();

    public static async Task<int> Main(string[] args)
    {
        if (args.Contains("--help") || args.Contains("-h"))
        {
            Console.WriteLine(BenchOptions.Usage);
            return 0;
        }
        BenchOptions options;
        try
        {
            options = BenchOptions.Parse(args);
        }
        catch (ArgumentException ex)
        {
            Console.Error.WriteLine(ex.Message);
            return 2;
        }

        var machine = Machine.Describe();
        var wall = Stopwatch.StartNew();
        var sections = new List<string>();
        if (options.Suite is "labels")
        {
            // In-process: the renderer needs neither the server process nor PostgreSQL.
            sections.Add(await new LabelsSuite(options).RunAsync());
        }
        else
        {
            var serverDll = options.ServerDll ?? FindServerDll();
            if (!File.Exists(serverDll))
            {
                Console.Error.WriteLine($"VnTrace.Server.dll not found at {serverDll}; build it in Release or pass --server.");
                return 2;
            }
            Log($"server: {serverDll}");

            // The columns the COPY baseline writes must be the server's columns.
            await using (var model = Db.Context("Host=127.0.0.1"))
                BinaryCopy.CheckAgainstModel(model);

            var pg = new PostgresServer();
            await pg.InitializeAsync();
            if (pg.Unavailable is not null)
            {
                Console.Error.WriteLine(pg.Unavailable);
                return 1;
            }
            try
            {
                machine = await machine.WithPostgresAsync(pg.ConnectionString("postgres"));
                if (options.Suite is "all" or "capture")
                    sections.Add(await new CaptureSuite(options, pg, serverDll).RunAsync());
                if (options.Suite is "all" or "query")
                    sections.Add(await new QuerySuite(options, pg, serverDll).RunAsync());
                if (options.Suite is "trace")
                    sections.Add(await new TraceSuite(options, pg, serverDll).RunAsync());
                if (options.Suite is "resolver")
                    sections.Add(await new ResolverSuite(options, pg, serverDll).RunAsync());
                if (options.Suite is "programme")
                    sections.Add(await new ProgrammeSuite(options, pg, serverDll).RunAsync());
            }
            finally
            {
                await pg.DisposeAsync();
            }
        }

        var report = new StringBuilder();
        report.AppendLine($"Measured {machine.Date:yyyy-MM-dd} by `bench/run.sh{(args.Length > 0 ? " " + string.Join(' ', args) : "")}` "
            + $"in {wall.Elapsed.TotalMinutes:0.0} min.");
        report.AppendLine();
        report.AppendLine(options.Suite is "labels"
            ? $"Machine: {machine.Markdown()}"
            : $"Machine: {machine.Markdown()} PostgreSQL started by the benchmark (the tests' `PostgresServer`: "
                + "initdb in a temp folder, loopback, fsync=off, synchronous_commit=off, full_page_writes=off, other settings default), "
                + "on the same machine as the server and the load driver.");
        report.AppendLine();
        foreach (var s in sections)
            report.AppendLine(s);
        var markdown = report.ToString().TrimEnd() + "\n";
        Console.WriteLine();
        Console.WriteLine(markdown);

        var output = options.NoOutput ? null : options.Output ?? (options.Quick ? null : Path.Combine(RepositoryRoot(), "docs", "performance.md"));
        if (output is not null)
        {
            Results.WriteInto(output, options.Suite, markdown);
            Log($"results written into {output}");
        }
        return 0;
    }

    public static void Log(string message) => Console.WriteLine($"[{Clock.Elapsed:mm\\:ss}] {message}");

    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "VnTrace.slnx")))
                return dir.FullName;
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "VnTrace.slnx")))
                return dir.FullName;
        throw new InvalidOperationException("Run from inside the repository (VnTrace.slnx not found), or pass --output.");
    }

    /// <summary>The server built beside this benchmark: artifacts layout (bin/VnTrace.Server/release) or the default one.</summary>
    public static string FindServerDll()
    {
        var here = AppContext.BaseDirectory;
        string[] candidates =
        [
            Path.Combine(here, "..", "..", "VnTrace.Server", "release", "VnTrace.Server.dll"),
            Path.Combine(RepositoryRoot(), "src", "VnTrace.Server", "bin", "Release", "net10.0", "VnTrace.Server.dll"),
        ];
        return Path.GetFullPath(candidates.FirstOrDefault(File.Exists) ?? candidates[0]);
    }
}

/// <summary>Puts the generated results between markers in the Markdown file, leaving the hand-written analysis around them.</summary>
public static class Results
{
    public static void WriteInto(string path, string suite, string markdown)
    {
        var begin = $"<!-- bench:{suite}:begin (generated by bench/VnTrace.Bench; do not edit by hand) -->";
        var end = $"<!-- bench:{suite}:end -->";
        var text = File.Exists(path) ? File.ReadAllText(path) : "# Performance\n\n";
        var start = text.IndexOf(begin, StringComparison.Ordinal);
        var stop = text.IndexOf(end, StringComparison.Ordinal);
        var block = begin + "\n" + markdown + end;
        text = start >= 0 && stop > start
            ? text[..start] + block + text[(stop + end.Length)..]
            : text.TrimEnd() + "\n\n" + block + "\n";
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        File.WriteAllText(path, text);
    }
}
