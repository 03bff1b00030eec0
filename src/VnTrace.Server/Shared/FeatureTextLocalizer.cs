using System.Collections.Concurrent;
using Microsoft.Extensions.Localization;

namespace VnTrace.Server.Shared;

/// <summary>
/// Localizes data-annotation texts (field names, validation messages) of a form from its feature's resources first,
/// then from <see cref="SharedText"/>. A feature's resources are the class named "…Text" in the form's namespace
/// (e.g. Workspace.Products.ProductText with ProductText.resx / ProductText.en.resx), so each feature owns its words.
/// </summary>
internal sealed class FeatureTextLocalizer(IStringLocalizer? feature, IStringLocalizer shared) : IStringLocalizer
{
    private static readonly ConcurrentDictionary<string, Type?> FeatureTextTypes = new();

    public static IStringLocalizer For(Type modelType, IStringLocalizerFactory factory)
    {
        var textType = FeatureTextTypes.GetOrAdd(modelType.Namespace ?? "", ns =>
            typeof(SharedText).Assembly.GetTypes().FirstOrDefault(t => t.Namespace == ns && t.Name.EndsWith("Text", StringComparison.Ordinal) && t != typeof(SharedText)));
        return new FeatureTextLocalizer(textType is null ? null : factory.Create(textType), factory.Create(typeof(SharedText)));
    }

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
