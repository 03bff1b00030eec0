using System.Diagnostics;
using System.Net;

namespace VnTrace.Bench;

/// <summary>Latencies of a load run and its wall time.</summary>
public sealed record LoadResult(string Name, int Requests, int Connections, double[] LatenciesMs, TimeSpan Elapsed, CpuUsage Cpu, long ResponseBytes)
{
    public double BytesPerResponse => (double)ResponseBytes / Requests;
    public double PerSecond => Requests / Elapsed.TotalSeconds;
    public double P50 => Percentile(0.50);
    public double P99 => Percentile(0.99);
    public double Mean => LatenciesMs.Average();
    public double Max => LatenciesMs.Max();

    public double Percentile(double p)
    {
        var sorted = LatenciesMs.Order().ToArray();
        var rank = (int)Math.Ceiling(p * sorted.Length) - 1;
        return sorted[Math.Clamp(rank, 0, sorted.Length - 1)];
    }
}

/// <summary>
/// Sends a fixed number of requests over a fixed number of HTTP/1.1 keep-alive connections, one request in flight per
/// connection (a closed loop), and records each request's latency. Bounded by count and by a deadline.
/// </summary>
public sealed class LoadDriver(Uri baseAddress, string? apiKey, int connections) : IDisposable
{
    private readonly HttpClient http = new(new SocketsHttpHandler
    {
        MaxConnectionsPerServer = connections,
        PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
        PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
        AutomaticDecompression = DecompressionMethods.None,
        UseProxy = false,
    })
    {
        BaseAddress = baseAddress,
        Timeout = TimeSpan.FromSeconds(120),
        DefaultRequestVersion = HttpVersion.Version11,
    };

    /// <param name="request">Builds request i (0-based).</param>
    /// <param name="expected">The status every response must have; the run stops at the first other.</param>
    public async Task<LoadResult> RunAsync(string name, int requests, Func<int, HttpRequestMessage> request, HttpStatusCode expected,
        TimeSpan deadline, CpuMeter? cpu = null, Action<int, byte[]>? inspect = null)
    {
        long bytes = 0;
        var latencies = new double[requests];
        var next = -1;
        using var cts = new CancellationTokenSource(deadline);
        var before = cpu?.Sample();
        var wall = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, connections).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < requests)
            {
                using var message = request(i);
                if (apiKey is not null)
                    message.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", apiKey);
                var start = Stopwatch.GetTimestamp();
                using var response = await http.SendAsync(message, HttpCompletionOption.ResponseContentRead, cts.Token);
                var body = await response.Content.ReadAsByteArrayAsync(cts.Token);
                latencies[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                Interlocked.Add(ref bytes, body.Length);
                if (response.StatusCode != expected)
                    throw new InvalidOperationException(
                        $"{name}: request {i} {message.Method} {message.RequestUri} answered {(int)response.StatusCode}, expected {(int)expected}: "
                        + System.Text.Encoding.UTF8.GetString(body.AsSpan(0, Math.Min(body.Length, 2000))));
                inspect?.Invoke(i, body);
            }
        }, cts.Token)).ToArray();
        try
        {
            await Task.WhenAll(workers);
        }
        catch (OperationCanceledException) when (cts.IsCancellationRequested)
        {
            throw new TimeoutException($"{name}: not finished within {deadline.TotalMinutes:0.#} min; the run stopped.");
        }
        wall.Stop();
        var usage = cpu is null ? CpuUsage.None : cpu.Sample() - before!;
        return new LoadResult(name, requests, connections, latencies, wall.Elapsed, usage, bytes);
    }

    public void Dispose() => http.Dispose();
}
