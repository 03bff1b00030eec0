using Microsoft.Extensions.Localization;

namespace VnTrace.Server.Tests.Infrastructure;

/// <summary>Answers the resource key, with its arguments in brackets: what the service chose, not its translation.</summary>
internal sealed class KeyLocalizer<T> : IStringLocalizer<T>
{
    public LocalizedString this[string name] => new(name, name);

    public LocalizedString this[string name, params object[] arguments] => new(name, $"{name}({string.Join(",", arguments)})");

    public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => [];
}
