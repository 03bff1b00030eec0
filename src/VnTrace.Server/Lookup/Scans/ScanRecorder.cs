using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;
using VnTrace.Server.Platform.Data;

namespace VnTrace.Server.Lookup.Scans;

/// <summary>
/// Takes scans from the request path without waiting for the database: a bounded in-memory queue that
/// <see cref="ScanWriter"/> empties in batches. A consumer page served from the cache in microseconds must not wait
/// milliseconds for an INSERT, and a thousand scans a second become a few multi-row inserts instead of a thousand
/// round trips. The price: scans still queued when the process dies are lost (they are statistics, not records),
/// and when the queue is full new scans are dropped and counted rather than slowing anyone's page.
/// </summary>
public sealed class ScanRecorder(LookupOptions options)
{
    private readonly Channel<Scan> queue = Channel.CreateBounded<Scan>(new BoundedChannelOptions(options.ScanQueueCapacity)
    {
        FullMode = BoundedChannelFullMode.Wait, // with TryWrite: refuse when full, never block
        SingleReader = true,
    });
    private long pending;
    private long dropped;

    internal ChannelReader<Scan> Reader => queue.Reader;

    /// <summary>Scans dropped because the queue was full, since the process started.</summary>
    public long Dropped => Interlocked.Read(ref dropped);

    public bool TryRecord(Scan scan)
    {
        Interlocked.Increment(ref pending);
        if (queue.Writer.TryWrite(scan))
            return true;
        Interlocked.Decrement(ref pending);
        Interlocked.Increment(ref dropped);
        return false;
    }

    internal void Written(int count) => Interlocked.Add(ref pending, -count);

    /// <summary>Waits until every scan recorded so far is in the database (tests, and a verdict that must see the previous scan).</summary>
    public async Task DrainAsync(TimeSpan timeout, CancellationToken ct = default)
    {
        var until = DateTime.UtcNow + timeout;
        while (Interlocked.Read(ref pending) > 0)
        {
            if (DateTime.UtcNow > until)
                throw new TimeoutException($"{Interlocked.Read(ref pending)} scans still waiting for the writer after {timeout}.");
            await Task.Delay(10, ct);
        }
    }

    internal void Complete() => queue.Writer.TryComplete();
}

/// <summary>Writes queued scans in batches, filling in the business each code belongs to.</summary>
public sealed class ScanWriter(ScanRecorder recorder, IServiceScopeFactory scopes, ILogger<ScanWriter> logger) : BackgroundService
{
    private const int BatchSize = 5000;
    private static readonly TimeSpan Gather = TimeSpan.FromMilliseconds(50);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<Scan>(BatchSize);
        var reader = recorder.Reader;
        try
        {
            while (await reader.WaitToReadAsync(stoppingToken))
            {
                while (batch.Count < BatchSize && reader.TryRead(out var scan))
                    batch.Add(scan);
                // A trickle waits a moment so that a few scans become one insert; a busy queue is written at once.
                if (batch.Count < BatchSize)
                {
                    await Task.Delay(Gather, stoppingToken);
                    while (batch.Count < BatchSize && reader.TryRead(out var scan))
                        batch.Add(scan);
                }
                await WriteAsync(batch, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        // On shutdown, what is already queued is written if it can be.
        while (reader.TryRead(out var scan))
        {
            batch.Add(scan);
            if (batch.Count == BatchSize)
                await WriteAsync(batch, CancellationToken.None);
        }
        await WriteAsync(batch, CancellationToken.None);
    }

    /// <summary>The columns the COPY writes (all but the generated id); a test holds them to the EF model.</summary>
    internal static readonly string[] CopyColumns =
        ["ScannedAt", "Identifier", "Gtin", "LotNumber", "Serial", "OrganizationId", "UserAgentHash", "AddressHash", "Latitude", "Longitude"];

    /// <summary>
    /// PostgreSQL binary COPY of a batch: at the rate of a busy resolver the writer's CPU competes with the pages it
    /// counts, and COPY costs a fraction of EF's INSERT statements (bench/, docs/performance.md).
    /// </summary>
    private static async Task CopyAsync(NpgsqlConnection connection, List<Scan> batch, CancellationToken ct)
    {
        await using var w = await connection.BeginBinaryImportAsync(
            $"COPY scans ({string.Join(", ", CopyColumns.Select(c => $"\"{c}\""))}) FROM STDIN (FORMAT BINARY)", ct);
        foreach (var s in batch)
        {
            w.StartRow();
            w.Write(s.ScannedAt, NpgsqlDbType.TimestampTz);
            w.Write(s.Identifier, NpgsqlDbType.Varchar);
            Nullable(w, s.Gtin);
            Nullable(w, s.LotNumber);
            Nullable(w, s.Serial);
            if (s.OrganizationId is { } organization)
                w.Write(organization, NpgsqlDbType.Uuid);
            else
                w.WriteNull();
            w.Write(s.UserAgentHash, NpgsqlDbType.Varchar);
            Nullable(w, s.AddressHash);
            if (s.Latitude is { } latitude && s.Longitude is { } longitude)
            {
                w.Write(latitude, NpgsqlDbType.Double);
                w.Write(longitude, NpgsqlDbType.Double);
            }
            else
            {
                w.WriteNull();
                w.WriteNull();
            }
        }
        await w.CompleteAsync(ct);
    }

    private static void Nullable(NpgsqlBinaryImporter w, string? value)
    {
        if (value is null)
            w.WriteNull();
        else
            w.Write(value, NpgsqlDbType.Varchar);
    }

    private async Task WriteAsync(List<Scan> batch, CancellationToken ct)
    {
        if (batch.Count == 0)
            return;
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<VnTraceDbContext>();
            var gtins = batch.Where(s => s.Gtin is not null).Select(s => s.Gtin!).Distinct().ToList();
            var owners = gtins.Count == 0 ? [] : await db.Products.IgnoreTenantFilter("each scan is counted for the business that declared the code")
                .Where(p => gtins.Contains(p.Gtin))
                .Select(p => new { p.Gtin, p.OrganizationId }).ToDictionaryAsync(p => p.Gtin, p => p.OrganizationId, ct);
            foreach (var scan in batch)
                if (scan.Gtin is not null && owners.TryGetValue(scan.Gtin, out var owner))
                    scan.OrganizationId = owner;
            if (db.Database.IsNpgsql())
            {
                await db.Database.OpenConnectionAsync(ct);
                try
                {
                    await CopyAsync((NpgsqlConnection)db.Database.GetDbConnection(), batch, ct);
                }
                finally
                {
                    await db.Database.CloseConnectionAsync();
                }
            }
            else
            {
                db.Scans.AddRange(batch);
                await db.SaveChangesAsync(ct);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            logger.LogWarning(ex, "{Count} scans could not be written and are dropped", batch.Count);
        }
        finally
        {
            recorder.Written(batch.Count);
            batch.Clear();
        }
    }
}
