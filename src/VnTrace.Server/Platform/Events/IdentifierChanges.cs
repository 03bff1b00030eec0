namespace VnTrace.Server.Platform.Events;

/// <summary>
/// Told when what the public may learn about some identifiers has changed — new events name them, a recall opened or
/// closed on them — so that caches of public answers (the consumer page, the resolver's linksets) drop them at once
/// instead of waiting for their expiry. Identifiers are canonical (<see cref="Identifiers.Canonical"/>).
/// </summary>
/// <remarks>Called after the change is committed; an observer must be quick and must not throw for a cache miss.</remarks>
public interface IIdentifierChangeObserver
{
    ValueTask ChangedAsync(IReadOnlyCollection<string> canonicalIdentifiers, CancellationToken ct);
}

/// <summary>
/// Told when a business's standing or choices changed what the public may learn about all of its codes (the authority
/// suspended or restored it), so that cached public answers built from its data are dropped at once.
/// </summary>
public interface IOrganizationChangeObserver
{
    ValueTask OrganizationChangedAsync(Guid organizationId, CancellationToken ct);
}

public static class IdentifierChanges
{
    /// <summary>Tells every observer; an observer that fails is logged and does not undo the committed change.</summary>
    public static async ValueTask NotifyAsync(IEnumerable<IIdentifierChangeObserver>? observers, IReadOnlyCollection<string> identifiers,
        ILogger logger, CancellationToken ct)
    {
        if (observers is null || identifiers.Count == 0)
            return;
        foreach (var observer in observers)
        {
            try
            {
                await observer.ChangedAsync(identifiers, ct);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "{Observer} failed for {Count} changed identifiers", observer.GetType().Name, identifiers.Count);
            }
        }
    }
}
