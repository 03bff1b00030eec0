using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;
using VnTrace.Server.Capture;
using VnTrace.Server.Platform.Events;

namespace VnTrace.Server.Platform.Data;

/// <summary>
/// Writes a capture's events (with their identifier and reference rows) and its job in one transaction: the caller's
/// when it has one open, else its own. A unique-key violation (an eventID stored concurrently or earlier) surfaces as <see cref="DuplicateEventException"/>
/// with nothing written.
/// </summary>
public interface IEventWriter
{
    Task WriteAsync(VnTraceDbContext db, CaptureJob job, IReadOnlyList<TraceabilityEvent> events, CancellationToken ct);
}

public sealed class DuplicateEventException(Exception inner) : Exception("An event with the same owner and eventID is already stored.", inner);

/// <summary>EF Core change tracking and SaveChanges: portable, used for SQLite.</summary>
public sealed class EfEventWriter : IEventWriter
{
    public async Task WriteAsync(VnTraceDbContext db, CaptureJob job, IReadOnlyList<TraceabilityEvent> events, CancellationToken ct)
    {
        db.Events.AddRange(events);
        db.CaptureJobs.Add(job);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (ex.InnerException is Microsoft.Data.Sqlite.SqliteException { SqliteExtendedErrorCode: 2067 or 1555 }
                                           || ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            throw new DuplicateEventException(ex);
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }
}

/// <summary>
/// PostgreSQL binary COPY: event ids are reserved from the identity sequence in one round trip, then the three tables
/// are streamed with <see cref="NpgsqlBinaryImporter"/>. bench/ measured it at about a third of the database CPU of
/// EF's batched INSERTs for the same rows (docs/performance.md). Column lists are checked against the EF model
/// by a test, so a schema change cannot silently drop a column.
/// </summary>
public sealed class PostgresCopyEventWriter : IEventWriter
{
    internal static readonly string[] EventColumns =
    [
        "Id", "OwnerId", "CaptureId", "EventId", "ContentHash", "EventType", "EventTime", "EventTimeZoneOffset", "RecordTime",
        "Action", "BizStep", "Disposition", "ReadPoint", "BizLocation", "HasErrorDeclaration", "Json",
    ];
    internal static readonly string[] IdentifierColumns = ["TraceabilityEventId", "Role", "Value"];
    internal static readonly string[] ReferenceColumns = ["TraceabilityEventId", "Kind", "Type", "Value"];

    /// <summary>Marks where a write inside the caller's transaction began.</summary>
    private const string Savepoint = "capture_events";

    public async Task WriteAsync(VnTraceDbContext db, CaptureJob job, IReadOnlyList<TraceabilityEvent> events, CancellationToken ct)
    {
        // Inside the caller's transaction (an import storing its diary entries with its audit entry) the events join
        // it. PostgreSQL aborts a whole transaction on an error, so a savepoint lets a refused write leave the
        // caller's transaction usable for recording why.
        var outer = db.Database.CurrentTransaction;
        var own = outer is null ? await db.Database.BeginTransactionAsync(ct) : null;
        if (outer is not null)
            await outer.CreateSavepointAsync(Savepoint, ct);
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        try
        {
            await ReserveIdsAsync(connection, events, ct);
            await CopyAsync(connection, events, ct);
            db.CaptureJobs.Add(job);
            await db.SaveChangesAsync(ct);
            if (own is not null)
                await own.CommitAsync(ct);
            else
                await outer!.ReleaseSavepointAsync(Savepoint, ct);
        }
        catch (Exception ex) when (ex is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation }
                                   || ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            if (own is not null)
                await own.RollbackAsync(CancellationToken.None);
            else
                await outer!.RollbackToSavepointAsync(Savepoint, CancellationToken.None);
            throw new DuplicateEventException(ex);
        }
        finally
        {
            db.ChangeTracker.Clear();
            if (own is not null)
                await own.DisposeAsync();
        }
    }

    private static async Task ReserveIdsAsync(NpgsqlConnection connection, IReadOnlyList<TraceabilityEvent> events, CancellationToken ct)
    {
        if (events.Count == 0)
            return;
        await using var command = new NpgsqlCommand(
            "SELECT nextval(pg_get_serial_sequence('events', 'Id')) FROM generate_series(1, $1)", connection);
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = events.Count });
        await using var reader = await command.ExecuteReaderAsync(ct);
        var i = 0;
        while (await reader.ReadAsync(ct))
        {
            var id = reader.GetInt64(0);
            var e = events[i++];
            e.Id = id;
            foreach (var identifier in e.Identifiers)
                identifier.TraceabilityEventId = id;
            foreach (var reference in e.References)
                reference.TraceabilityEventId = id;
        }
    }

    private static string Copy(string table, string[] columns) =>
        $"COPY {table} ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) FROM STDIN (FORMAT BINARY)";

    /// <remarks>
    /// Rows are written with the synchronous Write: it fills Npgsql's buffer and only touches the socket when the
    /// buffer is full, while WriteAsync per field costs a state machine each (bench/: most of the client CPU of a
    /// capture). Completing the import is awaited.
    /// </remarks>
    internal static async Task CopyAsync(NpgsqlConnection connection, IReadOnlyList<TraceabilityEvent> events, CancellationToken ct)
    {
        await using (var w = await connection.BeginBinaryImportAsync(Copy("events", EventColumns), ct))
        {
            foreach (var e in events)
            {
                w.StartRow();
                w.Write(e.Id, NpgsqlDbType.Bigint);
                w.Write(e.OwnerId, NpgsqlDbType.Uuid);
                w.Write(e.CaptureId, NpgsqlDbType.Uuid);
                w.Write(e.EventId, NpgsqlDbType.Varchar);
                w.Write(e.ContentHash, NpgsqlDbType.Varchar);
                w.Write((int)e.EventType, NpgsqlDbType.Integer);
                w.Write(e.EventTime, NpgsqlDbType.TimestampTz);
                w.Write(e.EventTimeZoneOffset, NpgsqlDbType.Varchar);
                w.Write(e.RecordTime, NpgsqlDbType.TimestampTz);
                if (e.Action is { } action)
                    w.Write((int)action, NpgsqlDbType.Integer);
                else
                    w.WriteNull();
                WriteNullable(w, e.BizStep, NpgsqlDbType.Varchar);
                WriteNullable(w, e.Disposition, NpgsqlDbType.Varchar);
                WriteNullable(w, e.ReadPoint, NpgsqlDbType.Varchar);
                WriteNullable(w, e.BizLocation, NpgsqlDbType.Varchar);
                w.Write(e.HasErrorDeclaration, NpgsqlDbType.Boolean);
                w.Write(e.Json, NpgsqlDbType.Text);
            }
            await w.CompleteAsync(ct);
        }
        await using (var w = await connection.BeginBinaryImportAsync(Copy("event_identifiers", IdentifierColumns), ct))
        {
            foreach (var i in events.SelectMany(e => e.Identifiers))
            {
                w.StartRow();
                w.Write(i.TraceabilityEventId, NpgsqlDbType.Bigint);
                w.Write((short)i.Role, NpgsqlDbType.Smallint);
                w.Write(i.Value, NpgsqlDbType.Varchar);
            }
            await w.CompleteAsync(ct);
        }
        await using (var w = await connection.BeginBinaryImportAsync(Copy("event_references", ReferenceColumns), ct))
        {
            foreach (var r in events.SelectMany(e => e.References))
            {
                w.StartRow();
                w.Write(r.TraceabilityEventId, NpgsqlDbType.Bigint);
                w.Write((short)r.Kind, NpgsqlDbType.Smallint);
                w.Write(r.Type, NpgsqlDbType.Varchar);
                w.Write(r.Value, NpgsqlDbType.Varchar);
            }
            await w.CompleteAsync(ct);
        }
    }

    private static void WriteNullable(NpgsqlBinaryImporter w, string? value, NpgsqlDbType type)
    {
        if (value is null)
            w.WriteNull();
        else
            w.Write(value, type);
    }
}
