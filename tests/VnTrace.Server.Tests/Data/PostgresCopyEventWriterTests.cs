using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.DependencyInjection;
using VnTrace.Server.Data;
using VnTrace.Server.Tests.Infrastructure;

namespace VnTrace.Server.Tests.Data;

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
}
