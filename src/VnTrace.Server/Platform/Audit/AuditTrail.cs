using System.Text.Json;
using VnTrace.Server.Platform.Data;
using VnTrace.Server.Identity;

namespace VnTrace.Server.Platform.Audit;

/// <summary>
/// Adds an audit entry to the current unit of work: it is saved with the change it describes, or not at all.
/// </summary>
public sealed class AuditTrail(VnTraceDbContext db, IHttpContextAccessor http, TimeProvider clock)
{
    public void Record(string action, string? entityType = null, object? entityId = null, object? detail = null, Guid? organizationId = null)
    {
        var user = http.HttpContext?.User;
        db.AuditLog.Add(new AuditEntry
        {
            At = clock.GetUtcNow().UtcDateTime,
            UserId = user?.UserId(),
            OrganizationId = organizationId ?? user?.FindOrganizationId(),
            Action = action,
            EntityType = entityType,
            EntityId = entityId?.ToString(),
            Detail = detail is null ? null : JsonSerializer.Serialize(detail, detail.GetType()),
        });
    }
}
