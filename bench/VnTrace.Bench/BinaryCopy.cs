using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;
using NpgsqlTypes;
using VnTrace.Server.Capture;
using VnTrace.Server.Platform.Data;
using VnTrace.Server.Platform.Events;

namespace VnTrace.Bench;

/// <summary>
/// Writes the server's rows with PostgreSQL binary COPY (<see cref="NpgsqlBinaryImporter"/>), typed, one importer
/// per table. The column lists are checked against the server's EF model at start, so a schema change fails the
/// benchmark loudly instead of silently copying fewer columns than the server writes.
/// </summary>
public static class BinaryCopy
{
    // The event tables are copied by the server's own PostgresCopyEventWriter; only the jobs are copied here.
    private static readonly string[] EventColumns = PostgresCopyEventWriter.EventColumns;
    private static readonly string[] IdentifierColumns = PostgresCopyEventWriter.IdentifierColumns;
    private static readonly string[] ReferenceColumns = PostgresCopyEventWriter.ReferenceColumns;
    private static readonly string[] JobColumns =
        ["Id", "OwnerId", "CreatedAt", "FinishedAt", "Running", "Success", "EventCount", "StoredCount", "ErrorsJson", "Channel"];

    /// <summary>Throws unless the EF model's tables have exactly the columns written here.</summary>
    public static void CheckAgainstModel(VnTraceDbContext db)
    {
        Check(db, typeof(TraceabilityEvent), "events", EventColumns, generated: []);
        Check(db, typeof(EventIdentifier), "event_identifiers", IdentifierColumns, generated: ["Id"]);
        Check(db, typeof(EventReference), "event_references", ReferenceColumns, generated: ["Id"]);
        Check(db, typeof(CaptureJob), "capture_jobs", JobColumns, generated: []);
    }

    private static void Check(VnTraceDbContext db, Type entity, string table, string[] written, string[] generated)
    {
        var type = db.Model.FindEntityType(entity) ?? throw new InvalidOperationException($"{entity.Name} is not in the model.");
        if (type.GetTableName() != table)
            throw new InvalidOperationException($"{entity.Name} maps to table {type.GetTableName()}, the benchmark copies into {table}.");
        var store = StoreObjectIdentifier.Table(table, type.GetSchema());
        var columns = type.GetProperties().Select(p => p.GetColumnName(store)!).Order(StringComparer.Ordinal).ToArray();
        // A generated column (identity) may or may not exist; the COPY leaves it to its default either way.
        var ours = written.Concat(generated.Where(columns.Contains)).Order(StringComparer.Ordinal).ToArray();
        if (!columns.SequenceEqual(ours))
            throw new InvalidOperationException(
                $"Table {table}: the server's model has columns [{string.Join(", ", columns)}], the benchmark copies [{string.Join(", ", ours)}]. Update BinaryCopy.");
    }

    private static string Copy(string table, string[] columns) =>
        $"COPY {table} ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) FROM STDIN (FORMAT BINARY)";

    /// <summary>Copies events (whose Id must be set), their identifiers and references, and the jobs.</summary>
    public static async Task WriteAsync(NpgsqlConnection connection, IReadOnlyList<TraceabilityEvent> events, IReadOnlyList<CaptureJob> jobs,
        CancellationToken ct)
    {
        foreach (var e in events)
        {
            foreach (var identifier in e.Identifiers)
                identifier.TraceabilityEventId = e.Id;
            foreach (var reference in e.References)
                reference.TraceabilityEventId = e.Id;
        }
        await PostgresCopyEventWriter.CopyAsync(connection, events, ct);
        await using (var w = await connection.BeginBinaryImportAsync(Copy("capture_jobs", JobColumns), ct))
        {
            foreach (var j in jobs)
            {
                w.StartRow();
                w.Write(j.Id, NpgsqlDbType.Uuid);
                w.Write(j.OwnerId, NpgsqlDbType.Uuid);
                w.Write(j.CreatedAt, NpgsqlDbType.TimestampTz);
                if (j.FinishedAt is { } f) w.Write(f, NpgsqlDbType.TimestampTz); else w.WriteNull();
                w.Write(j.Running, NpgsqlDbType.Boolean);
                w.Write(j.Success, NpgsqlDbType.Boolean);
                w.Write(j.EventCount, NpgsqlDbType.Integer);
                w.Write(j.StoredCount, NpgsqlDbType.Integer);
                Text(w, j.ErrorsJson, NpgsqlDbType.Text);
                w.Write((int)j.Channel, NpgsqlDbType.Integer);
            }
            await w.CompleteAsync(ct);
        }
    }

    /// <summary>Reserves <paramref name="count"/> event ids from the table's identity sequence, as INSERT … RETURNING would.</summary>
    public static async Task<long[]> ReserveEventIdsAsync(NpgsqlConnection connection, int count, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand("SELECT nextval(pg_get_serial_sequence('events', 'Id')) FROM generate_series(1, $1)", connection);
        cmd.Parameters.Add(new NpgsqlParameter { Value = count });
        var ids = new long[count];
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        for (var i = 0; await reader.ReadAsync(ct); i++)
            ids[i] = reader.GetInt64(0);
        return ids;
    }

    /// <summary>After copying explicit ids, moves the identity sequence past them so the server's own inserts do not collide.</summary>
    public static async Task AdvanceEventIdSequenceAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(
            "SELECT setval(pg_get_serial_sequence('events', 'Id'), GREATEST((SELECT max(\"Id\") FROM events), 1))", connection);
        await cmd.ExecuteScalarAsync(ct);
    }

    private static void Text(NpgsqlBinaryImporter w, string? value, NpgsqlDbType type = NpgsqlDbType.Varchar)
    {
        if (value is null) w.WriteNull(); else w.Write(value, type);
    }
}
