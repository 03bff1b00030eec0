using System.Globalization;

namespace VnTrace.Bench;

/// <summary>CPU seconds (user + system) used by the server process, PostgreSQL and this load driver.</summary>
public sealed record CpuUsage(double Server, double Postgres, double Driver)
{
    public static readonly CpuUsage None = new(0, 0, 0);
    public static CpuUsage operator +(CpuUsage a, CpuUsage b) => new(a.Server + b.Server, a.Postgres + b.Postgres, a.Driver + b.Driver);
    public static CpuUsage operator -(CpuUsage a, CpuUsage b) => new(a.Server - b.Server, a.Postgres - b.Postgres, a.Driver - b.Driver);
    public double Total => Server + Postgres + Driver;
}

/// <summary>
/// Reads /proc/[pid]/stat. PostgreSQL is the postmaster listening on the benchmark's port and its children (backends,
/// WAL writer, checkpointer); a backend that exits between two samples takes its time with it, which pooled
/// connections avoid.
/// </summary>
public sealed class CpuMeter(int serverPid, int postgresPort)
{
    private static readonly double TicksPerSecond = 100.0; // USER_HZ on Linux
    private int? postmaster;

    public CpuUsage Sample()
    {
        postmaster ??= FindPostmaster(postgresPort);
        double pg = 0;
        if (postmaster is int pm)
        {
            foreach (var dir in Directory.EnumerateDirectories("/proc"))
            {
                if (!int.TryParse(Path.GetFileName(dir), out var pid))
                    continue;
                if (Read(pid) is { } s && (pid == pm || s.ParentPid == pm))
                    pg += s.Seconds;
            }
        }
        return new CpuUsage(Read(serverPid)?.Seconds ?? 0, pg, Read(Environment.ProcessId)?.Seconds ?? 0);
    }

    private static (int ParentPid, double Seconds)? Read(int pid)
    {
        try
        {
            var text = File.ReadAllText($"/proc/{pid}/stat");
            var fields = text[(text.LastIndexOf(')') + 2)..].Split(' ');
            // After "pid (comm) ": state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime stime
            var utime = long.Parse(fields[11], CultureInfo.InvariantCulture);
            var stime = long.Parse(fields[12], CultureInfo.InvariantCulture);
            return (int.Parse(fields[1], CultureInfo.InvariantCulture), (utime + stime) / TicksPerSecond);
        }
        catch (IOException) { return null; }
        catch (UnauthorizedAccessException) { return null; }
    }

    private static int? FindPostmaster(int port)
    {
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid))
                continue;
            try
            {
                var args = File.ReadAllText(Path.Combine(dir, "cmdline")).Split('\0');
                if (args.Length > 0 && args[0].EndsWith("/postgres", StringComparison.Ordinal)
                    && args.Zip(args.Skip(1)).Any(p => p.First == "-p" && p.Second == port.ToString(CultureInfo.InvariantCulture)))
                    return pid;
            }
            catch (IOException) { }
            catch (UnauthorizedAccessException) { }
        }
        return null;
    }
}
