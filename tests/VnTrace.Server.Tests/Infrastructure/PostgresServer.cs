using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace VnTrace.Server.Tests.Infrastructure;

/// <summary>
/// A real PostgreSQL server for the test run: initdb in a temp folder, listening on a free loopback port, stopped
/// and deleted at the end. PostgreSQL refuses to run as root, so as root it runs as the 'postgres' user.
/// Each test class asks for its own database.
/// </summary>
public sealed class PostgresServer : IAsyncLifetime
{
    private string? dataDir;
    private string? binDir;
    private bool asPostgresUser;
    public int Port { get; private set; }

    /// <summary>Why the server could not start, when it could not; tests then fail with this message.</summary>
    public string? Unavailable { get; private set; }

    public async ValueTask InitializeAsync()
    {
        binDir = FindBinDir();
        if (binDir is null)
        {
            Unavailable = "PostgreSQL server binaries (initdb, pg_ctl) were not found; the README's test command installs them (apt-get install postgresql).";
            return;
        }
        asPostgresUser = Environment.UserName == "root";
        dataDir = Path.Combine(Path.GetTempPath(), "vntrace-pg-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(dataDir);
        if (asPostgresUser)
            await Run("chown", $"postgres:postgres {dataDir}", asPostgres: false);
        Port = FreePort();
        await Run(Path.Combine(binDir, "initdb"), $"-D {dataDir}/db -U postgres -A trust -E UTF8 --locale=C.UTF-8 --no-sync", asPostgresUser);
        var options = $"-p {Port} -k {dataDir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200";
        await Run(Path.Combine(binDir, "pg_ctl"), $"-D {dataDir}/db -l {dataDir}/server.log -o \"{options}\" -w -t 60 start", asPostgresUser);
    }

    public async ValueTask DisposeAsync()
    {
        if (dataDir is null || binDir is null)
            return;
        try
        {
            await Run(Path.Combine(binDir, "pg_ctl"), $"-D {dataDir}/db -m immediate -w stop", asPostgresUser);
        }
        finally
        {
            try { Directory.Delete(dataDir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    /// <summary>Creates an empty database and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string prefix)
    {
        if (Unavailable is not null)
            throw new InvalidOperationException(Unavailable);
        var name = $"{prefix}_{Guid.NewGuid():N}"[..Math.Min(60, prefix.Length + 33)].ToLowerInvariant();
        await using (var admin = new NpgsqlConnection(ConnectionString("postgres")))
        {
            await admin.OpenAsync();
            await using var cmd = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", admin);
            await cmd.ExecuteNonQueryAsync();
        }
        return ConnectionString(name);
    }

    public string ConnectionString(string database) =>
        $"Host=127.0.0.1;Port={Port};Username=postgres;Database={database};Pooling=true;Maximum Pool Size=50";

    private static string? FindBinDir()
    {
        const string root = "/usr/lib/postgresql";
        if (!Directory.Exists(root))
            return null;
        return Directory.GetDirectories(root)
            .Select(d => Path.Combine(d, "bin"))
            .Where(d => File.Exists(Path.Combine(d, "initdb")) && File.Exists(Path.Combine(d, "pg_ctl")))
            .OrderByDescending(d => d, StringComparer.Ordinal)
            .FirstOrDefault();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task Run(string file, string arguments, bool asPostgres)
    {
        var start = asPostgres
            ? new ProcessStartInfo("runuser", $"-u postgres -- {file} {arguments}")
            : new ProcessStartInfo(file, arguments);
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.WorkingDirectory = Path.GetTempPath();
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {file}.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{file} {arguments} exited with {process.ExitCode}: {await stderr} {await stdout}");
    }
}
