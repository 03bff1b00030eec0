using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.DependencyInjection;
using VnTrace.Gs1.Epcis;
using VnTrace.Server.Capture;
using VnTrace.Server.Platform.Data;
using VnTrace.Server.Platform.Events;
using VnTrace.Server.Tests.Infrastructure;

namespace VnTrace.Server.Tests.Platform.Data;

public sealed class PostgresCopyEventWriterTests(PostgresAppFixture fixture) : IClassFixture<PostgresAppFixture>
{
    [Theory]
    [InlineData(typeof(TraceabilityEvent), "events")]
    [InlineData(typeof(EventIdentifier), "event_identifiers")]
    [InlineData(typeof(EventReference), "event_references")]
    public void Copy_columns_are_exactly_the_model_columns(Type entity, string table)
    {
        using var scope = fixture.App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<VnTraceDbContext>();
        Assert.IsType<PostgresCopyEventWriter>(scope.ServiceProvider.GetRequiredService<IEventWriter>());
        var type = db.Model.FindEntityType(entity)!;
        Assert.Equal(table, type.GetTableName());
        var store = StoreObjectIdentifier.Table(table, type.GetSchema());
        var modelColumns = type.GetProperties().Select(p => p.GetColumnName(store)!).Order(StringComparer.Ordinal);
        var copied = entity == typeof(TraceabilityEvent) ? PostgresCopyEventWriter.EventColumns
            : entity == typeof(EventIdentifier) ? PostgresCopyEventWriter.IdentifierColumns
            : PostgresCopyEventWriter.ReferenceColumns;
        Assert.Equal(modelColumns, copied.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Inside_the_callers_transaction_the_events_join_it_and_a_refused_write_leaves_it_usable()
    {
        var user = await fixture.App.CreateBusinessUserAsync("Ghi trong giao dịch " + Guid.NewGuid().ToString("N")[..6]);
        var owner = user.OrganizationId!.Value;
        await using var scope = fixture.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<VnTraceDbContext>();
        var writer = scope.ServiceProvider.GetRequiredService<IEventWriter>();
        Task WriteAsync(string eventId)
        {
            var job = new CaptureJob { OwnerId = owner, EventCount = 1, StoredCount = 1, Running = false, Success = true };
            var e = new EpcisEvent
            {
                Type = EpcisEventType.ObjectEvent,
                Action = EpcisAction.Observe,
                EventTime = DateTimeOffset.UtcNow,
                EventTimeZoneOffset = "+07:00",
                EpcList = ["urn:epc:id:sgtin:0614141.107346.2017"],
            };
            return writer.WriteAsync(db, job, [CaptureService.ToEntity(owner, job.Id, e, eventId, "hash-" + eventId, DateTime.UtcNow)], CancellationToken.None);
        }

        await WriteAsync("first");
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            await WriteAsync("kept");
            await Assert.ThrowsAsync<DuplicateEventException>(() => WriteAsync("first"));
            // PostgreSQL would refuse every statement of an aborted transaction; the savepoint spared it.
            await WriteAsync("after");
            await transaction.CommitAsync();
        }
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            await WriteAsync("rolled-back");
            await transaction.RollbackAsync();
        }

        var stored = await db.Events.Where(e => e.OwnerId == owner).Select(e => e.EventId).OrderBy(id => id).ToListAsync();
        Assert.Equal(["after", "first", "kept"], stored);
        Assert.Equal(3, await db.CaptureJobs.CountAsync(j => j.OwnerId == owner));
    }
}
