using System.Diagnostics;
using System.Threading.Channels;
using Npgsql;
using VnTrace.Server.Capture;
using VnTrace.Server.Platform.Events;

namespace VnTrace.Bench;

/// <summary>
/// Bulk fill of the server's event tables: the secondary indexes are dropped (definitions kept) before the COPY and
/// re-created from their own definitions after it, as a bulk load into PostgreSQL is done.
/// </summary>
public static class StoreFill
{
    private static readonly string[] Tables = ["events", "event_identifiers", "event_references", "capture_jobs"];

    /// <summary>Drops every index of the event tables that no constraint owns; returns their definitions.</summary>
    public static async Task<List<(string Name, string Definition)>> DropSecondaryIndexesAsync(NpgsqlDataSource dataSource)
    {
        var indexes = new List<(string Name, string Definition)>();
        await using var c = await dataSource.OpenConnectionAsync();
        await using (var cmd = new NpgsqlCommand("""
            SELECT indexname, indexdef FROM pg_indexes
            WHERE schemaname = 'public' AND tablename = ANY($1)
              AND indexname NOT IN (SELECT conname FROM pg_constraint)
            """, c))
        {
            cmd.Parameters.Add(new NpgsqlParameter { Value = Tables });
            await using var r = await cmd.ExecuteReaderAsync();
            while (await r.ReadAsync())
                indexes.Add((r.GetString(0), r.GetString(1)));
        }
        foreach (var (name, _) in indexes)
            await new NpgsqlCommand($"DROP INDEX \"{name}\"", c).ExecuteNonQueryAsync();
        return indexes;
    }

    /// <summary>
    /// Re-creates the indexes, as many at a time as there are cores (index builds are CPU-bound), each with
    /// <paramref name="maintenanceWorkMem"/> for its sort (the default 64 MB spills a large build to disk many times).
    /// </summary>
    public static async Task RecreateIndexesAsync(string cs, IEnumerable<(string Name, string Definition)> indexes, string maintenanceWorkMem = "64MB")
    {
        using var gate = new SemaphoreSlim(Math.Max(1, Environment.ProcessorCount));
        await Task.WhenAll(indexes.Select(async ix =>
        {
            await gate.WaitAsync();
            try { await Db.ExecuteAsync(cs, $"SET maintenance_work_mem = '{maintenanceWorkMem}'; {ix.Definition}"); }
            finally { gate.Release(); }
        }));
    }

    /// <summary>Copies every batch the producer writes, on one connection, logging progress; returns the event count.</summary>
    public static async Task<long> CopyAllAsync(NpgsqlDataSource dataSource,
        ChannelReader<(List<TraceabilityEvent> Events, List<CaptureJob> Jobs)> batches, string label, TimeSpan reportEvery, Stopwatch total)
    {
        var copied = 0L;
        await using var c = await dataSource.OpenConnectionAsync();
        var report = Stopwatch.StartNew();
        await foreach (var (events, jobs) in batches.ReadAllAsync())
        {
            await BinaryCopy.WriteAsync(c, events, jobs, CancellationToken.None);
            copied += events.Count;
            if (report.Elapsed > reportEvery)
            {
                Run.Log($"{label}: {Fmt.Int(copied)} events copied ({copied / total.Elapsed.TotalSeconds:0} /s)");
                report.Restart();
            }
        }
        await BinaryCopy.AdvanceEventIdSequenceAsync(c, CancellationToken.None);
        return copied;
    }
}
