using System.Globalization;
using System.Text.Json;
using VnTrace.Gs1.Epcis.Cbv;
using CbvValues = VnTrace.Gs1.Epcis.Cbv.Cbv;
using VnTrace.Gs1.Epcis.Json;

namespace VnTrace.Gs1.Tests.Epcis.Json;

/// <summary>
/// Compares two JSON-LD renderings of one EPCIS event field by field and lists every difference, modulo what may
/// legitimately change on a round trip: CBV bare word vs URN vs web URI, 26 vs 26.0, prefix names (extension keys
/// are compared as namespace + local name), the spelling of a date-time (compared as instant plus offset),
/// certificationInfo as a string or a one-item array, and an empty standard list vs none.
/// </summary>
internal static class EventJsonComparer
{
    private static readonly HashSet<string> timeFields =
        ["eventTime", "recordTime", "declarationTime", "time", "startTime", "endTime", "creationDate"];

    /// <summary>The prefixes an @context value declares, over the EPCIS context's own.</summary>
    public static Dictionary<string, string> Prefixes(params JsonElement?[] contexts)
    {
        var prefixes = new Dictionary<string, string>(JsonLdContext.StandardPrefixes, StringComparer.Ordinal);
        foreach (var context in contexts)
        {
            if (context is not { } value)
                continue;
            var items = value.ValueKind == JsonValueKind.Array ? value.EnumerateArray().ToList() : [value];
            foreach (var item in items.Where(i => i.ValueKind == JsonValueKind.Object))
            {
                foreach (var term in item.EnumerateObject())
                {
                    if (term.Value.ValueKind == JsonValueKind.String && !term.Name.Contains(':') && !term.Name.StartsWith('@'))
                        prefixes[term.Name] = term.Value.GetString()!;
                }
            }
        }
        return prefixes;
    }

    public static List<string> Differences(JsonElement expected, Dictionary<string, string> expectedPrefixes,
        JsonElement actual, Dictionary<string, string> actualPrefixes)
    {
        var differences = new List<string>();
        Compare(Normalize(expected, expectedPrefixes, null, null), Normalize(actual, actualPrefixes, null, null), "", differences);
        return differences;
    }

    private static void Compare(object? expected, object? actual, string path, List<string> differences)
    {
        switch (expected, actual)
        {
            case (SortedDictionary<string, object?> e, SortedDictionary<string, object?> a):
                foreach (var key in e.Keys.Union(a.Keys).Order(StringComparer.Ordinal))
                {
                    var at = path + "/" + key;
                    if (!a.TryGetValue(key, out var av))
                        differences.Add($"{at}: missing from the output");
                    else if (!e.TryGetValue(key, out var ev))
                        differences.Add($"{at}: not in the input");
                    else
                        Compare(ev, av, at, differences);
                }
                break;
            case (List<object?> e, List<object?> a):
                if (e.Count != a.Count)
                    differences.Add($"{path}: {e.Count} items in the input, {a.Count} in the output");
                for (var i = 0; i < Math.Min(e.Count, a.Count); i++)
                    Compare(e[i], a[i], path + "/" + i, differences);
                break;
            default:
                if (!Equals(expected, actual))
                    differences.Add($"{path}: input {Show(expected)}, output {Show(actual)}");
                break;
        }
    }

    private static string Show(object? value) => value switch
    {
        null => "null",
        string s => $"\"{s}\"",
        SortedDictionary<string, object?> => "an object",
        List<object?> => "an array",
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };

    private sealed record Number(decimal Value)
    {
        public override string ToString() => Value.ToString("0.############################", CultureInfo.InvariantCulture);
    }

    private sealed record Instant(DateTimeOffset Value)
    {
        public override string ToString() => Value.ToString("O", CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// The comparable form of a value: objects become sorted dictionaries keyed by expanded names, numbers decimals,
    /// times instants with offsets, CBV values URNs. <paramref name="key"/> and <paramref name="list"/> are the
    /// member name holding the value and the list it sits in, which decide how strings are read.
    /// </summary>
    private static object? Normalize(JsonElement value, Dictionary<string, string> prefixes, string? key, string? list)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                var members = new SortedDictionary<string, object?>(StringComparer.Ordinal);
                foreach (var member in value.EnumerateObject())
                {
                    if (member.Name == "@context")
                        continue;
                    var normalized = Normalize(member.Value, prefixes, member.Name, key ?? list);
                    if (normalized is List<object?> { Count: 0 } && !member.Name.Contains(':'))
                        continue; // an empty standard list says nothing
                    if (member.Name == "certificationInfo" && normalized is string single)
                        normalized = new List<object?> { single };
                    members[Expand(member.Name, prefixes)] = normalized;
                }
                return members;
            case JsonValueKind.Array:
                return value.EnumerateArray().Select(item => Normalize(item, prefixes, null, key)).ToList();
            case JsonValueKind.Number:
                return value.TryGetDecimal(out var number) ? new Number(number) : value.GetRawText();
            case JsonValueKind.True:
                return true;
            case JsonValueKind.False:
                return false;
            case JsonValueKind.Null:
                return null;
            default:
                var text = value.GetString()!;
                if (key is not null && timeFields.Contains(key) && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture,
                        DateTimeStyles.None, out var time))
                    return new Instant(time);
                return Vocabulary(key, list) is { } vocabulary ? CbvValues.ToUrn(vocabulary, text) : text;
        }
    }

    private static CbvVocabulary? Vocabulary(string? key, string? list) => (key, list) switch
    {
        ("bizStep", _) => CbvVocabulary.BizStep,
        ("disposition", _) => CbvVocabulary.Disposition,
        (null, "set" or "unset") => CbvVocabulary.Disposition,
        ("reason", _) => CbvVocabulary.ErrorReason,
        ("type", "bizTransactionList") => CbvVocabulary.BizTransactionType,
        ("type", "sourceList" or "destinationList") => CbvVocabulary.SourceDestType,
        _ => null,
    };

    private static string Expand(string name, Dictionary<string, string> prefixes)
    {
        var colon = name.IndexOf(':');
        if (colon <= 0 || !prefixes.TryGetValue(name[..colon], out var ns))
            return name;
        return "{" + ns + "}" + name[(colon + 1)..];
    }
}
