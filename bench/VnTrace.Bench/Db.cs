using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;
using VnTrace.Server.Platform.Data;

namespace VnTrace.Bench;

/// <summary>Database helpers for the in-process measurements.</summary>
public static class Db
{
    /// <summary>A context configured as the server configures its own (DataSetup.ConfigurePostgres: no-tracking reads).</summary>
    public static PostgresVnTraceDbContext Context(string connectionString, params IInterceptor[] interceptors)
    {
        var b = new DbContextOptionsBuilder<PostgresVnTraceDbContext>();
        b.UseNpgsql(connectionString).UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking);
        if (interceptors.Length > 0)
            b.AddInterceptors(interceptors);
        return new PostgresVnTraceDbContext(b.Options);
    }

    public static async Task<long> ScalarAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, connection) { CommandTimeout = 600 };
        return Convert.ToInt64(await cmd.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    public static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, connection) { CommandTimeout = 1800 };
        await cmd.ExecuteNonQueryAsync();
    }
}

/// <summary>Remembers the SQL commands EF sends: how many, how many statements, and the last one with its parameters.</summary>
public sealed class SqlRecorder : DbCommandInterceptor
{
    public int Commands { get; private set; }
    public int InsertStatements { get; private set; }
    public string? LastSql { get; private set; }
    public List<NpgsqlParameter> LastParameters { get; } = [];

    public void Reset()
    {
        Commands = 0;
        InsertStatements = 0;
    }

    private void Record(DbCommand command)
    {
        Commands++;
        var text = command.CommandText;
        for (var i = text.IndexOf("INSERT INTO", StringComparison.Ordinal); i >= 0; i = text.IndexOf("INSERT INTO", i + 1, StringComparison.Ordinal))
            InsertStatements++;
        LastSql = text;
        LastParameters.Clear();
        foreach (NpgsqlParameter p in command.Parameters)
            LastParameters.Add(p.Clone());
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return base.NonQueryExecutingAsync(command, eventData, result, cancellationToken);
    }
}

public static class Fmt
{
    public static string N(double value, string format = "0.0") => value.ToString(format, CultureInfo.InvariantCulture);
    public static string Int(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
