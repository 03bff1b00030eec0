using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace VnTrace.Bench;

/// <summary>
/// The real server, as a separate process: <c>dotnet VnTrace.Server.dll</c> on PostgreSQL, a free loopback port and
/// log level Warning. Also runs its admin commands (which migrate the database first).
/// </summary>
public sealed partial class ServerProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly string dataDir;

    public Uri BaseAddress { get; }
    public int ProcessId => process.Id;

    private ServerProcess(Process process, Uri baseAddress, string dataDir)
    {
        this.process = process;
        BaseAddress = baseAddress;
        this.dataDir = dataDir;
    }

    /// <param name="environment">Extra settings for this run (VnTrace__Section__Key form).</param>
    public static async Task<ServerProcess> StartAsync(string serverDll, string connectionString, TimeSpan timeout,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        var port = FreePort();
        var dataDir = Directory.CreateTempSubdirectory("vntrace-bench-server-").FullName;
        var start = StartInfo(serverDll, connectionString, dataDir, ["--urls", $"http://127.0.0.1:{port}"]);
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
            start.Environment[name] = value;
        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {serverDll}.");
        // Drain the output so the server never blocks on a full pipe; keep the tail for error messages.
        var tail = new Queue<string>();
        void Keep(string? line)
        {
            if (line is null) return;
            lock (tail) { tail.Enqueue(line); if (tail.Count > 40) tail.Dequeue(); }
        }
        process.OutputDataReceived += (_, e) => Keep(e.Data);
        process.ErrorDataReceived += (_, e) => Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var server = new ServerProcess(process, new Uri($"http://127.0.0.1:{port}"), dataDir);
        using var http = new HttpClient { BaseAddress = server.BaseAddress, Timeout = TimeSpan.FromSeconds(2) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < timeout)
        {
            if (process.HasExited)
                break;
            try
            {
                using var response = await http.GetAsync("/health");
                if (response.IsSuccessStatusCode)
                    return server;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(200);
        }
        await server.DisposeAsync();
        string log;
        lock (tail) log = string.Join('\n', tail);
        throw new InvalidOperationException($"The server did not answer /health within {timeout.TotalSeconds:0} s. Its output:\n{log}");
    }

    /// <summary>Runs <c>admin …</c> and returns its output; the server migrates the database before any command.</summary>
    public static async Task<string> AdminAsync(string serverDll, string connectionString, params string[] arguments)
    {
        var dataDir = Directory.CreateTempSubdirectory("vntrace-bench-admin-").FullName;
        try
        {
            var start = StartInfo(serverDll, connectionString, dataDir, ["admin", .. arguments]);
            using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {serverDll}.");
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            await process.WaitForExitAsync(cts.Token);
            if (process.ExitCode != 0)
                throw new InvalidOperationException($"admin {string.Join(' ', arguments)} exited with {process.ExitCode}: {await stdout} {await stderr}");
            return await stdout;
        }
        finally
        {
            Directory.Delete(dataDir, recursive: true);
        }
    }

    /// <summary>Migrates the database, creates an organization and an API key for it, with the admin commands.</summary>
    public static async Task<(Guid Organization, string ApiKey)> CreateTenantAsync(string serverDll, string connectionString, string name)
    {
        var id = await CreateOrganizationAsync(serverDll, connectionString, name);
        return (id, await CreateKeyAsync(serverDll, connectionString, id));
    }

    /// <summary>Creates an API key for an organization, with the admin command, and returns it.</summary>
    public static async Task<string> CreateKeyAsync(string serverDll, string connectionString, Guid organization)
    {
        var keyOutput = await AdminAsync(serverDll, connectionString, "create-key", "--organization", organization.ToString(), "--name", "bench");
        return keyOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault()
            ?? throw new InvalidOperationException($"Unexpected create-key output: {keyOutput}");
    }

    /// <summary>Migrates the database and creates an organization, with the admin command (extra options such as --gln, --authority).</summary>
    public static async Task<Guid> CreateOrganizationAsync(string serverDll, string connectionString, string name, params string[] options)
    {
        var created = await AdminAsync(serverDll, connectionString, ["create-organization", "--name", name, .. options]);
        return Guid.Parse(OrganizationLine().Match(created) is { Success: true } m ? m.Groups[1].Value
            : throw new InvalidOperationException($"Unexpected create-organization output: {created}"));
    }

    [GeneratedRegex(@"Organization created: ([0-9a-fA-F-]{36})")]
    private static partial Regex OrganizationLine();

    private static ProcessStartInfo StartInfo(string serverDll, string connectionString, string dataDir, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(Path.GetFullPath(serverDll))!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.GetFullPath(serverDll));
        foreach (var a in arguments)
            start.ArgumentList.Add(a);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["VnTrace__Provider"] = "Postgres";
        start.Environment["VnTrace__ConnectionString"] = connectionString;
        start.Environment["VnTrace__SeedDemo"] = "false";
        start.Environment["VnTrace__DataDir"] = dataDir;
        // Required outside Development (issue 12): the address QR codes and pages give; nothing resolves it here.
        start.Environment["VnTrace__PublicBaseUrl"] = "https://txng.bench.example";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["Logging__LogLevel__Microsoft.AspNetCore"] = "Warning";
        start.Environment["Logging__LogLevel__Microsoft.EntityFrameworkCore"] = "Warning";
        return start;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            try { await process.WaitForExitAsync(cts.Token); } catch (OperationCanceledException) { }
        }
        process.Dispose();
        try { Directory.Delete(dataDir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
