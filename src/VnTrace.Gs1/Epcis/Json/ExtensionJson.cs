using System.Text.Json;

namespace VnTrace.Gs1.Epcis.Json;

/// <summary>
/// User extensions in JSON-LD (EPCIS 2.0 §7.1.2, §9.2): a "prefix:name" member whose prefix the @context declares,
/// its value kept with its JSON kind; an array becomes one element per item, marked <see cref="ExtensionElement.InArray"/>.
/// </summary>
internal static class ExtensionJson
{
    /// <summary>True for a member name that can only be an extension: it carries a prefix or is an absolute IRI.</summary>
    public static bool IsQualified(string name) => name.IndexOf(':') > 0;

    /// <summary>Reads an extension member at the level of a standard structure, where the name must be qualified.</summary>
    public static void Read(JsonProperty member, string path, JsonLdContext context, List<EpcisError> errors,
        List<ExtensionElement> into) => Read(member, path, context, errors, into, qualifiedOnly: true);

    /// <summary>The members of a structured value (a master-data attribute), with or without prefixes.</summary>
    public static List<ExtensionElement> ReadObject(JsonElement value, string path, JsonLdContext context,
        List<EpcisError> errors)
    {
        var list = new List<ExtensionElement>();
        foreach (var member in value.EnumerateObject())
            Read(member, JsonPointer.Append(path, member.Name), context, errors, list, qualifiedOnly: false);
        return list;
    }

    private static void Read(JsonProperty member, string path, JsonLdContext context, List<EpcisError> errors,
        List<ExtensionElement> into, bool qualifiedOnly)
    {
        if (!TryResolveName(member.Name, context, qualifiedOnly, out var name, out var problem))
        {
            errors.Add(new(path, problem));
            return;
        }
        if (member.Value.ValueKind == JsonValueKind.Array)
            AddItems(member.Value, path, name, context, errors, into);
        else
            into.Add(Element(member.Value, path, name, inArray: false, context, errors));
    }

    // JSON-LD arrays are sets: an array inside an array adds its items to the same property (JSON-LD 1.1 §4.3.2).
    private static void AddItems(JsonElement array, string path, QualifiedName name, JsonLdContext context,
        List<EpcisError> errors, List<ExtensionElement> into)
    {
        var index = 0;
        foreach (var item in array.EnumerateArray())
        {
            var itemPath = JsonPointer.Append(path, index++);
            if (item.ValueKind == JsonValueKind.Array)
                AddItems(item, itemPath, name, context, errors, into);
            else
                into.Add(Element(item, itemPath, name, inArray: true, context, errors));
        }
    }

    private static ExtensionElement Element(JsonElement value, string path, QualifiedName name, bool inArray,
        JsonLdContext context, List<EpcisError> errors)
    {
        var element = new ExtensionElement
        {
            Namespace = name.Namespace,
            Prefix = name.Prefix,
            LocalName = name.LocalName,
            InArray = inArray,
        };
        switch (value.ValueKind)
        {
            case JsonValueKind.String:
                element.Value = value.GetString();
                break;
            case JsonValueKind.Number:
                element.Value = value.GetRawText();
                element.ValueKind = ExtensionValueKind.Number;
                break;
            case JsonValueKind.True:
            case JsonValueKind.False:
                element.Value = value.ValueKind == JsonValueKind.True ? "true" : "false";
                element.ValueKind = ExtensionValueKind.Boolean;
                break;
            case JsonValueKind.Null:
                element.ValueKind = ExtensionValueKind.Null;
                break;
            case JsonValueKind.Object:
                // Inside an extension, names without a prefix are allowed (as XML children without a namespace).
                foreach (var member in value.EnumerateObject())
                    Read(member, JsonPointer.Append(path, member.Name), context, errors, element.Children, qualifiedOnly: false);
                break;
        }
        return element;
    }

    private readonly record struct QualifiedName(string Namespace, string? Prefix, string LocalName);

    private static bool TryResolveName(string name, JsonLdContext context, bool qualifiedOnly, out QualifiedName result,
        out string problem)
    {
        result = default;
        problem = "";
        var colon = name.IndexOf(':');
        if (colon <= 0)
        {
            if (qualifiedOnly)
            {
                problem = $"'{name}' is not an EPCIS field and, having no prefix, not a valid extension";
                return false;
            }
            result = new("", null, name);
            return true;
        }

        var prefix = name[..colon];
        var rest = name[(colon + 1)..];
        if (rest.StartsWith("//", StringComparison.Ordinal))
        {
            // An absolute IRI as the name ("https://example.org/ns/field"): namespace up to the last / or #.
            var split = name.LastIndexOfAny(['/', '#']) + 1;
            if (split >= name.Length)
            {
                problem = $"extension name '{name}' has no local name";
                return false;
            }
            result = new(name[..split], null, name[split..]);
            return true;
        }
        if (rest.Length == 0)
        {
            problem = $"extension name '{name}' has no local name";
            return false;
        }
        if (!context.TryResolve(prefix, out var ns))
        {
            problem = $"prefix '{prefix}' of '{name}' is not declared in @context";
            return false;
        }
        result = new(ns, prefix, rest);
        return true;
    }

    /// <summary>
    /// Writes extension elements as members of the current object. Elements sharing a name become one array
    /// (JSON has one member per name), as does a single element read from an array.
    /// </summary>
    public static void Write(Utf8JsonWriter writer, IReadOnlyList<ExtensionElement> elements, ExtensionPrefixes prefixes)
    {
        if (elements.Count == 0)
            return;
        var groups = new Dictionary<(string, string), List<ExtensionElement>>();
        var order = new List<List<ExtensionElement>>();
        foreach (var element in elements)
        {
            var key = (element.Namespace, element.LocalName);
            if (!groups.TryGetValue(key, out var group))
            {
                groups[key] = group = [];
                order.Add(group);
            }
            group.Add(element);
        }

        foreach (var group in order)
        {
            var first = group[0];
            writer.WritePropertyName(prefixes.QualifiedName(first.Namespace, first.LocalName));
            if (group.Count == 1 && !first.InArray)
            {
                WriteValue(writer, first, prefixes);
                continue;
            }
            writer.WriteStartArray();
            foreach (var element in group)
                WriteValue(writer, element, prefixes);
            writer.WriteEndArray();
        }
    }

    private static void WriteValue(Utf8JsonWriter writer, ExtensionElement element, ExtensionPrefixes prefixes)
    {
        if (element.HasChildren || element.Attributes.Count > 0)
        {
            // JSON-LD has no attributes: an XML attribute becomes a member beside the children, and the text of
            // an element with attributes becomes "@value".
            writer.WriteStartObject();
            foreach (var attribute in element.Attributes)
                writer.WriteString(prefixes.QualifiedName(attribute.Namespace, attribute.LocalName), attribute.Value);
            if (!element.HasChildren && element.Value is not null)
                writer.WriteString("@value", element.Value);
            Write(writer, element.Children, prefixes);
            writer.WriteEndObject();
            return;
        }

        switch (element.ValueKind)
        {
            case ExtensionValueKind.Null:
                writer.WriteNullValue();
                break;
            case ExtensionValueKind.Number when element.Value is not null && IsJsonNumber(element.Value):
                writer.WriteRawValue(element.Value);
                break;
            case ExtensionValueKind.Boolean when element.Value is "true" or "false":
                writer.WriteBooleanValue(element.Value == "true");
                break;
            default:
                if (element.Value is null)
                {
                    writer.WriteStartObject();
                    writer.WriteEndObject();
                }
                else
                    writer.WriteStringValue(element.Value);
                break;
        }
    }

    /// <summary>The number grammar of RFC 8259 §6.</summary>
    private static bool IsJsonNumber(ReadOnlySpan<char> text)
    {
        var i = 0;
        if (i < text.Length && text[i] == '-')
            i++;
        if (i >= text.Length || !char.IsAsciiDigit(text[i]))
            return false;
        if (text[i] == '0')
            i++;
        else
            while (i < text.Length && char.IsAsciiDigit(text[i]))
                i++;
        if (i < text.Length && text[i] == '.')
        {
            if (++i >= text.Length || !char.IsAsciiDigit(text[i]))
                return false;
            while (i < text.Length && char.IsAsciiDigit(text[i]))
                i++;
        }
        if (i < text.Length && (text[i] == 'e' || text[i] == 'E'))
        {
            i++;
            if (i < text.Length && (text[i] == '+' || text[i] == '-'))
                i++;
            if (i >= text.Length || !char.IsAsciiDigit(text[i]))
                return false;
            while (i < text.Length && char.IsAsciiDigit(text[i]))
                i++;
        }
        return i == text.Length;
    }
}
