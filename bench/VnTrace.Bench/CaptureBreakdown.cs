using System.Diagnostics;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using VnTrace.Gs1.Epcis;
using VnTrace.Gs1.Epcis.Hashing;
using VnTrace.Gs1.Epcis.Json;
using VnTrace.Gs1.Epcis.Validation;
using VnTrace.Server.Capture;
using VnTrace.Server.Platform.Data;
using VnTrace.Server.Platform.Events;
using VnTrace.Server.Tests.Infrastructure;

namespace VnTrace.Bench;

/// <summary>
/// Times the steps of capturing one document in-process, one thread, one document at a time, by calling the library
/// and EF the way CaptureService does: read (parse + validate), hash, look up stored eventIDs, map to rows, SaveChanges.
/// And, as the alternative, the same rows written by binary COPY in one transaction.
/// </summary>
public static class CaptureBreakdown
{
    public sealed record Step(string Name, double[] Ms, string Note = "", bool Part = false, bool Alternative = false,
        double? PostgresCpuMs = null, double? ClientCpuMs = null)
    {
        public double Mean => Ms.Average();
        public double P50 => Ms.Order().ElementAt(Ms.Length / 2);
    }

    public sealed record Result(IReadOnlyList<Step> Steps, int Documents, int EventsPerDocument, double RowsPerDocument, int EfCommands, int EfInserts,
        string LookupPlan)
    {
        public string Markdown(LoadResult unloaded)
        {
            var sb = new StringBuilder();
            var total = Steps.Where(s => !s.Part && !s.Alternative).Sum(s => s.Mean);
            sb.AppendLine($"#### Where the time of one document goes ({EventsPerDocument} events, {Fmt.N(RowsPerDocument, "0")} rows)");
            sb.AppendLine();
            sb.AppendLine($"In-process, one thread, one document at a time ({Documents} documents after 5 warm-up), calling the library and EF as "
                + "`CaptureService` does, on the database the HTTP run filled (so the tables and indexes are the size the server met), with the server stopped. The HTTP line is the 1-connection run above; its remainder is what "
                + "the steps do not cover (Kestrel, API-key lookup, body read, response).");
            sb.AppendLine();
            sb.AppendLine("| Step | Mean ms/doc | p50 ms/doc | Share of HTTP p50 | PostgreSQL CPU ms/doc | Client CPU ms/doc | |");
            sb.AppendLine("|---|---:|---:|---:|---:|---:|---|");
            string Share(double ms) => Fmt.N(ms / unloaded.P50 * 100, "0") + " %";
            string Cpu(double? ms) => ms is { } v ? Fmt.N(v, "0.0") : "";
            foreach (var s in Steps.Where(s => !s.Alternative))
                sb.AppendLine($"| {(s.Part ? "&nbsp;&nbsp;↳ " : "")}{s.Name} | {Fmt.N(s.Mean, "0.00")} | {Fmt.N(s.P50, "0.00")} | {Share(s.Mean)} | {Cpu(s.PostgresCpuMs)} | {Cpu(s.ClientCpuMs)} | {s.Note} |");
            sb.AppendLine($"| **Sum of the steps** | **{Fmt.N(total, "0.00")}** | | {Share(total)} | | | |");
            sb.AppendLine($"| POST /capture, 1 connection (HTTP p50) | | {Fmt.N(unloaded.P50, "0.00")} | 100 % | | | |");
            sb.AppendLine($"| Remainder: HTTP, auth, body, response | {Fmt.N(unloaded.P50 - total, "0.00")} | | {Share(unloaded.P50 - total)} | | | |");
            foreach (var s in Steps.Where(s => s.Alternative))
                sb.AppendLine($"| *{s.Name}* | {Fmt.N(s.Mean, "0.00")} | {Fmt.N(s.P50, "0.00")} | {Share(s.Mean)} | {Cpu(s.PostgresCpuMs)} | {Cpu(s.ClientCpuMs)} | {s.Note} |");
            var read = Steps.First(s => s.Name == Label("read"));
            var service = Steps.First(s => s.Name == Label("service"));
            sb.AppendLine($"| *Check: HTTP p50 − (read + whole service)* | {Fmt.N(unloaded.P50 - read.Mean - service.Mean, "0.00")} | | {Share(unloaded.P50 - read.Mean - service.Mean)} | | | Kestrel, API-key lookup, body, response, scheduling |");
            sb.AppendLine();
            sb.AppendLine("<details><summary>Plan: the stored-eventID lookup (last breakdown document)</summary>");
            sb.AppendLine();
            sb.AppendLine("```");
            sb.AppendLine(LookupPlan.TrimEnd());
            sb.AppendLine("```");
            sb.AppendLine("</details>");
            sb.AppendLine();
            return sb.ToString();
        }
    }

    /// <param name="cs">The database the HTTP run filled, so each step meets the table sizes the server met.</param>
    public static async Task<Result> RunAsync(PostgresServer pg, string cs, Guid owner, byte[][] efBodies, byte[][] copyBodies, byte[][] serviceBodies,
        int warmupDocuments)
    {
        var recorder = new SqlRecorder();
        await using var db = Db.Context(cs, recorder);
        await using var dataSource = NpgsqlDataSource.Create(cs);
        var n = efBodies.Length;
        string[] names = ["read", "validate", "hash", "lookup", "map", "serialize", "save", "attach", "copy", "service"];
        var ms = names.ToDictionary(x => x, _ => new List<double>());
        var cpu = names.ToDictionary(x => x, _ => CpuUsage.None);
        var meter = new CpuMeter(-1, pg.Port);
        // The recorder also sees the service's SQL, so the look-up's plan below is the server's own query.
        await using var serviceDb = Db.Context(cs, recorder);
        // With the writer the server registers for PostgreSQL.
        var service = new CaptureService(serviceDb, new PostgresCopyEventWriter(), TimeProvider.System, NullLogger<CaptureService>.Instance);
        int efCommands = 0, efInserts = 0;
        var lookupPlan = "";
        double rows = 0;
        Run.Log($"breakdown: {n - warmupDocuments} documents in-process");

        for (var d = 0; d < n; d++)
        {
            var measured = d >= warmupDocuments;
            void Add(string name, long start)
            {
                if (measured) ms[name].Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }
            void AddCpu(string name, CpuUsage before)
            {
                if (measured) cpu[name] = cpu[name] + (meter.Sample() - before);
            }

            var t = Stopwatch.GetTimestamp();
            var read = EpcisJsonReader.ReadDocument(efBodies[d]);
            Add("read", t);
            if (!read.Success)
                throw new InvalidOperationException(string.Join("; ", read.Errors.Take(3)));
            var events = read.Document!.Events;

            // The validator again on its own, to tell its share of the read (it also runs inside ReadDocument).
            t = Stopwatch.GetTimestamp();
            var errors = new List<EpcisError>();
            for (var i = 0; i < events.Count; i++)
                EpcisEventValidator.Validate(events[i], $"/epcisBody/eventList/{i}", errors);
            Add("validate", t);

            t = Stopwatch.GetTimestamp();
            var hashes = new string[events.Count];
            for (var i = 0; i < events.Count; i++)
                hashes[i] = EventHash.Compute(events[i]);
            Add("hash", t);

            // CaptureService.StoredHashesAsync: which eventIDs the owner already has.
            t = Stopwatch.GetTimestamp();
            var ids = hashes.Distinct().ToList();
            var existing = await service.StoredHashesAsync(owner, ids, CancellationToken.None);
            Add("lookup", t);
            if (d == n - 1)
                lookupPlan = await ExplainAsync(cs, recorder);
            if (existing.Count > 0)
                throw new InvalidOperationException("Breakdown documents must be new.");

            var now = DateTime.UtcNow;
            var job = new CaptureJob { OwnerId = owner, CreatedAt = now, EventCount = events.Count };
            t = Stopwatch.GetTimestamp();
            var entities = new List<TraceabilityEvent>(events.Count);
            for (var i = 0; i < events.Count; i++)
                entities.Add(ServerRows.ToEntity(owner, job.Id, events[i], hashes[i], hashes[i], now));
            Add("map", t);

            t = Stopwatch.GetTimestamp();
            foreach (var e in events)
                _ = StoredEventFormat.Serialize(e);
            Add("serialize", t);

            // CaptureService: Add each event, add the job, SaveChanges, clear the tracker.
            recorder.Reset();
            var cpuBefore = meter.Sample();
            t = Stopwatch.GetTimestamp();
            foreach (var e in entities)
                db.Events.Add(e);
            job.StoredCount = entities.Count;
            job.Running = false;
            job.Success = true;
            job.FinishedAt = DateTime.UtcNow;
            db.CaptureJobs.Add(job);
            Add("attach", t);
            await db.SaveChangesAsync();
            db.ChangeTracker.Clear();
            Add("save", t);
            AddCpu("save", cpuBefore);
            efCommands = recorder.Commands;
            efInserts = recorder.InsertStatements;
            rows = 1 + entities.Count + entities.Sum(e => e.Identifiers.Count + e.References.Count);

            // The alternative: another document's rows (same shape) by binary COPY in one transaction,
            // ids reserved from the identity sequence first so children can point at their events.
            var (copyRows, copyJob) = ServerRows.FromDocument(copyBodies[d], owner, now);
            cpuBefore = meter.Sample();
            t = Stopwatch.GetTimestamp();
            await using (var c = await dataSource.OpenConnectionAsync())
            {
                await using var tx = await c.BeginTransactionAsync();
                var reserved = await BinaryCopy.ReserveEventIdsAsync(c, copyRows.Count, CancellationToken.None);
                for (var i = 0; i < copyRows.Count; i++)
                    copyRows[i].Id = reserved[i];
                await BinaryCopy.WriteAsync(c, copyRows, [copyJob], CancellationToken.None);
                await tx.CommitAsync();
            }
            Add("copy", t);
            AddCpu("copy", cpuBefore);

            // The whole service as the endpoint calls it, on a third document: every step above but the read.
            var serviceRead = EpcisJsonReader.ReadDocument(serviceBodies[d]);
            cpuBefore = meter.Sample();
            t = Stopwatch.GetTimestamp();
            var outcome = await service.CaptureAsync(owner, serviceRead.Document!.Events, i => $"/epcisBody/eventList/{i}", CancellationToken.None);
            Add("service", t);
            AddCpu("service", cpuBefore);
            if (!outcome.Success)
                throw new InvalidOperationException("CaptureService refused a breakdown document: " + string.Join("; ", outcome.Errors.Take(3)));
        }
        var measuredDocs = n - warmupDocuments;

        Step S(string name, string note = "", bool part = false, bool alternative = false)
        {
            var withCpu = name is "save" or "copy" or "service";
            return new(Label(name), [.. ms[name]], note, part, alternative,
                withCpu ? cpu[name].Postgres * 1000 / measuredDocs : null, withCpu ? cpu[name].Driver * 1000 / measuredDocs : null);
        }
        return new Result(
        [
            S("read", "`EpcisJsonReader.ReadDocument`: JSON parse, structure, then the validator"),
            S("validate", "`EpcisEventValidator.Validate` per event", part: true),
            S("hash", "`EventHash.Compute` per event (CBV 2.0 pre-hash + SHA-256)"),
            S("lookup", "`CaptureService.StoredHashesAsync`: one unique-index probe per eventID"),
            S("map", "`CaptureService.ToEntity`: canonical identifiers + stored JSON"),
            S("serialize", "`StoredEventFormat.Serialize` per event", part: true),
            S("save", $"EF path (`EfEventWriter`, Postgres before c29f7ea): Add() + SaveChanges, {efCommands} command(s) holding {efInserts} INSERT statements"),
            S("attach", "`DbSet.Add` of each event graph and the job (change tracking)", part: true),
            S("service", "read excluded; what the endpoint awaits after the read", alternative: true),
            S("copy", "reserve ids + 4 COPYs + commit, in place of SaveChanges", alternative: true),
        ], measuredDocs, efBodies.Length == 0 ? 0 : JsonEventCount(efBodies[0]), rows, efCommands, efInserts, lookupPlan);
    }

    /// <summary>EXPLAIN (ANALYZE, BUFFERS) of the last command EF sent, with its parameters.</summary>
    public static async Task<string> ExplainAsync(string cs, SqlRecorder recorder)
    {
        var plan = new StringBuilder();
        plan.AppendLine(recorder.LastSql);
        plan.AppendLine("-- " + string.Join(", ", recorder.LastParameters.Select(p => $"{p.ParameterName}: {p.Value?.GetType().Name}")));
        await using var connection = new NpgsqlConnection(cs);
        await connection.OpenAsync();
        await using var cmd = new NpgsqlCommand("EXPLAIN (ANALYZE, BUFFERS) " + recorder.LastSql, connection);
        foreach (var p in recorder.LastParameters)
            cmd.Parameters.Add(p.Clone());
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var line = reader.GetString(0);
            plan.AppendLine(line.Length > 240 ? line[..240] + " …" : line);
        }
        return plan.ToString();
    }

    private static int JsonEventCount(byte[] body) => EpcisJsonReader.ReadDocument(body).Document!.Events.Count;

    private static string Label(string name) => name switch
    {
        "read" => "Read JSON-LD + validate",
        "validate" => "of which validation",
        "hash" => "Event hash",
        "lookup" => "Look up stored eventIDs",
        "map" => "Map to rows",
        "serialize" => "of which stored-event JSON",
        "save" => "EF SaveChanges",
        "attach" => "of which Add()",
        "copy" => "Alternative: binary COPY of the same rows",
        "service" => "Check: `CaptureService.CaptureAsync` whole",
        _ => name,
    };
}
