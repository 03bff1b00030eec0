using System.Data.Common;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;
using VnTrace.Server.Platform.Data;

namespace VnTrace.Server.Labels;

/// <summary>
/// Inserts a batch's serials, in the order given (their ids follow it, and labels are printed in id order), inside
/// the transaction the caller has begun on <paramref name="db"/>. Bulk paths, since a batch is up to 100,000 rows:
/// PostgreSQL binary COPY, SQLite one prepared multi-row INSERT reused. A serial already issued for the GTIN fails
/// the whole call with the provider's unique-violation error (see <see cref="IsUniqueViolation"/>).
/// </summary>
internal static class IssuedSerialWriter
{
    /// <summary>Columns written, in order; a test checks them against the EF model.</summary>
    internal static readonly string[] Columns = ["BatchId", "Gtin", "LotNumber", "Serial"];

    /// <summary>Rows per SQLite statement: 4 + 500 parameters, far below SQLite's 32,766.</summary>
    private const int SqliteRowsPerStatement = 500;

    public static Task WriteAsync(VnTraceDbContext db, Guid batchId, string gtin, string lotNumber, IReadOnlyList<string> serials, CancellationToken ct)
    {
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("Serials are written inside the batch's transaction.");
        return db.Database.IsNpgsql()
            ? CopyAsync((NpgsqlConnection)db.Database.GetDbConnection(), batchId, gtin, lotNumber, serials, ct)
            : InsertAsync((SqliteConnection)db.Database.GetDbConnection(), (SqliteTransaction)transaction, batchId, gtin, lotNumber, serials, ct);
    }

    public static bool IsUniqueViolation(Exception ex) =>
        ex is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation }
        || ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation }
        || ex is SqliteException { SqliteExtendedErrorCode: 2067 or 1555 }
        || ex.InnerException is SqliteException { SqliteExtendedErrorCode: 2067 or 1555 };

    private static async Task CopyAsync(NpgsqlConnection connection, Guid batchId, string gtin, string lotNumber, IReadOnlyList<string> serials, CancellationToken ct)
    {
        var columns = string.Join(", ", Columns.Select(c => $"\"{c}\""));
        await using var w = await connection.BeginBinaryImportAsync($"COPY issued_serials ({columns}) FROM STDIN (FORMAT BINARY)", ct);
        // Synchronous Write fills Npgsql's buffer and only touches the socket when it is full (as PostgresCopyEventWriter).
        foreach (var serial in serials)
        {
            w.StartRow();
            w.Write(batchId, NpgsqlDbType.Uuid);
            w.Write(gtin, NpgsqlDbType.Varchar);
            w.Write(lotNumber, NpgsqlDbType.Varchar);
            w.Write(serial, NpgsqlDbType.Varchar);
        }
        await w.CompleteAsync(ct);
    }

    private static async Task InsertAsync(SqliteConnection connection, SqliteTransaction transaction, Guid batchId, string gtin, string lotNumber,
        IReadOnlyList<string> serials, CancellationToken ct)
    {
        // EF Core keeps a Guid in SQLite as upper-case text; the row must match what EF queries for.
        var batch = batchId.ToString().ToUpperInvariant();
        DbCommand? full = null;
        try
        {
            for (var start = 0; start < serials.Count; start += SqliteRowsPerStatement)
            {
                var rows = Math.Min(SqliteRowsPerStatement, serials.Count - start);
                DbCommand command;
                if (rows == SqliteRowsPerStatement)
                    command = full ??= Prepare(connection, transaction, rows, batch, gtin, lotNumber);
                else
                    command = Prepare(connection, transaction, rows, batch, gtin, lotNumber);
                for (var i = 0; i < rows; i++)
                    command.Parameters[3 + i].Value = serials[start + i];
                await command.ExecuteNonQueryAsync(ct);
                if (command != full)
                    await command.DisposeAsync();
            }
        }
        finally
        {
            if (full is not null)
                await full.DisposeAsync();
        }
    }

    private static SqliteCommand Prepare(SqliteConnection connection, SqliteTransaction transaction, int rows, string batch, string gtin, string lotNumber)
    {
        var sql = new StringBuilder($"INSERT INTO issued_serials ({string.Join(", ", Columns.Select(c => $"\"{c}\""))}) VALUES ");
        for (var i = 0; i < rows; i++)
            sql.Append(i == 0 ? "" : ", ").Append("($b, $g, $l, $s").Append(i).Append(')');
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql.ToString();
        command.Parameters.AddWithValue("$b", batch);
        command.Parameters.AddWithValue("$g", gtin);
        command.Parameters.AddWithValue("$l", lotNumber);
        for (var i = 0; i < rows; i++)
            command.Parameters.Add(new SqliteParameter("$s" + i, SqliteType.Text));
        command.Prepare();
        return command;
    }
}
