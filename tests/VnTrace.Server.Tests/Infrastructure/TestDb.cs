using Microsoft.Extensions.DependencyInjection;
using VnTrace.Server.Platform.Data;

namespace VnTrace.Server.Tests.Infrastructure;

/// <summary>
/// The one way a test reads or writes the database behind the pages and APIs: a context of its own scope, outside any
/// request. Test scopes see every organization's rows (<see cref="CheckingServices"/>: a context type without the
/// Tenant filter), so a test can seed and check across organizations; the filter itself is tested through
/// <see cref="VnTraceApp.ServerServices"/>.
/// </summary>
public static class TestDb
{
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
