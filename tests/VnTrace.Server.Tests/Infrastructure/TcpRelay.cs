using System.Net;
using System.Net.Sockets;

namespace VnTrace.Server.Tests.Infrastructure;

/// <summary>
/// A loopback TCP relay in front of a real server (the test PostgreSQL), so a test can take the database away from
/// the app — <see cref="Stop"/> closes the port and every open connection, as a crashed or unreachable server
/// would — without stopping the server the other tests share.
/// </summary>
public sealed class TcpRelay : IAsyncDisposable
{
    private readonly TcpListener listener;
    private readonly int targetPort;
    private readonly CancellationTokenSource stopping = new();
    private readonly List<TcpClient> open = [];
    private readonly Task accepting;

    public int Port { get; }

    public TcpRelay(int targetPort) : this(0, targetPort)
    {
    }

    private TcpRelay(int port, int targetPort)
    {
        this.targetPort = targetPort;
        listener = new TcpListener(IPAddress.Loopback, port);
        listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        listener.Start();
        Port = ((IPEndPoint)listener.LocalEndpoint).Port;
        accepting = AcceptAsync();
    }

    /// <summary>A relay on a port a stopped relay had: the database coming back where the app expects it.</summary>
    public static TcpRelay OnPort(int port, int targetPort) => new(port, targetPort);

    private async Task AcceptAsync()
    {
        try
        {
            while (true)
            {
                var client = await listener.AcceptTcpClientAsync(stopping.Token);
                var upstream = new TcpClient();
                await upstream.ConnectAsync(IPAddress.Loopback, targetPort, stopping.Token);
                lock (open)
                    open.AddRange([client, upstream]);
                _ = PumpAsync(client.GetStream(), upstream.GetStream());
                _ = PumpAsync(upstream.GetStream(), client.GetStream());
            }
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }
    }

    private async Task PumpAsync(NetworkStream from, NetworkStream to)
    {
        try
        {
            await from.CopyToAsync(to, stopping.Token);
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or ObjectDisposedException)
        {
        }
    }

    /// <summary>Refuses new connections and resets the open ones.</summary>
    public void Stop()
    {
        stopping.Cancel();
        listener.Stop();
        lock (open)
        {
            foreach (var c in open)
            {
                c.Client.LingerState = new LingerOption(true, 0); // a reset, not a polite close
                c.Dispose();
            }
            open.Clear();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!stopping.IsCancellationRequested)
            Stop();
        await accepting;
        stopping.Dispose();
    }
}
