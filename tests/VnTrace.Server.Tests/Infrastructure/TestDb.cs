using Microsoft.Extensions.DependencyInjection;
using VnTrace.Server.Platform.Data;

namespace VnTrace.Server.Tests.Infrastructure;

/// <summary>
/// The one way a test reads or writes the database behind the pages and APIs: a context of its own scope, outside any
/// request. Such a context has no tenant (<see cref="ITenant"/>), and the Tenant query filter then admits none of an
/// organization's rows: a test that reads a tenant-owned entity opts out on that query, visibly, with
/// <c>IgnoreTenantFilter(TestDb.OutsideAnyRequest)</c>. EF Core switches named filters off per query, not per
/// context, so the opt-out cannot be made once here without hiding which reads depend on it.
/// </summary>
public static class TestDb
{
    /// <summary>The reason a test gives <see cref="TenantQueries.IgnoreTenantFilter"/>.</summary>
    public const string OutsideAnyRequest = "the test reads stored rows from outside any request";

    public static async Task<T> WithDbAsync<T>(this VnTraceApp app, Func<VnTraceDbContext, Task<T>> work)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<VnTraceDbContext>());
    }

    public static async Task WithDbAsync(this VnTraceApp app, Func<VnTraceDbContext, Task> work)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await work(scope.ServiceProvider.GetRequiredService<VnTraceDbContext>());
    }
}
