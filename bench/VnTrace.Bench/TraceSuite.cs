using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;
using VnTrace.Gs1.Epcis.Hashing;
using VnTrace.Gs1.Epcis.Json;
using VnTrace.Gs1.Genealogy;
using VnTrace.Server.Capture;
using VnTrace.Server.Organizations;
using VnTrace.Server.Platform.Events;
using VnTrace.Server.Tests.Infrastructure;
using VnTrace.Server.Trace;

namespace VnTrace.Bench;

/// <summary>
/// Suite 3: GET /api/trace latency on a store of 10,000,000 events of a generated supply network
/// (<see cref="SupplyNetwork"/>: 3,840 businesses, deep chains of 12 lot-to-lot transformations embedded), filled by
/// binary COPY of rows mapped by the server's own code. An authority key traces (it sees every event). Baselines in
/// the same run: GET /health (the HTTP floor) and GET /events?MATCH_epc= of a unit (one indexed query, a packer's key).
/// </summary>
public sealed partial class TraceSuite(BenchOptions o, PostgresServer pg, string serverDll)
{
    private const int BatchesPerChunk = 100;

    private sealed record Kind(string Name, string Direction, string[] Ids, bool Deep);

    public async Task<string> RunAsync()
    {
        var cs = await pg.CreateDatabaseAsync("bench_trace");
        var network = new SupplyNetwork(o.TraceStoreEvents, o.DeepChains);
        var authorityGln = SupplyNetwork.Gln("8936099", 0);
        var authority = await ServerProcess.CreateOrganizationAsync(serverDll, cs, "Bench authority", "--gln", authorityGln, "--authority");
        var authorityKey = await ServerProcess.CreateKeyAsync(serverDll, cs, authority);
        var organizations = await CreateBusinessesAsync(cs, network);
        var packerKey = await ServerProcess.CreateKeyAsync(serverDll, cs, organizations[network.Businesses.First(b => b.Role == SupplyNetwork.Role.Packer).Number]);

        var fill = await FillAsync(cs, network, organizations);
        var store = await DescribeStoreAsync(cs);

        var random = new Random(o.Seed);
        var keys = Enumerable.Range(0, network.Batches).Select(network.Keys).ToArray();
        var deep = keys.Where(k => k.Deep).ToArray();
        var normal = keys.Where(k => !k.Deep).ToArray();
        var total = o.TraceWarmup + o.TraceRequests;
        string[] Pick(Func<SupplyNetwork.BatchKeys, string> id, SupplyNetwork.BatchKeys[] from) =>
            [.. Enumerable.Range(0, total).Select(_ => id(from[random.Next(from.Length)]))];
        var kinds = new List<Kind>
        {
            new("Deep chain, head lot (farm lot L0), both", "both", Pick(k => k.HeadLot, deep), true),
            new("Deep chain, head lot L0, forward", "forward", Pick(k => k.HeadLot, deep), true),
            new("Deep chain, processed lot L12, both", "both", Pick(k => k.ProcessedLot, deep), true),
            new("Deep chain, processed lot L12, backward", "backward", Pick(k => k.ProcessedLot, deep), true),
            new("Farm lot, both", "both", Pick(k => k.HeadLot, normal), false),
            new("Farm lot, forward", "forward", Pick(k => k.HeadLot, normal), false),
            new("Farm lot, backward", "backward", Pick(k => k.HeadLot, normal), false),
        };
        // MATCH_epc: units the packer that owns the key made (its unit and case events name them).
        var packerUnits = keys.Where(k => k.Packer == 0).ToArray();
        var epcUrls = Enumerable.Range(0, total).Select(_ => "/events?MATCH_epc=" + Uri.EscapeDataString(packerUnits[random.Next(packerUnits.Length)].FirstUnit)).ToArray();

        var baselines = new List<(LoadResult Load, double EventsPerResponse)>();
        var traces = new List<(Kind Kind, LoadResult Load, TraceShape Shape)>();
        await using (var server = await ServerProcess.StartAsync(serverDll, cs, TimeSpan.FromSeconds(90)))
        {
            using var anonymous = new LoadDriver(server.BaseAddress, null, o.Connections);
            using var packer = new LoadDriver(server.BaseAddress, packerKey, o.Connections);
            using var tracer = new LoadDriver(server.BaseAddress, authorityKey, o.Connections);
            var baselineKinds = new (string Name, LoadDriver Driver, Func<int, HttpRequestMessage> Request, bool Events)[]
            {
                ("GET /health (HTTP floor)", anonymous, _ => new(HttpMethod.Get, "/health"), false),
                ("GET /events?MATCH_epc=… of a unit (one indexed query)", packer, i => new(HttpMethod.Get, epcUrls[i]), true),
            };
            var eventsPerResponse = new double[baselineKinds.Length];
            for (var k = 0; k < baselineKinds.Length; k++)
            {
                var b = baselineKinds[k];
                var counted = 0L;
                Run.Log($"trace: warm-up {b.Name}");
                await b.Driver.RunAsync("warm-up " + b.Name, o.TraceWarmup, b.Request, HttpStatusCode.OK, o.RunDeadline,
                    inspect: b.Events ? (_, body) => Interlocked.Add(ref counted, CountEvents(body)) : null);
                eventsPerResponse[k] = (double)counted / o.TraceWarmup;
            }
            foreach (var kind in kinds)
            {
                Run.Log($"trace: warm-up {kind.Name}");
                await tracer.RunAsync("warm-up " + kind.Name, o.TraceWarmup, i => TraceRequest(kind, i), HttpStatusCode.OK, o.RunDeadline);
            }
            for (var k = 0; k < baselineKinds.Length; k++)
            {
                var b = baselineKinds[k];
                Run.Log($"trace: {b.Name}, {o.TraceRequests} requests over {o.Connections} connections");
                var load = await b.Driver.RunAsync(b.Name, o.TraceRequests, i => b.Request(o.TraceWarmup + i), HttpStatusCode.OK, o.RunDeadline,
                    new CpuMeter(server.ProcessId, pg.Port));
                Run.Log($"trace: p50 {load.P50:0.00} ms, p99 {load.P99:0.00} ms, {load.PerSecond:0} req/s");
                baselines.Add((load, eventsPerResponse[k]));
            }
            foreach (var kind in kinds)
            {
                Run.Log($"trace: {kind.Name}, {o.TraceRequests} requests over {o.Connections} connections");
                var shape = new TraceShape();
                var load = await tracer.RunAsync(kind.Name, o.TraceRequests, i => TraceRequest(kind, o.TraceWarmup + i), HttpStatusCode.OK, o.RunDeadline,
                    new CpuMeter(server.ProcessId, pg.Port), shape.Add);
                Run.Log($"trace: p50 {load.P50:0.00} ms, p99 {load.P99:0.00} ms, {load.PerSecond:0} req/s, {shape.Nodes:0.0} nodes, max depth {shape.Depth:0.0}");
                traces.Add((kind, load, shape));
            }
        }

        var inProcess = await InProcessAsync(cs, authority, authorityGln, kinds);
        var steps = await StepsAsync(cs, authority, authorityGln, kinds[2].Ids[0], "both");
        return Report(network, store, fill, baselines, traces, inProcess, steps);
    }

    private static HttpRequestMessage TraceRequest(Kind kind, int i) =>
        new(HttpMethod.Get, $"/api/trace?id={Uri.EscapeDataString(kind.Ids[i])}&direction={kind.Direction}");

    private static int CountEvents(byte[] body)
    {
        using var doc = JsonDocument.Parse(body);
        return doc.RootElement.GetProperty("epcisBody").GetProperty("queryResults").GetProperty("resultsBody").GetProperty("eventList").GetArrayLength();
    }

    /// <summary>Nodes, depth, events and truncation of the responses of one run.</summary>
    private sealed class TraceShape
    {
        private long responses, nodes, depth, events, truncated;
        public double Nodes => (double)nodes / Math.Max(1, responses);
        public double Depth => (double)depth / Math.Max(1, responses);
        public double Events => (double)events / Math.Max(1, responses);
        public long Truncated => truncated;

        public void Add(int _, byte[] body)
        {
            using var doc = JsonDocument.Parse(body);
            var root = doc.RootElement;
            var list = root.GetProperty("nodes");
            var max = 0;
            foreach (var n in list.EnumerateArray())
                max = Math.Max(max, n.GetProperty("depth").GetInt32());
            Interlocked.Increment(ref responses);
            Interlocked.Add(ref nodes, list.GetArrayLength());
            Interlocked.Add(ref depth, max);
            Interlocked.Add(ref events, root.GetProperty("events").GetArrayLength());
            if (root.GetProperty("truncated").GetBoolean())
                Interlocked.Increment(ref truncated);
        }
    }

    /// <summary>The network's businesses as organizations with their party GLNs, through the server's EF model.</summary>
    private static async Task<Guid[]> CreateBusinessesAsync(string cs, SupplyNetwork network)
    {
        var ids = network.Businesses.Select(_ => Guid.CreateVersion7()).ToArray();
        await using var db = Db.Context(cs);
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        foreach (var b in network.Businesses)
            db.Organizations.Add(new Organization { Id = ids[b.Number], Name = b.Name, Kind = OrganizationKind.Business, Gln = b.Gln });
        await db.SaveChangesAsync();
        return ids;
    }

    public sealed record FillTimes(TimeSpan Rows, TimeSpan Indexes, TimeSpan Analyze, TimeSpan Total, long Events);

    /// <summary>
    /// Fills the store batch by batch: each batch's document read by the library's reader, every event hashed and
    /// mapped by the server's <c>CaptureService.ToEntity</c> with the organization that records it (one capture job
    /// per batch and business), on all cores while the previous chunk is copied; then indexes, VACUUM ANALYZE.
    /// </summary>
    private async Task<FillTimes> FillAsync(string cs, SupplyNetwork network, Guid[] organizations)
    {
        var total = Stopwatch.StartNew();
        await using var dataSource = NpgsqlDataSource.Create(cs);
        var indexes = await StoreFill.DropSecondaryIndexesAsync(dataSource);
        Run.Log($"trace store: {Fmt.Int(network.TotalEvents)} events in {Fmt.Int(network.Batches)} batches ({network.DeepBatches} deep chains), "
            + $"{network.Businesses.Count} businesses; {indexes.Count} secondary indexes dropped for the fill");
        var chunks = Channel.CreateBounded<(List<TraceabilityEvent> Events, List<CaptureJob> Jobs)>(2);
        var now = DateTime.UtcNow;
        var producer = Task.Run(async () =>
        {
            long id = 0;
            try
            {
                for (var first = 0; first < network.Batches; first += BatchesPerChunk)
                {
                    var count = Math.Min(BatchesPerChunk, network.Batches - first);
                    var prepared = new (List<TraceabilityEvent> Events, List<CaptureJob> Jobs)[count];
                    Parallel.For(0, count, i => prepared[i] = Rows(network, first + i, organizations, now));
                    var rows = new List<TraceabilityEvent>(count * 80);
                    var jobs = new List<CaptureJob>(count * 12);
                    foreach (var p in prepared)
                    {
                        foreach (var e in p.Events)
                            e.Id = ++id;
                        rows.AddRange(p.Events);
                        jobs.AddRange(p.Jobs);
                    }
                    await chunks.Writer.WriteAsync((rows, jobs));
                }
                chunks.Writer.Complete();
            }
            catch (Exception ex)
            {
                chunks.Writer.Complete(ex);
            }
        });
        var copied = await StoreFill.CopyAllAsync(dataSource, chunks.Reader, "trace store", TimeSpan.FromSeconds(30), total);
        await producer;
        var rowsTime = total.Elapsed;
        Run.Log($"trace store: rows in {rowsTime.TotalSeconds:0} s; re-creating indexes");
        var indexWatch = Stopwatch.StartNew();
        await StoreFill.RecreateIndexesAsync(cs, indexes, "1GB");
        indexWatch.Stop();
        Run.Log($"trace store: indexes in {indexWatch.Elapsed.TotalSeconds:0} s; VACUUM ANALYZE");
        var analyze = Stopwatch.StartNew();
        await Db.ExecuteAsync(cs, "VACUUM (ANALYZE)");
        analyze.Stop();
        Run.Log($"trace store: VACUUM ANALYZE in {analyze.Elapsed.TotalSeconds:0} s");
        return new FillTimes(rowsTime, indexWatch.Elapsed, analyze.Elapsed, total.Elapsed, copied);
    }

    /// <summary>The rows the server would store had each business captured its events of the batch.</summary>
    private static (List<TraceabilityEvent> Events, List<CaptureJob> Jobs) Rows(SupplyNetwork network, int batch, Guid[] organizations, DateTime now)
    {
        var (document, owners) = network.Batch(batch);
        var read = EpcisJsonReader.ReadDocument(document);
        if (!read.Success)
            throw new InvalidOperationException($"Generated batch {batch} is invalid: " + string.Join("; ", read.Errors.Take(5)));
        var jobs = new Dictionary<int, CaptureJob>();
        var rows = new List<TraceabilityEvent>(owners.Count);
        for (var i = 0; i < owners.Count; i++)
        {
            var owner = organizations[owners[i].Number];
            if (!jobs.TryGetValue(owners[i].Number, out var job))
                jobs[owners[i].Number] = job = new CaptureJob { OwnerId = owner, CreatedAt = now, FinishedAt = now, Running = false, Success = true };
            job.EventCount++;
            job.StoredCount++;
            var e = read.Document!.Events[i];
            var hash = EventHash.Compute(e);
            rows.Add(ServerRows.ToEntity(owner, job.Id, e, hash, hash, now));
        }
        return (rows, [.. jobs.Values]);
    }

    private static async Task<string> DescribeStoreAsync(string cs)
    {
        var events = await Db.ScalarAsync(cs, "SELECT count(*) FROM events");
        var identifiers = await Db.ScalarAsync(cs, "SELECT count(*) FROM event_identifiers");
        var references = await Db.ScalarAsync(cs, "SELECT count(*) FROM event_references");
        var owners = await Db.ScalarAsync(cs, "SELECT count(DISTINCT \"OwnerId\") FROM events");
        var bytes = await Db.ScalarAsync(cs, "SELECT pg_database_size(current_database())");
        static string Size(long b) => Fmt.N(b / 1024.0 / 1024 / 1024, "0.0") + " GiB";
        var tables = new StringBuilder();
        foreach (var t in new[] { "events", "event_identifiers", "event_references" })
        {
            var heap = await Db.ScalarAsync(cs, $"SELECT pg_table_size('{t}')");
            var index = await Db.ScalarAsync(cs, $"SELECT pg_indexes_size('{t}')");
            tables.Append($"{(tables.Length > 0 ? ", " : "")}`{t}` {Size(heap)} + indexes {Size(index)}");
        }
        return $"{Fmt.Int(events)} events of {Fmt.Int(owners)} businesses, {Fmt.Int(identifiers)} identifier rows, {Fmt.Int(references)} reference rows; "
            + $"database {Size(bytes)} ({tables})";
    }

    /// <summary>Times the trace of one request in-process: the whole tracer, the event source (SQL), JSON.</summary>
    public sealed record InProcessKind(string Name, double[] TotalMs, double[] SourceMs, double[] FirstRowMs, double[] JsonMs, double Calls, double Nodes);

    /// <summary>
    /// The server's own trace code in-process, one thread, a fresh context per trace as per request: GenealogyTracer
    /// over DatabaseTraceEventSource with the authority's visibility, then the response document's JSON into a null stream.
    /// </summary>
    private async Task<List<InProcessKind>> InProcessAsync(string cs, Guid authority, string authorityGln, List<Kind> kinds)
    {
        var result = new List<InProcessKind>();
        var visibility = new TraceVisibility(authority, $"https://id.gs1.org/417/{authorityGln}", SeesEverything: true);
        foreach (var kind in kinds)
        {
            var total = new List<double>();
            var source = new List<double>();
            var firstRow = new List<double>();
            var json = new List<double>();
            double calls = 0, nodes = 0;
            var runs = Math.Min(kind.Ids.Length, o.TraceInProcess + 5);
            for (var i = 0; i < runs; i++)
            {
                var recorder = new StepRecorder();
                await using var db = Db.Context(cs, recorder);
                var timed = new TimedSource(new DatabaseTraceEventSource(db, visibility));
                var start = Stopwatch.GetTimestamp();
                var graph = await GenealogyTracer.TraceAsync(kind.Ids[i], Enum.Parse<TraceDirection>(kind.Direction, ignoreCase: true),
                    TraceWindow.Unbounded, timed, new TraceLimits(), CancellationToken.None);
                var traced = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                start = Stopwatch.GetTimestamp();
                await JsonSerializer.SerializeAsync(Stream.Null, TraceDocument.Of(graph, includeTable: true), TraceJson.Default.TraceDocument);
                var written = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                if (i < 5)
                    continue;
                total.Add(traced);
                source.Add(timed.Steps.Sum(s => s.Ms));
                firstRow.Add(recorder.Commands.Sum(c => c.FirstRowMs));
                json.Add(written);
                calls += graph.SourceCalls;
                nodes += graph.Nodes.Count;
            }
            var n = total.Count;
            Run.Log($"trace in-process: {kind.Name}: {total.Average():0.00} ms mean, source {source.Average():0.00} ms, {calls / n:0.0} SQL steps, {nodes / n:0.0} nodes");
            result.Add(new InProcessKind(kind.Name, [.. total], [.. source], [.. firstRow], [.. json], calls / n, nodes / n));
        }
        return result;
    }

    public sealed record Step(int Depth, int Frontier, int Events, double SourceMs, double FirstRowMs, double ExecutionMs, string Sql, string Plan);

    /// <summary>One trace step by step: each SQL query the event source sent, then each under EXPLAIN (ANALYZE, BUFFERS).</summary>
    private static async Task<List<Step>> StepsAsync(string cs, Guid authority, string authorityGln, string id, string direction)
    {
        var visibility = new TraceVisibility(authority, $"https://id.gs1.org/417/{authorityGln}", SeesEverything: true);
        var recorder = new StepRecorder();
        await using var db = Db.Context(cs, recorder);
        var timed = new TimedSource(new DatabaseTraceEventSource(db, visibility));
        {
            await GenealogyTracer.TraceAsync(id, Enum.Parse<TraceDirection>(direction, ignoreCase: true), TraceWindow.Unbounded, timed,
                new TraceLimits(), CancellationToken.None);
        }
        if (recorder.Commands.Count != timed.Steps.Count)
            throw new InvalidOperationException($"{timed.Steps.Count} trace steps sent {recorder.Commands.Count} SQL commands; expected one each.");
        var steps = new List<Step>();
        await using var connection = new NpgsqlConnection(cs);
        await connection.OpenAsync();
        for (var i = 0; i < recorder.Commands.Count; i++)
        {
            var c = recorder.Commands[i];
            var plan = new StringBuilder();
            await using (var cmd = new NpgsqlCommand("EXPLAIN (ANALYZE, BUFFERS) " + c.Sql, connection))
            {
                foreach (var p in c.Parameters)
                    cmd.Parameters.Add(p.Clone());
                await using var reader = await cmd.ExecuteReaderAsync();
                while (await reader.ReadAsync())
                    plan.AppendLine(reader.GetString(0));
            }
            var parameters = string.Join(", ", c.Parameters.Select(p => $"{p.ParameterName} = {Shorten(p.Value)}"));
            // The plan repeats the whole identifier array in every condition; three values say what it is.
            var shortPlan = LongArray().Replace(plan.ToString(), m => "'{" +
                string.Join(",", m.Groups[1].Value.Split(',').Take(3)) + $",… ({m.Groups[1].Value.Split(',').Length} values)}}'");
            plan.Clear().Append(shortPlan);
            steps.Add(new Step(i, timed.Steps[i].Frontier, timed.Steps[i].Events, timed.Steps[i].Ms, c.FirstRowMs, ExecutionMs(plan.ToString()),
                c.Sql + "\n-- " + parameters, plan.ToString()));
        }
        var widest = steps.MaxBy(s => s.Frontier)!;
        Run.Log($"EXPLAIN ANALYZE, step {widest.Depth} ({widest.Frontier} identifiers):\n{widest.Sql}\n{widest.Plan}");
        return steps;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"'\{([^}']{300,})\}'")]
    private static partial System.Text.RegularExpressions.Regex LongArray();

    private static string Shorten(object? value) => value switch
    {
        System.Collections.IEnumerable e and not string => e.Cast<object>().ToList() is var l && l.Count > 3
            ? "{" + string.Join(",", l.Take(3)) + $",… ({l.Count} values)}}" : "{" + string.Join(",", e.Cast<object>()) + "}",
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "null",
    };

    private static double ExecutionMs(string plan) =>
        plan.Split('\n').Select(l => l.Trim()).Where(l => l.StartsWith("Execution Time:", StringComparison.Ordinal))
            .Select(l => double.Parse(l["Execution Time:".Length..].Replace("ms", "").Trim(), CultureInfo.InvariantCulture))
            .FirstOrDefault();

    /// <summary>Times each call of the tracer to its event source: one per step.</summary>
    private sealed class TimedSource(ITraceEventSource inner) : ITraceEventSource
    {
        public List<(int Frontier, int Events, double Ms)> Steps { get; } = [];

        public async ValueTask<IReadOnlyList<TraceEvent>> EventsNamingAsync(IReadOnlyCollection<string> identifiers, CancellationToken ct)
        {
            var start = Stopwatch.GetTimestamp();
            var events = await inner.EventsNamingAsync(identifiers, ct);
            Steps.Add((identifiers.Count, events.Count, Stopwatch.GetElapsedTime(start).TotalMilliseconds));
            return events;
        }
    }

    /// <summary>Every reader command EF sends, with its parameters and the time until PostgreSQL answered (the first row).</summary>
    private sealed class StepRecorder : DbCommandInterceptor
    {
        public List<(string Sql, List<NpgsqlParameter> Parameters, double FirstRowMs)> Commands { get; } = [];
        private long started;

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            started = Stopwatch.GetTimestamp();
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }

        public override ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result,
            CancellationToken cancellationToken = default)
        {
            Commands.Add((command.CommandText, [.. command.Parameters.Cast<NpgsqlParameter>().Select(p => p.Clone())],
                Stopwatch.GetElapsedTime(started).TotalMilliseconds));
            return base.ReaderExecutedAsync(command, eventData, result, cancellationToken);
        }
    }

    private static double P(double[] values, double p)
    {
        var sorted = values.Order().ToArray();
        return sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
    }

    private string Report(SupplyNetwork network, string store, FillTimes fill, List<(LoadResult Load, double EventsPerResponse)> baselines,
        List<(Kind Kind, LoadResult Load, TraceShape Shape)> traces, List<InProcessKind> inProcess, List<Step> steps)
    {
        var sb = new StringBuilder();
        var floor = baselines[0].Load;
        var match = baselines[1].Load;
        sb.AppendLine($"### Trace latency at {Fmt.Int(fill.Events)} events");
        sb.AppendLine();
        sb.AppendLine($"Store: {store}. {Fmt.Int(network.Batches)} production batches of the generated network ({Fmt.Int(network.NormalBatches)} of "
            + $"{SupplyNetwork.EventsPerBatch(false)} events, {network.DeepBatches} deep chains of {SupplyNetwork.EventsPerBatch(true)} events); "
            + $"filled in {Fmt.N(fill.Total.TotalMinutes, "0.0")} min (rows {Fmt.N(fill.Rows.TotalSeconds, "0")} s, indexes {Fmt.N(fill.Indexes.TotalSeconds, "0")} s, "
            + $"VACUUM ANALYZE {Fmt.N(fill.Analyze.TotalSeconds, "0")} s). {Fmt.Int(o.TraceRequests)} requests of each kind over {o.Connections} connections "
            + $"after {Fmt.Int(o.TraceWarmup)} warm-up requests of every kind; traces with an authority key (no visibility filter), start lots drawn at random "
            + $"(the {network.DeepBatches} deep chains repeat, the farm lots rarely do); no time window; server limits at their defaults (5,000 nodes, depth 50).");
        sb.AppendLine();
        sb.AppendLine("| Request | p50 ms | p99 ms | Mean ms | Requests/s | Nodes per response | Max node depth | SQL steps | p50 vs MATCH_epc | p50 per SQL step ms | Per step vs MATCH_epc | KiB per response |");
        sb.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var (r, events) in baselines)
            sb.AppendLine($"| {r.Name} | {Fmt.N(r.P50, "0.00")} | {Fmt.N(r.P99, "0.00")} | {Fmt.N(r.Mean, "0.00")} | {Fmt.N(r.PerSecond, "0")} | "
                + $"{(events > 0 ? Fmt.N(events, "0.0") + " events" : "")} | | {(r == match ? "1" : "")} | {(r == match ? "baseline" : "")} | | | {Fmt.N(r.BytesPerResponse / 1024, "0.0")} |");
        foreach (var (kind, r, shape) in traces)
        {
            var calls = inProcess.First(p => p.Name == kind.Name).Calls;
            var bold = kind.Deep && kind.Direction == "both";
            string B(string s) => bold ? $"**{s}**" : s;
            sb.AppendLine($"| GET /api/trace: {kind.Name} | {Fmt.N(r.P50, "0.00")} | {B(Fmt.N(r.P99, "0.00"))} | {Fmt.N(r.Mean, "0.00")} | {Fmt.N(r.PerSecond, "0")} | "
                + $"{Fmt.N(shape.Nodes, "0.0")}{(shape.Truncated > 0 ? $" ({shape.Truncated} truncated)" : "")} | {Fmt.N(shape.Depth, "0.0")} | {Fmt.N(calls, "0.0")} | "
                + $"×{Fmt.N(r.P50 / match.P50, "0.0")} | {Fmt.N(r.P50 / calls, "0.00")} | ×{Fmt.N(r.P50 / calls / match.P50, "0.00")} | {Fmt.N(r.BytesPerResponse / 1024, "0.0")} |");
        }
        sb.AppendLine();
        var deepBoth = traces.Where(t => t.Kind.Deep && t.Kind.Direction == "both").ToList();
        var worst = deepBoth.Max(t => t.Load.P99);
        sb.AppendLine($"Aim (issue 4): p99 < 100 ms for a full trace of a 12-step chain — **{(worst < 100 ? "met" : "not met")}**: "
            + $"worst `direction=both` p99 of a deep chain {Fmt.N(worst, "0.0")} ms. /health p50 {Fmt.N(floor.P50, "0.00")} ms is the HTTP floor. "
            + "SQL steps: calls of the tracer to its event source (one SQL query each, plus the caller's organization once per request), "
            + "counted in-process over the same start lots.");
        sb.AppendLine();
        sb.AppendLine("CPU used during each timed run (from /proc; server, PostgreSQL and load driver share the 2 cores; the driver also parses each "
            + "trace response to count its nodes):");
        sb.AppendLine();
        sb.AppendLine("| Run | Server CPU ms/request | PostgreSQL CPU ms/request | Load driver CPU ms/request | Cores busy |");
        sb.AppendLine("|---|---:|---:|---:|---:|");
        foreach (var r in baselines.Select(b => b.Load).Skip(1).Concat(traces.Select(t => t.Load)))
            sb.AppendLine($"| {r.Name} | {Fmt.N(r.Cpu.Server * 1000 / r.Requests, "0.00")} | {Fmt.N(r.Cpu.Postgres * 1000 / r.Requests, "0.00")} | {Fmt.N(r.Cpu.Driver * 1000 / r.Requests, "0.00")} | "
                + $"{Fmt.N(r.Cpu.Total / r.Elapsed.TotalSeconds, "0.00")} |");
        sb.AppendLine();
        sb.AppendLine($"Without HTTP: the server's `GenealogyTracer.TraceAsync` over `DatabaseTraceEventSource` in-process, one thread, one trace at a time "
            + $"({o.TraceInProcess} traces of each kind after 5 warm-up, the first start lots of the HTTP run, a fresh context per trace as per request), "
            + "then `TraceDocument` written as the endpoint writes it (source-generated JSON) into a null stream. "
            + "Event source = time inside `EventsNamingAsync` (SQL round trips, reading rows, `StoredEventFormat.Deserialize`, projection); "
            + "of which until PostgreSQL's first row = EF's reader-executed interceptor; tracer CPU = whole − event source.");
        sb.AppendLine();
        sb.AppendLine("| Trace | Whole mean ms | Whole p50 ms | Event source mean ms | of which until first row ms | Reading + deserializing rows ms | Tracer CPU ms | JSON response ms | SQL steps | Nodes |");
        sb.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var p in inProcess)
        {
            var whole = p.TotalMs.Average();
            var source = p.SourceMs.Average();
            var first = p.FirstRowMs.Average();
            sb.AppendLine($"| {p.Name} | {Fmt.N(whole, "0.00")} | {Fmt.N(P(p.TotalMs, 0.5), "0.00")} | {Fmt.N(source, "0.00")} | {Fmt.N(first, "0.00")} | "
                + $"{Fmt.N(source - first, "0.00")} | {Fmt.N(whole - source, "0.00")} | {Fmt.N(p.JsonMs.Average(), "0.00")} | {Fmt.N(p.Calls, "0.0")} | {Fmt.N(p.Nodes, "0.0")} |");
        }
        sb.AppendLine();
        var widest = steps.MaxBy(s => s.Frontier)!;
        sb.AppendLine($"Step by step: one trace of a deep chain's processed lot L12, `direction=both` (`{traces[2].Kind.Ids[0]}`), in-process; then each "
            + "step's SQL under EXPLAIN (ANALYZE, BUFFERS), so the execution time is with the pages the trace just read in cache.");
        sb.AppendLine();
        sb.AppendLine("| Step | Frontier identifiers | Events returned | Event source ms | until first row ms | PostgreSQL execution ms (EXPLAIN ANALYZE) |");
        sb.AppendLine("|---:|---:|---:|---:|---:|---:|");
        foreach (var s in steps)
            sb.AppendLine($"| {s.Depth} | {s.Frontier} | {s.Events} | {Fmt.N(s.SourceMs, "0.00")} | {Fmt.N(s.FirstRowMs, "0.00")} | {Fmt.N(s.ExecutionMs, "0.00")} |");
        sb.AppendLine($"| **Sum** | {steps.Sum(s => s.Frontier)} | {steps.Sum(s => s.Events)} | **{Fmt.N(steps.Sum(s => s.SourceMs), "0.00")}** | "
            + $"{Fmt.N(steps.Sum(s => s.FirstRowMs), "0.00")} | {Fmt.N(steps.Sum(s => s.ExecutionMs), "0.00")} |");
        sb.AppendLine();
        sb.AppendLine($"<details><summary>Plan: step {widest.Depth} ({widest.Frontier} identifiers), the SQL `DatabaseTraceEventSource` sends</summary>");
        sb.AppendLine();
        sb.AppendLine("```sql");
        sb.AppendLine(widest.Sql.TrimEnd());
        sb.AppendLine("```");
        sb.AppendLine("```");
        sb.AppendLine(widest.Plan.TrimEnd());
        sb.AppendLine("```");
        sb.AppendLine("</details>");
        return sb.ToString();
    }
}
