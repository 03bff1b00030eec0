using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Primitives;
using VnTrace.Server.Platform.Events;
using VnTrace.Server.Resolver;

namespace VnTrace.Server.Lookup;

/// <summary>
/// Output caching of the consumer page and the linkset: one entry per URI, answer (page or linkset) and language,
/// tagged with every identifier and business the answer was built from. New events or a recall on any of those
/// identifiers evict it at once (<see cref="LookupCacheEviction"/>), a change of publication choices evicts the
/// business's entries, and anything else (a product renamed in the workspace) is seen after
/// <see cref="LookupOptions.CacheSeconds"/>. Per-unit pages are not cached: their verdict counts earlier scans.
/// </summary>
public sealed class LookupCachePolicy(LookupOptions options) : IOutputCachePolicy
{
    public const string Name = "Lookup";
    private const string TagsKey = "VnTrace.LookupCacheTags";

    public static string IdentifierTag(string canonicalIdentifier) => "dl:" + canonicalIdentifier;

    public static string OrganizationTag(Guid organizationId) => "org:" + organizationId.ToString("N");

    /// <summary>Called by the page once it knows what its answer depends on; the tags go with the stored entry.</summary>
    public static void TagResponse(HttpContext http, ConsumerView view)
    {
        var tags = view.Identifiers.Select(IdentifierTag).Concat(view.Organizations.Select(OrganizationTag)).ToList();
        http.Items[TagsKey] = tags;
    }

    public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var request = ResolverRequest.Of(context.HttpContext);
        if (request.Answer is ResolverAnswer.Options
            || (request.Answer == ResolverAnswer.Page && request.Link is { } link && ConsumerLookup.SubjectOf(link) == LookupSubject.Unit))
        {
            context.EnableOutputCaching = false;
            return ValueTask.CompletedTask;
        }
        // The default policy before this one varies by the whole query string; this adds what Accept and the
        // culture cookie decide, as a few values instead of the many Accept strings browsers send.
        context.CacheVaryByRules.VaryByValues["answer"] = request.Answer == ResolverAnswer.Linkset ? request.LinksetMediaType : request.Answer.ToString();
        context.CacheVaryByRules.VaryByValues["culture"] = CultureInfo.CurrentUICulture.Name;
        context.ResponseExpirationTimeSpan = TimeSpan.FromSeconds(options.CacheSeconds);
        if (request.Link is { } l)
            context.Tags.Add(IdentifierTag(l.ToCanonicalUri()));
        return ValueTask.CompletedTask;
    }

    public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

    public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        if (context.HttpContext.Items.TryGetValue(TagsKey, out var value) && value is List<string> tags)
            context.Tags.UnionWith(tags);
        return ValueTask.CompletedTask;
    }
}

/// <summary>
/// The views behind per-unit pages, which cannot be output-cached (their verdict counts earlier scans): the
/// product, lot and journey of a unit are read once and reused for the next views of the same code, under the same
/// tags and expiry as the output cache, so a per-unit page costs one query (the earlier scans) instead of a dozen.
/// A bounded number of entries: a flood of made-up serials cannot grow it without end.
/// </summary>
public sealed class ConsumerViewCache(LookupOptions options) : IDisposable
{
    private const int MaxEntries = 20_000;
    private readonly MemoryCache cache = new(new MemoryCacheOptions { SizeLimit = MaxEntries });
    private readonly ConcurrentDictionary<string, CancellationTokenSource> tags = new(StringComparer.Ordinal);

    public async Task<ConsumerView> GetOrCreateAsync(string key, Func<Task<ConsumerView>> create)
    {
        if (cache.TryGetValue(key, out ConsumerView? cached) && cached is not null)
            return cached;
        var view = await create();
        if (!view.Known)
            return view; // unknown codes are cheap to look up again and would only crowd out known ones
        // Tag sources outlive their entries; when there are many, start afresh rather than keep them all.
        if (tags.Count > MaxEntries * 10)
            EvictAll();
        var entry = new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = TimeSpan.FromSeconds(options.CacheSeconds) };
        foreach (var tag in view.Identifiers.Select(LookupCachePolicy.IdentifierTag).Concat(view.Organizations.Select(LookupCachePolicy.OrganizationTag)))
            entry.ExpirationTokens.Add(new CancellationChangeToken(tags.GetOrAdd(tag, _ => new CancellationTokenSource()).Token));
        cache.Set(key, view, entry);
        return view;
    }

    public void Evict(string tag)
    {
        if (tags.TryRemove(tag, out var source))
        {
            source.Cancel();
            source.Dispose();
        }
    }

    private void EvictAll()
    {
        foreach (var tag in tags.Keys)
            Evict(tag);
        cache.Compact(1.0);
    }

    public void Dispose()
    {
        cache.Dispose();
        foreach (var source in tags.Values)
            source.Dispose();
    }
}

/// <summary>Drops cached answers about identifiers that new events or a recall changed, and those of a business that changed its choices.</summary>
public sealed class LookupCacheEviction(IOutputCacheStore store, ConsumerViewCache views) : IIdentifierChangeObserver, IOrganizationChangeObserver
{
    public async ValueTask ChangedAsync(IReadOnlyCollection<string> canonicalIdentifiers, CancellationToken ct)
    {
        var tags = new HashSet<string>(StringComparer.Ordinal);
        foreach (var id in canonicalIdentifiers)
        {
            tags.Add(LookupCachePolicy.IdentifierTag(id));
            // An event about a unit written with its lot (…/10/{lot}/21/{serial}) is part of the lot's journey too.
            var serial = id.IndexOf("/21/", StringComparison.Ordinal);
            if (serial > 0 && id.AsSpan(0, serial).Contains("/10/", StringComparison.Ordinal))
                tags.Add(LookupCachePolicy.IdentifierTag(id[..serial]));
        }
        foreach (var tag in tags)
        {
            views.Evict(tag);
            await store.EvictByTagAsync(tag, ct);
        }
    }

    public ValueTask OrganizationChangedAsync(Guid organizationId, CancellationToken ct)
    {
        var tag = LookupCachePolicy.OrganizationTag(organizationId);
        views.Evict(tag);
        return store.EvictByTagAsync(tag, ct);
    }
}
