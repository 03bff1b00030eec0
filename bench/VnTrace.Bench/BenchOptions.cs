using System.Globalization;

namespace VnTrace.Bench;

/// <summary>Command-line options; the defaults are the figures the performance targets are stated for.</summary>
public sealed class BenchOptions
{
    public string Suite { get; private set; } = "all";
    public bool Quick { get; private set; }
    public int CaptureEvents { get; private set; } = 100_000;
    public int EventsPerDocument { get; private set; } = 100;
    public int Connections { get; private set; } = 4;
    public int StoreEvents { get; private set; } = 1_000_000;
    public int QueryRequests { get; private set; } = 2_000;
    public int WarmupRequests { get; private set; } = 200;
    /// <summary>Documents timed step by step in-process for the capture breakdown.</summary>
    public int BreakdownDocuments { get; private set; } = 100;
    public int Seed { get; private set; } = 20251;
    /// <summary>Trace suite: events in the generated supply-network store, deep chains in it, requests per kind.</summary>
    public int TraceStoreEvents { get; private set; } = 10_000_000;
    public int DeepChains { get; private set; } = 256;
    public int TraceRequests { get; private set; } = 300;
    public int TraceWarmup { get; private set; } = 30;
    /// <summary>Traces of each kind timed in-process for the breakdown.</summary>
    public int TraceInProcess { get; private set; } = 30;
    /// <summary>Labels suite: labels on the timed sheet, and on the one large sheet whose peak memory is measured (0: none).</summary>
    public int Labels { get; private set; } = 10_000;
    public int LabelsLarge { get; private set; } = 100_000;
    /// <summary>Resolver suite: connections and seconds of each wrk run (the target is stated for 64 and 30 s).</summary>
    public int ResolverConnections { get; private set; } = 64;
    public int ResolverSeconds { get; private set; } = 30;
    /// <summary>Programme suite: businesses (ten products each by default) and measured requests per kind (the aim is stated for 5,000 and 50,000).</summary>
    public int ProgrammeBusinesses { get; private set; } = 5_000;
    public int ProductsPerBusiness { get; private set; } = 10;
    public int ProgrammeRequests { get; private set; } = 200;
    public string? ServerDll { get; private set; }
    /// <summary>Markdown file whose generated section receives the results; none in --quick mode unless given.</summary>
    public string? Output { get; private set; }
    public bool NoOutput { get; private set; }
    /// <summary>Each load run stops after this long, whatever its count.</summary>
    public TimeSpan RunDeadline { get; private set; } = TimeSpan.FromMinutes(10);

    public const string Usage = """
        VnTrace.Bench — capture throughput and query latency of the real server on PostgreSQL.
          --suite all|capture|query|trace|labels|resolver|programme  which suites to run (default all = capture and query;
                                      trace (~15 min), resolver and programme run alone; labels runs alone, in-process,
                                      no PostgreSQL, ~1 min)
          --quick                     smoke run: 10,000 captured events, 100,000-event query store, 300 requests
          --capture-events N          events POSTed to /capture (default 100000)
          --events-per-document N     events per EPCIS document (default 100)
          --connections N             concurrent HTTP connections (default 4)
          --store-events N            events in the query store (default 1000000)
          --query-requests N          measured requests per query kind (default 2000)
          --warmup-requests N         warm-up requests per query kind (default 200)
          --breakdown-documents N     documents timed step by step in-process (default 100)
          --trace-store-events N      events in the trace suite's supply-network store (default 10000000)
          --deep-chains N             batches made through 12 lot-to-lot transformations (default 256)
          --trace-requests N          measured requests per trace kind and baseline (default 300)
          --trace-warmup N            warm-up requests per trace kind and baseline (default 30)
          --trace-in-process N        traces per kind timed in-process (default 30)
          --labels N                  labels suite: labels on the timed 3 x 7 sheet (default 10000)
          --labels-large N            labels suite: labels on the one large sheet, with its peak memory (default 100000; 0: skip)
          --resolver-connections N    wrk connections of the resolver suite (default 64)
          --resolver-seconds N        seconds of each resolver suite run (default 30)
          --programme-businesses N    programme suite: businesses in the province (default 5000)
          --products-per-business N   programme suite: products of each business (default 10)
          --programme-requests N      programme suite: measured requests per kind and connection count (default 200)
          --server PATH               VnTrace.Server.dll (default: built beside this benchmark)
          --output PATH               Markdown file to write results into (default docs/performance.md; none with --quick)
          --no-output                 print only
          --seed N                    data generator seed
        """;

    public static BenchOptions Parse(string[] args)
    {
        var o = new BenchOptions();
        if (args.Contains("--quick"))
        {
            o.Quick = true;
            o.CaptureEvents = 10_000;
            o.StoreEvents = 100_000;
            o.QueryRequests = 300;
            o.WarmupRequests = 50;
            o.BreakdownDocuments = 20;
            o.TraceStoreEvents = 100_000;
            o.DeepChains = 20;
            o.TraceRequests = 100;
            o.TraceWarmup = 10;
            o.TraceInProcess = 10;
            o.Labels = 2_000;
            o.LabelsLarge = 0;
            o.ResolverSeconds = 8;
            o.ProgrammeBusinesses = 500;
            o.ProgrammeRequests = 40;
        }
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            int Count() { var v = Next(); return int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : throw new ArgumentException($"{args[i - 1]}: '{v}' is not a positive count."); }
            int CountOrZero() { var v = Next(); return int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : throw new ArgumentException($"{args[i - 1]}: '{v}' is not a count."); }
            switch (args[i])
            {
                case "--quick": break;
                case "--suite": o.Suite = Next(); if (o.Suite is not ("all" or "capture" or "query" or "trace" or "labels" or "resolver" or "programme")) throw new ArgumentException("--suite is all, capture, query, trace, labels, resolver or programme."); break;
                case "--capture-events": o.CaptureEvents = Count(); break;
                case "--events-per-document": o.EventsPerDocument = Count(); break;
                case "--connections": o.Connections = Count(); break;
                case "--store-events": o.StoreEvents = Count(); break;
                case "--query-requests": o.QueryRequests = Count(); break;
                case "--warmup-requests": o.WarmupRequests = Count(); break;
                case "--breakdown-documents": o.BreakdownDocuments = Count(); break;
                case "--seed": o.Seed = Count(); break;
                case "--trace-store-events": o.TraceStoreEvents = Count(); break;
                case "--deep-chains": o.DeepChains = Count(); break;
                case "--trace-requests": o.TraceRequests = Count(); break;
                case "--trace-warmup": o.TraceWarmup = Count(); break;
                case "--trace-in-process": o.TraceInProcess = Count(); break;
                case "--labels": o.Labels = Count(); break;
                case "--labels-large": o.LabelsLarge = CountOrZero(); break;
                case "--resolver-connections": o.ResolverConnections = Count(); break;
                case "--resolver-seconds": o.ResolverSeconds = Count(); break;
                case "--programme-businesses": o.ProgrammeBusinesses = Count(); break;
                case "--products-per-business": o.ProductsPerBusiness = Count(); break;
                case "--programme-requests": o.ProgrammeRequests = Count(); break;
                case "--server": o.ServerDll = Next(); break;
                case "--output": o.Output = Next(); break;
                case "--no-output": o.NoOutput = true; break;
                default: throw new ArgumentException($"Unknown option {args[i]}.\n{Usage}");
            }
        }
        if (o.CaptureEvents % o.EventsPerDocument != 0 || o.StoreEvents % o.EventsPerDocument != 0)
            throw new ArgumentException("Event counts must be multiples of --events-per-document.");
        return o;
    }
}
