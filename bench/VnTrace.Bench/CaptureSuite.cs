using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Npgsql;
using VnTrace.Server.Capture;
using VnTrace.Server.Platform.Events;
using VnTrace.Server.Tests.Infrastructure;

namespace VnTrace.Bench;

/// <summary>
/// Suite 1: POST /capture of EPCIS documents to the real server on PostgreSQL, against the ceiling of the same rows
/// written by binary COPY into a database with the same schema, in the same run.
/// </summary>
public sealed class CaptureSuite(BenchOptions o, PostgresServer pg, string serverDll)
{
    // Document index ranges, so that every part of the run captures different events.
    private const int WarmupBase = 10_000_000;
    private const int SingleConnectionBase = 20_000_000;
    private const int BreakdownBase = 30_000_000;

    public async Task<string> RunAsync()
    {
        var per = o.EventsPerDocument;
        var docs = o.CaptureEvents / per;
        var warmDocs = Math.Clamp(docs / 50, 4, 20);
        var singleDocs = o.Quick ? 20 : 50;
        var gen = new EventGenerator(o.Seed, o.CaptureEvents);
        Run.Log($"capture: generating {docs} documents of {per} events");
        var bodies = Make(gen, 0, docs, per);
        var warm = Make(gen, WarmupBase, warmDocs, per);
        var single = Make(gen, SingleConnectionBase, singleDocs, per);
        Run.Log($"capture: {bodies.Sum(b => (long)b.Length) / docs / 1024.0:0.0} KiB per document; a sample event: {gen.SampleEvent()}");

        // The server.
        var cs = await pg.CreateDatabaseAsync("bench_capture");
        var (owner, key) = await ServerProcess.CreateTenantAsync(serverDll, cs, "Bench capture");
        LoadResult load, unloaded, resend;
        await using (var server = await ServerProcess.StartAsync(serverDll, cs, TimeSpan.FromSeconds(90)))
        {
            using var driver = new LoadDriver(server.BaseAddress, key, o.Connections);
            Run.Log($"capture: warm-up, {warmDocs} documents");
            await driver.RunAsync("warm-up", warmDocs, i => Post(warm[i]), HttpStatusCode.Accepted, o.RunDeadline);
            Run.Log($"capture: POST /capture, {docs} documents over {o.Connections} connections");
            load = await driver.RunAsync($"POST /capture, {o.Connections} connections", docs, i => Post(bodies[i]), HttpStatusCode.Accepted,
                o.RunDeadline, new CpuMeter(server.ProcessId, pg.Port));
            Run.Log($"capture: {load.Requests * per / load.Elapsed.TotalSeconds:0} events/s");
            using var one = new LoadDriver(server.BaseAddress, key, 1);
            unloaded = await one.RunAsync("POST /capture, 1 connection", singleDocs, i => Post(single[i]), HttpStatusCode.Accepted,
                o.RunDeadline, new CpuMeter(server.ProcessId, pg.Port));
            // The same documents again: read, hash and lookup as before, but every event is already stored, so the
            // only row written is the job. Tells the cost of the request without the event inserts.
            resend = await one.RunAsync("POST /capture again, 1 connection", singleDocs, i => Post(single[i]), HttpStatusCode.Accepted,
                o.RunDeadline, new CpuMeter(server.ProcessId, pg.Port));
        }
        var stored = await Db.ScalarAsync(cs, "SELECT count(*) FROM events");
        var expected = (long)(docs + warmDocs + singleDocs) * per;
        if (stored != expected)
            throw new InvalidOperationException($"The server stored {stored} events, {expected} were sent.");
        var rowsPerEvent = await RowsPerEventAsync(cs);

        // The ceiling: the same rows by binary COPY, on one connection and on as many as the HTTP run used.
        var copyOne = await CopyAsync(bodies, warm, 1);
        var copyMany = o.Connections > 1 ? await CopyAsync(bodies, warm, o.Connections) : copyOne;
        var ceiling = copyOne.EventsPerSecond >= copyMany.EventsPerSecond ? copyOne : copyMany;

        // Where the time of one document goes.
        var breakdown = await CaptureBreakdown.RunAsync(pg, cs, owner, Make(gen, BreakdownBase, o.BreakdownDocuments + 5, per),
            Make(gen, BreakdownBase + 1_000_000, o.BreakdownDocuments + 5, per), Make(gen, BreakdownBase + 2_000_000, o.BreakdownDocuments + 5, per),
            warmupDocuments: 5);

        return Report(load, unloaded, resend, copyOne, copyMany, ceiling, breakdown, rowsPerEvent, stored);
    }

    private static byte[][] Make(EventGenerator gen, int first, int count, int per)
    {
        var bodies = new byte[count][];
        Parallel.For(0, count, i => bodies[i] = gen.Document(first + i, per));
        return bodies;
    }

    private static HttpRequestMessage Post(byte[] body) => new(HttpMethod.Post, "/capture")
    {
        Content = new ByteArrayContent(body) { Headers = { ContentType = new MediaTypeHeaderValue("application/ld+json") } },
    };

    private static async Task<string> RowsPerEventAsync(string cs)
    {
        var events = await Db.ScalarAsync(cs, "SELECT count(*) FROM events");
        var identifiers = await Db.ScalarAsync(cs, "SELECT count(*) FROM event_identifiers");
        var references = await Db.ScalarAsync(cs, "SELECT count(*) FROM event_references");
        var json = await Db.ScalarAsync(cs, "SELECT avg(length(\"Json\"))::bigint FROM events");
        return $"{Fmt.N((double)identifiers / events, "0.00")} identifier rows and {Fmt.N((double)references / events, "0.00")} reference rows per event, "
            + $"stored JSON {json} characters on average";
    }

    public sealed record CopyResult(int Connections, long Events, TimeSpan Elapsed, TimeSpan Preparation, CpuUsage Cpu)
    {
        public double EventsPerSecond => Events / Elapsed.TotalSeconds;
    }

    /// <summary>
    /// Prepares the rows with the server's own mapping (not timed), copies the warm-up documents' rows (not timed),
    /// then times the COPY of the measured documents' rows, split over <paramref name="connections"/> connections,
    /// one transaction each.
    /// </summary>
    private async Task<CopyResult> CopyAsync(byte[][] bodies, byte[][] warm, int connections)
    {
        var cs = await pg.CreateDatabaseAsync("bench_copy");
        var owner = await ServerProcess.CreateOrganizationAsync(serverDll, cs, "Bench copy");
        Run.Log($"copy ×{connections}: preparing rows");
        var prep = Stopwatch.StartNew();
        var now = DateTime.UtcNow;
        var all = warm.Concat(bodies).ToArray();
        var prepared = new (List<TraceabilityEvent> Events, CaptureJob Job)[all.Length];
        Parallel.For(0, all.Length, i => prepared[i] = ServerRows.FromDocument(all[i], owner, now));
        long id = 0;
        foreach (var (rows, _) in prepared)
            foreach (var e in rows)
                e.Id = ++id;
        prep.Stop();

        await using var dataSource = NpgsqlDataSource.Create(cs);
        await using (var c = await dataSource.OpenConnectionAsync())
            await BinaryCopy.WriteAsync(c, prepared.Take(warm.Length).SelectMany(p => p.Events).ToList(),
                prepared.Take(warm.Length).Select(p => p.Job).ToList(), CancellationToken.None);

        var measured = prepared.Skip(warm.Length).ToArray();
        var parts = Enumerable.Range(0, connections)
            .Select(k => measured.Where((_, i) => i * connections / measured.Length == k).ToArray()).ToArray();
        var meter = new CpuMeter(-1, pg.Port);
        var before = meter.Sample();
        var wall = Stopwatch.StartNew();
        await Task.WhenAll(parts.Select(part => Task.Run(async () =>
        {
            await using var c = await dataSource.OpenConnectionAsync();
            await using var tx = await c.BeginTransactionAsync();
            await BinaryCopy.WriteAsync(c, part.SelectMany(p => p.Events).ToList(), part.Select(p => p.Job).ToList(), CancellationToken.None);
            await tx.CommitAsync();
        })));
        wall.Stop();
        var cpu = meter.Sample() - before;
        await using (var c = await dataSource.OpenConnectionAsync())
            await BinaryCopy.AdvanceEventIdSequenceAsync(c, CancellationToken.None);
        var events = measured.Sum(p => (long)p.Events.Count);
        Run.Log($"copy ×{connections}: {events / wall.Elapsed.TotalSeconds:0} events/s");
        return new CopyResult(connections, events, wall.Elapsed, prep.Elapsed, cpu);
    }

    private string Report(LoadResult load, LoadResult unloaded, LoadResult resend, CopyResult copyOne, CopyResult copyMany, CopyResult ceiling,
        CaptureBreakdown.Result breakdown, string rowsPerEvent, long stored)
    {
        var per = o.EventsPerDocument;
        double Eps(LoadResult r) => r.Requests * per / r.Elapsed.TotalSeconds;
        var sb = new StringBuilder();
        sb.AppendLine($"### Capture throughput: POST /capture vs binary COPY ({Fmt.Int((long)load.Requests * per)} events)");
        sb.AppendLine();
        sb.AppendLine($"ObjectEvents in EPCIS 2.0 JSON-LD documents of {per} events ({rowsPerEvent}); the server process on PostgreSQL. "
            + $"The baseline copies the same rows, mapped by the server's own code, with `NpgsqlBinaryImporter` into a fresh database with the "
            + $"server's schema and indexes. Ratio = events/s over the faster COPY.");
        sb.AppendLine();
        sb.AppendLine("| Run | Events/s | Docs/s | p50 ms/doc | p99 ms/doc | Time s | vs COPY |");
        sb.AppendLine("|---|---:|---:|---:|---:|---:|---:|");
        sb.AppendLine($"| **POST /capture, {load.Connections} connections** | **{Fmt.N(Eps(load), "0")}** | {Fmt.N(load.PerSecond)} | {Fmt.N(load.P50)} | {Fmt.N(load.P99)} | {Fmt.N(load.Elapsed.TotalSeconds)} | **{Fmt.N(Eps(load) / ceiling.EventsPerSecond * 100, "0")} %** |");
        sb.AppendLine($"| POST /capture, 1 connection ({unloaded.Requests} docs) | {Fmt.N(Eps(unloaded), "0")} | {Fmt.N(unloaded.PerSecond)} | {Fmt.N(unloaded.P50)} | {Fmt.N(unloaded.P99)} | {Fmt.N(unloaded.Elapsed.TotalSeconds)} | {Fmt.N(Eps(unloaded) / ceiling.EventsPerSecond * 100, "0")} % |");
        sb.AppendLine($"| POST /capture of the same {resend.Requests} docs again, 1 connection (all events already stored: no event rows written) | | {Fmt.N(resend.PerSecond)} | {Fmt.N(resend.P50)} | {Fmt.N(resend.P99)} | {Fmt.N(resend.Elapsed.TotalSeconds)} | |");
        foreach (var c in copyMany == copyOne ? new[] { copyOne } : [copyOne, copyMany])
            sb.AppendLine($"| Baseline: binary COPY, {c.Connections} connection{(c.Connections > 1 ? "s" : "")} | {Fmt.N(c.EventsPerSecond, "0")} | {Fmt.N(c.EventsPerSecond / per)} | | | {Fmt.N(c.Elapsed.TotalSeconds)} | {Fmt.N(c.EventsPerSecond / ceiling.EventsPerSecond * 100, "0")} % |");
        sb.AppendLine();
        sb.AppendLine("CPU seconds used during each timed run (from /proc; the machine has " + Environment.ProcessorCount + " cores, shared by all three):");
        sb.AppendLine();
        sb.AppendLine("| Run | Server | PostgreSQL | Load driver | Server + PostgreSQL per event | Cores busy |");
        sb.AppendLine("|---|---:|---:|---:|---:|---:|");
        void Cpu(string name, CpuUsage u, TimeSpan wall, long events) =>
            sb.AppendLine($"| {name} | {Fmt.N(u.Server)} s | {Fmt.N(u.Postgres)} s | {Fmt.N(u.Driver)} s | {Fmt.N((u.Server + u.Postgres) / events * 1e6, "0")} µs | {Fmt.N(u.Total / wall.TotalSeconds, "0.00")} |");
        Cpu($"POST /capture, {load.Connections} connections", load.Cpu, load.Elapsed, (long)load.Requests * per);
        Cpu("POST /capture, 1 connection", unloaded.Cpu, unloaded.Elapsed, (long)unloaded.Requests * per);
        Cpu("POST /capture again (no event rows), 1 connection", resend.Cpu, resend.Elapsed, (long)resend.Requests * per);
        Cpu($"Binary COPY, {ceiling.Connections} connection{(ceiling.Connections > 1 ? "s" : "")}", ceiling.Cpu, ceiling.Elapsed, ceiling.Events);
        sb.AppendLine();
        sb.AppendLine($"Rows checked after the run: the server stored {Fmt.Int(stored)} events (measured, warm-up and 1-connection documents). "
            + $"Preparing the COPY rows with the server's mapping (parse, hash, map, not timed above) took {Fmt.N(ceiling.Preparation.TotalSeconds)} s on all cores.");
        sb.AppendLine();
        sb.Append(breakdown.Markdown(unloaded));
        return sb.ToString();
    }
}
