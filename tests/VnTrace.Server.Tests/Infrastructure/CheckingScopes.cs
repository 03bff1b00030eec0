using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using VnTrace.Server.Platform.Data;

namespace VnTrace.Server.Tests.Infrastructure;

/// <summary>
/// Test code seeds and checks rows of every organization at once, so a scope a test opens through
/// <see cref="VnTraceApp.Services"/> gets a database context without the "Tenant" query filter (the server's own
/// requests and background work keep theirs). <see cref="VnTraceApp.ServerServices"/> gives the server's scopes as they
/// are, for the tests of the filter itself.
/// </summary>
internal sealed class CheckingServices(IServiceProvider server) : IServiceProvider, IServiceScopeFactory
{
    public object? GetService(Type serviceType) =>
        serviceType == typeof(IServiceScopeFactory) ? this : server.GetService(serviceType);

    public IServiceScope CreateScope()
    {
        var scope = server.GetRequiredService<IServiceScopeFactory>().CreateScope();
        scope.ServiceProvider.GetRequiredService<CheckingScope>().SeesEveryOrganization = true;
        return scope;
    }
}

/// <summary>Marks a scope opened by test code (<see cref="CheckingServices"/>).</summary>
internal sealed class CheckingScope
{
    public bool SeesEveryOrganization { get; set; }
}

internal static class CheckingContexts
{
    /// <summary>The scope's context: unfiltered in a test's scope, the server's tenant-scoped one otherwise.</summary>
    public static void AddCheckingContexts(this IServiceCollection services, DatabaseProvider provider)
    {
        services.AddScoped<CheckingScope>();
        if (provider == DatabaseProvider.Postgres)
            services.AddScoped<VnTraceDbContext>(sp => sp.GetRequiredService<CheckingScope>().SeesEveryOrganization
                ? new UnfilteredPostgresContext(sp.GetRequiredService<DbContextOptions<PostgresVnTraceDbContext>>())
                : TenantScopedContext.Lease<PostgresVnTraceDbContext>(sp));
        else
            services.AddScoped<VnTraceDbContext>(sp => sp.GetRequiredService<CheckingScope>().SeesEveryOrganization
                ? new UnfilteredSqliteContext(sp.GetRequiredService<DbContextOptions<SqliteVnTraceDbContext>>())
                : TenantScopedContext.Lease<SqliteVnTraceDbContext>(sp));
    }

    private sealed class UnfilteredSqliteContext(DbContextOptions<SqliteVnTraceDbContext> options) : SqliteVnTraceDbContext(options)
    {
        protected override bool TenantFiltered => false;
    }

    private sealed class UnfilteredPostgresContext(DbContextOptions<PostgresVnTraceDbContext> options) : PostgresVnTraceDbContext(options)
    {
        protected override bool TenantFiltered => false;
    }
}
