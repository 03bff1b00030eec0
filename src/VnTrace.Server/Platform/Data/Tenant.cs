using Microsoft.EntityFrameworkCore;
using VnTrace.Server.Identity;

namespace VnTrace.Server.Platform.Data;

/// <summary>
/// The organization whose rows this unit of work may see. Read lazily, at query time: the database context of a
/// request is handed out before authentication has run (the API-key handler itself uses it), so the tenant is
/// whatever the principal says when a query executes.
/// </summary>
public interface ITenant
{
    /// <summary>Null when nobody's rows are owned: anonymous requests, authority officers, background work.</summary>
    Guid? OrganizationId { get; }
}

/// <summary>
/// The tenant of an HTTP request: the organization claim, which a signed-in business user's cookie and an
/// organization API key (<see cref="ApiKeyAuthenticationHandler"/>) both carry. Outside a request there is none.
/// </summary>
public sealed class RequestTenant(IHttpContextAccessor http) : ITenant
{
    public Guid? OrganizationId => http.HttpContext?.User.FindOrganizationId();
}

public static class TenantQueries
{
    /// <summary>The name of the global query filter every tenant-owned entity carries.</summary>
    public const string FilterName = "Tenant";

    /// <summary>
    /// Reads across organizations. Every use says why, so the reads that cross tenants can be found with one grep
    /// for IgnoreTenantFilter.
    /// </summary>
    public static IQueryable<T> IgnoreTenantFilter<T>(this IQueryable<T> query, string why) where T : class
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(why);
        return query.IgnoreQueryFilters([FilterName]);
    }

    /// <summary>
    /// Work outside a request that acts for one organization (the demo seed capturing each business's season): until
    /// the result is disposed, this context admits that organization's rows, as a request of its user would.
    /// </summary>
    public static IDisposable ActFor(this VnTraceDbContext db, Guid organizationId)
    {
        var previous = db.Tenant;
        db.Tenant = new FixedTenant(organizationId);
        return new Restore(db, previous);
    }

    private sealed record FixedTenant(Guid? OrganizationId) : ITenant;

    private sealed class Restore(VnTraceDbContext db, ITenant? previous) : IDisposable
    {
        public void Dispose() => db.Tenant = previous;
    }
}

/// <summary>
/// EF Core's pattern for pooled contexts with per-request state: the pool cannot inject a scoped service, so the
/// scoped context is leased from the pooled factory here and given the scope's tenant; returning it clears it.
/// </summary>
internal static class TenantScopedContext
{
    public static VnTraceDbContext Lease<TContext>(IServiceProvider services) where TContext : VnTraceDbContext
    {
        var context = services.GetRequiredService<IDbContextFactory<TContext>>().CreateDbContext();
        context.Tenant = services.GetRequiredService<ITenant>();
        return context;
    }
}
