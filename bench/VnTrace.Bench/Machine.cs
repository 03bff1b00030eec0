using System.Globalization;
using System.Runtime.InteropServices;
using Npgsql;

namespace VnTrace.Bench;

/// <summary>The machine a run was measured on, as the report states it.</summary>
public sealed record Machine(int Cores, string Cpu, string Ram, string LoadAverage, string Os, string DotNet, string? Postgres, DateTimeOffset Date)
{
    public static Machine Describe() => new(
        Environment.ProcessorCount,
        ReadField("/proc/cpuinfo", "model name") ?? RuntimeInformation.ProcessArchitecture.ToString(),
        ReadField("/proc/meminfo", "MemTotal") is { } kb && long.TryParse(kb.Split(' ')[0], CultureInfo.InvariantCulture, out var k)
            ? $"{k / 1024.0 / 1024.0:0.0} GiB" : "?",
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?",
        RuntimeInformation.OSDescription,
        RuntimeInformation.FrameworkDescription,
        null,
        DateTimeOffset.Now);

    public async Task<Machine> WithPostgresAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var cmd = new NpgsqlCommand("SHOW server_version", connection);
        return this with { Postgres = "PostgreSQL " + (string?)await cmd.ExecuteScalarAsync() };
    }

    private static string? ReadField(string file, string name)
    {
        if (!File.Exists(file))
            return null;
        return File.ReadLines(file)
            .Where(l => l.StartsWith(name, StringComparison.Ordinal))
            .Select(l => l[(l.IndexOf(':') + 1)..].Trim())
            .FirstOrDefault();
    }

    public string Markdown() =>
        $"{Cores} cores ({Cpu}), {Ram} RAM, load average {LoadAverage} at start; {Os}; {DotNet}; {(Postgres is null ? "" : Postgres + "; ")}"
        + $"{Date:yyyy-MM-dd HH:mm zzz}.";
}
