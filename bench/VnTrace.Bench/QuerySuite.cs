using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Npgsql;
using VnTrace.Server.Capture;
using VnTrace.Server.Platform.Events;
using VnTrace.Server.Query;
using VnTrace.Server.Tests.Infrastructure;

namespace VnTrace.Bench;

/// <summary>
/// Suite 2: GET /events latency on a store of one organization's events (1,000,000 by default), filled by binary COPY
/// of rows mapped by the server's own code, then VACUUM ANALYZE. Baselines in the same run: GET /health (the HTTP
/// floor) and OPTIONS /capture (HTTP plus the API-key lookup every EPCIS request pays).
/// </summary>
public sealed class QuerySuite(BenchOptions o, PostgresServer pg, string serverDll)
{
    private const int DocumentsPerBatch = 100;

    public async Task<string> RunAsync()
    {
        var cs = await pg.CreateDatabaseAsync("bench_query");
        var (owner, key) = await ServerProcess.CreateTenantAsync(serverDll, cs, "Bench query");
        var (epcs, fill) = await FillAsync(o, cs, owner);
        var store = await DescribeStoreAsync(cs);

        var random = new Random(o.Seed);
        var total = o.WarmupRequests + o.QueryRequests;
        var epcUrls = Enumerable.Range(0, total).Select(_ => "/events?MATCH_epc=" + Uri.EscapeDataString(epcs[random.Next(epcs.Count)])).ToArray();
        var windowUrls = Enumerable.Range(0, total).Select(_ =>
        {
            var from = EventGenerator.YearStart.AddDays(random.Next(365 - 7));
            return "/events?EQ_bizLocation=" + Uri.EscapeDataString(EventGenerator.Sgln(random.Next(EventGenerator.Locations)))
                + "&GE_eventTime=" + Uri.EscapeDataString(from.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture))
                + "&LT_eventTime=" + Uri.EscapeDataString(from.AddDays(7).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture));
        }).ToArray();

        var results = new List<(LoadResult Load, double EventsPerResponse)>();
        await using (var server = await ServerProcess.StartAsync(serverDll, cs, TimeSpan.FromSeconds(90)))
        {
            using var anonymous = new LoadDriver(server.BaseAddress, null, o.Connections);
            using var authorized = new LoadDriver(server.BaseAddress, key, o.Connections);
            var kinds = new (string Name, LoadDriver Driver, Func<int, HttpRequestMessage> Request, HttpStatusCode Status, bool Events)[]
            {
                ("GET /health (HTTP floor)", anonymous, _ => new(HttpMethod.Get, "/health"), HttpStatusCode.OK, false),
                ("OPTIONS /capture (HTTP + API-key lookup)", authorized, _ => new(HttpMethod.Options, "/capture"), HttpStatusCode.NoContent, false),
                ("GET /events?MATCH_epc=…", authorized, i => new(HttpMethod.Get, epcUrls[i]), HttpStatusCode.OK, true),
                ("GET /events?EQ_bizLocation=…&GE_eventTime=…&LT_eventTime=… (1 week)", authorized, i => new(HttpMethod.Get, windowUrls[i]), HttpStatusCode.OK, true),
            };
            var eventsPerResponse = new double[kinds.Length];
            for (var k = 0; k < kinds.Length; k++)
            {
                var kind = kinds[k];
                var counted = 0L;
                Run.Log($"query: warm-up {kind.Name}");
                await kind.Driver.RunAsync("warm-up " + kind.Name, o.WarmupRequests, kind.Request, kind.Status, o.RunDeadline,
                    inspect: kind.Events ? (_, body) => Interlocked.Add(ref counted, CountEvents(body)) : null);
                eventsPerResponse[k] = (double)counted / o.WarmupRequests;
            }
            for (var k = 0; k < kinds.Length; k++)
            {
                var kind = kinds[k];
                Run.Log($"query: {kind.Name}, {o.QueryRequests} requests over {o.Connections} connections");
                var offset = o.WarmupRequests;
                var load = await kind.Driver.RunAsync(kind.Name, o.QueryRequests, i => kind.Request(offset + i), kind.Status, o.RunDeadline,
                    new CpuMeter(server.ProcessId, pg.Port));
                Run.Log($"query: p50 {load.P50:0.00} ms, p99 {load.P99:0.00} ms, {load.PerSecond:0} req/s");
                results.Add((load, eventsPerResponse[k]));
            }
        }

        var sql = await SqlSideAsync(cs, owner, [("MATCH_epc", epcUrls), ("EQ_bizLocation + 1-week eventTime", windowUrls)]);
        return Report(results, store, fill, sql);
    }

    private static int CountEvents(byte[] body)
    {
        using var doc = JsonDocument.Parse(body);
        return doc.RootElement.GetProperty("epcisBody").GetProperty("queryResults").GetProperty("resultsBody").GetProperty("eventList").GetArrayLength();
    }

    public sealed record FillTimes(TimeSpan Rows, TimeSpan Indexes, TimeSpan Analyze, TimeSpan Total);

    /// <summary>
    /// Fills the store: secondary indexes dropped (definitions kept), rows made in parallel by the server's mapping
    /// while the previous batch is copied, indexes re-created from their definitions, ids advanced, VACUUM ANALYZE.
    /// </summary>
    internal static async Task<(List<string> Epcs, FillTimes Times)> FillAsync(BenchOptions o, string cs, Guid owner)
    {
        var docs = o.StoreEvents / o.EventsPerDocument;
        var gen = new EventGenerator(o.Seed + 1, o.StoreEvents);
        var total = Stopwatch.StartNew();
        await using var dataSource = NpgsqlDataSource.Create(cs);
        var indexes = await StoreFill.DropSecondaryIndexesAsync(dataSource);

        Run.Log($"query store: {Fmt.Int(o.StoreEvents)} events, {docs} documents, {indexes.Count} secondary indexes dropped for the fill");
        var epcs = new List<string>();
        var batches = Channel.CreateBounded<(List<TraceabilityEvent> Events, List<CaptureJob> Jobs)>(2);
        var now = DateTime.UtcNow;
        var producer = Task.Run(async () =>
        {
            long id = 0;
            try
            {
                for (var first = 0; first < docs; first += DocumentsPerBatch)
                {
                    var count = Math.Min(DocumentsPerBatch, docs - first);
                    var prepared = new (List<TraceabilityEvent> Events, CaptureJob Job, string? Epc)[count];
                    Parallel.For(0, count, i =>
                    {
                        var (events, job) = ServerRows.FromDocument(gen.Document(first + i, o.EventsPerDocument), owner, now, out var epc);
                        prepared[i] = (events, job, epc);
                    });
                    var rows = new List<TraceabilityEvent>(count * o.EventsPerDocument);
                    foreach (var p in prepared)
                    {
                        foreach (var e in p.Events)
                            e.Id = ++id;
                        rows.AddRange(p.Events);
                        if (p.Epc is not null)
                            epcs.Add(p.Epc);
                    }
                    await batches.Writer.WriteAsync((rows, prepared.Select(p => p.Job).ToList()));
                }
                batches.Writer.Complete();
            }
            catch (Exception ex)
            {
                batches.Writer.Complete(ex);
            }
        });
        await StoreFill.CopyAllAsync(dataSource, batches.Reader, "query store", TimeSpan.FromSeconds(15), total);
        await producer;
        var rowsTime = total.Elapsed;

        Run.Log("query store: re-creating indexes");
        var indexWatch = Stopwatch.StartNew();
        await StoreFill.RecreateIndexesAsync(cs, indexes);
        indexWatch.Stop();
        Run.Log("query store: VACUUM ANALYZE");
        var analyze = Stopwatch.StartNew();
        await Db.ExecuteAsync(cs, "VACUUM (ANALYZE)");
        analyze.Stop();
        return (epcs, new FillTimes(rowsTime, indexWatch.Elapsed, analyze.Elapsed, total.Elapsed));
    }

    private static async Task<string> DescribeStoreAsync(string cs)
    {
        var events = await Db.ScalarAsync(cs, "SELECT count(*) FROM events");
        var identifiers = await Db.ScalarAsync(cs, "SELECT count(*) FROM event_identifiers");
        var references = await Db.ScalarAsync(cs, "SELECT count(*) FROM event_references");
        var distinctEpcs = await Db.ScalarAsync(cs, "SELECT count(DISTINCT \"Value\") FROM event_identifiers");
        var bytes = await Db.ScalarAsync(cs, "SELECT pg_database_size(current_database())");
        return $"{Fmt.Int(events)} events, {Fmt.Int(identifiers)} identifier rows ({Fmt.Int(distinctEpcs)} distinct EPCs, "
            + $"{Fmt.N((double)identifiers / distinctEpcs, "0.0")} events per EPC on average), {Fmt.Int(references)} reference rows; "
            + $"database {Fmt.N(bytes / 1024.0 / 1024 / 1024, "0.00")} GiB";
    }

    public sealed record SqlSide(string Name, double[] ExecutorMs, double[] WriteMs, string Plan, string Sql);

    /// <summary>
    /// The server's own query code in-process (EventQuery.Parse + EventQueryExecutor on a context configured like the
    /// server's), one thread: its time without HTTP; then EXPLAIN (ANALYZE, BUFFERS) of the SQL it sent for one query.
    /// </summary>
    private static async Task<List<SqlSide>> SqlSideAsync(string cs, Guid owner, (string Name, string[] Urls)[] kinds)
    {
        var result = new List<SqlSide>();
        var recorder = new SqlRecorder();
        foreach (var (name, urls) in kinds)
        {
            await using var db = Db.Context(cs, recorder);
            var executor = new EventQueryExecutor(db);
            var times = new List<double>();
            var writes = new List<double>();
            for (var i = 0; i < Math.Min(urls.Length, 220); i++)
            {
                var parsed = QueryHelpers.ParseQuery(new Uri("http://x" + urls[i]).Query);
                var (query, error) = EventQuery.Parse(new QueryCollection(parsed));
                if (query is null)
                    throw new InvalidOperationException(error);
                var t = Stopwatch.GetTimestamp();
                var (page, _) = await executor.RunAsync(owner, query, CancellationToken.None);
                if (i >= 20)
                    times.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
                if (page is null)
                    throw new InvalidOperationException("Query too large.");
                // What the endpoint does next: stored JSON back to the model, then the JSON-LD query document.
                t = Stopwatch.GetTimestamp();
                var http = new DefaultHttpContext();
                http.Response.Body = Stream.Null;
                await EventResults.QueryDocument(EventResults.Materialize(page.EventJson), ResultFormat.JsonLd).ExecuteAsync(http);
                if (i >= 20)
                    writes.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
            }
            var sql = recorder.LastSql!;
            var plan = new StringBuilder();
            await using (var connection = new NpgsqlConnection(cs))
            {
                await connection.OpenAsync();
                await using var cmd = new NpgsqlCommand("EXPLAIN (ANALYZE, BUFFERS) " + sql, connection);
                foreach (var p in recorder.LastParameters)
                    cmd.Parameters.Add(p.Clone());
                await using var reader = await cmd.ExecuteReaderAsync();
                while (await reader.ReadAsync())
                    plan.AppendLine(reader.GetString(0));
            }
            var parameters = string.Join(", ", recorder.LastParameters.Select(p => $"{p.ParameterName} = {FormatValue(p.Value)}"));
            Run.Log($"EXPLAIN ANALYZE, {name} ({parameters}):\n{plan}");
            result.Add(new SqlSide(name, [.. times], [.. writes], plan.ToString(), sql + "\n-- " + parameters));
        }
        return result;
    }

    private static string FormatValue(object? value) => value switch
    {
        System.Collections.IEnumerable e and not string => "{" + string.Join(",", e.Cast<object>()) + "}",
        DateTime d => d.ToString("O", CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "null",
    };

    private static double ExecutionMs(string plan) =>
        plan.Split('\n').Select(l => l.Trim()).Where(l => l.StartsWith("Execution Time:", StringComparison.Ordinal))
            .Select(l => double.Parse(l["Execution Time:".Length..].Replace("ms", "").Trim(), CultureInfo.InvariantCulture))
            .FirstOrDefault();

    private string Report(List<(LoadResult Load, double EventsPerResponse)> results, string store, FillTimes fill, List<SqlSide> sql)
    {
        var sb = new StringBuilder();
        var floor = results[0].Load;
        sb.AppendLine($"### Query latency at {Fmt.Int(o.StoreEvents)} events");
        sb.AppendLine();
        sb.AppendLine($"Store: {store}. Filled in {Fmt.N(fill.Total.TotalSeconds, "0")} s (rows {Fmt.N(fill.Rows.TotalSeconds, "0")} s, "
            + $"indexes {Fmt.N(fill.Indexes.TotalSeconds, "0")} s, VACUUM ANALYZE {Fmt.N(fill.Analyze.TotalSeconds, "0")} s). "
            + $"{Fmt.Int(o.QueryRequests)} requests of each kind over {o.Connections} connections after {Fmt.Int(o.WarmupRequests)} warm-up requests; "
            + "EPCs, locations and weeks drawn at random from those in the store; default page size (30).");
        sb.AppendLine();
        sb.AppendLine("| Request | p50 ms | p99 ms | Mean ms | Requests/s | p50 vs /health | Events per response | KiB per response |");
        sb.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var (r, events) in results)
        {
            sb.AppendLine($"| {r.Name} | {Fmt.N(r.P50, "0.00")} | {Fmt.N(r.P99, "0.00")} | {Fmt.N(r.Mean, "0.00")} | {Fmt.N(r.PerSecond, "0")} | "
                + $"{(r == floor ? "baseline" : "×" + Fmt.N(r.P50 / floor.P50, "0.0"))} | {(events > 0 ? Fmt.N(events, "0.0") : "")} | {Fmt.N(r.BytesPerResponse / 1024, "0.0")} |");
        }
        sb.AppendLine();
        sb.AppendLine("Without HTTP: the server's `EventQuery.Parse` + `EventQueryExecutor.RunAsync` in-process on one thread "
            + "(200 queries after 20 warm-up), then `EventResults.Materialize` + the JSON-LD query document into a null stream, "
            + "and the PostgreSQL execution time of one representative query (EXPLAIN ANALYZE):");
        sb.AppendLine();
        sb.AppendLine("| Query | Executor mean ms | Executor p50 ms | Materialize + write JSON-LD mean ms | SQL execution ms (EXPLAIN ANALYZE) |");
        sb.AppendLine("|---|---:|---:|---:|---:|");
        foreach (var s in sql)
            sb.AppendLine($"| {s.Name} | {Fmt.N(s.ExecutorMs.Average(), "0.00")} | {Fmt.N(s.ExecutorMs.Order().ElementAt(s.ExecutorMs.Length / 2), "0.00")} | "
                + $"{Fmt.N(s.WriteMs.Average(), "0.00")} | {Fmt.N(ExecutionMs(s.Plan), "0.00")} |");
        sb.AppendLine();
        foreach (var s in sql)
        {
            sb.AppendLine($"<details><summary>Plan: {s.Name}</summary>");
            sb.AppendLine();
            sb.AppendLine("```sql");
            sb.AppendLine(s.Sql.TrimEnd());
            sb.AppendLine("```");
            sb.AppendLine("```");
            sb.AppendLine(s.Plan.TrimEnd());
            sb.AppendLine("```");
            sb.AppendLine("</details>");
            sb.AppendLine();
        }
        return sb.ToString();
    }
}
