using System.Collections.Concurrent;
using Microsoft.Extensions.Localization;

namespace VnTrace.Server.Platform.Web;

/// <summary>
/// Localizes data-annotation texts (field names, validation messages) of a form from its feature's resources first,
/// then from <see cref="SharedText"/>. A feature's resources are the class named "…Text" in the form's namespace
/// (e.g. VnTrace.Server.Products.ProductText with ProductText.resx / ProductText.en.resx), so each feature owns its words.
/// A page's form (VnTrace.Server.Workspace.Products…) without texts of its own uses its feature folder's
/// (VnTrace.Server.Products): pages live with their audience, words with their feature.
/// </summary>
internal sealed class FeatureTextLocalizer(IStringLocalizer? feature, IStringLocalizer shared) : IStringLocalizer
{
    private static readonly ConcurrentDictionary<string, Type?> FeatureTextTypes = new();

    public static IStringLocalizer For(Type modelType, IStringLocalizerFactory factory)
    {
        var textType = FeatureTextTypes.GetOrAdd(modelType.Namespace ?? "", ns => TextTypeIn(ns) ?? TextTypeIn(FeatureNamespaceOf(ns))
            ?? TextTypeIn(FeatureNamespaceOf(ns, "VnTrace.Server.Programme.")));
        return new FeatureTextLocalizer(textType is null ? null : factory.Create(textType), factory.Create(typeof(SharedText)));
    }

    private static readonly string[] AudienceFolders = ["VnTrace.Server.Workspace.", "VnTrace.Server.Authority."];

    private static readonly HashSet<string> ResourceNames = [.. typeof(SharedText).Assembly.GetManifestResourceNames()];

    /// <summary>The class named "…Text" in <paramref name="ns"/> that has resources (a .resx beside it).</summary>
    private static Type? TextTypeIn(string? ns) => ns is null ? null :
        typeof(SharedText).Assembly.GetTypes().FirstOrDefault(t => t.Namespace == ns && t.Name.EndsWith("Text", StringComparison.Ordinal)
            && t != typeof(SharedText) && ResourceNames.Contains(t.FullName + ".resources"));

    /// <summary>
    /// VnTrace.Server.Workspace.Lots → VnTrace.Server.Lots; the authority's programme pages (Authority.Agencies) find
    /// their words under <paramref name="root"/> VnTrace.Server.Programme. Null for a namespace outside the page folders.
    /// </summary>
    private static string? FeatureNamespaceOf(string ns, string root = "VnTrace.Server.") =>
        AudienceFolders.Where(prefix => ns.StartsWith(prefix, StringComparison.Ordinal))
            .Select(prefix => root + ns[prefix.Length..]).FirstOrDefault();

    public LocalizedString this[string name] => Find(name, l => l[name]);

    public LocalizedString this[string name, params object[] arguments] => Find(name, l => l[name, arguments]);

    public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) =>
        (feature?.GetAllStrings(includeParentCultures) ?? []).Concat(shared.GetAllStrings(includeParentCultures));

    private LocalizedString Find(string name, Func<IStringLocalizer, LocalizedString> get)
    {
        if (feature is not null)
        {
            var found = get(feature);
            if (!found.ResourceNotFound)
                return found;
        }
        return get(shared);
    }
}
