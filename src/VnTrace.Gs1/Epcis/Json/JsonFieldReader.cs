using System.Text.Json;
using VnTrace.Gs1.Epcis.Cbv;

namespace VnTrace.Gs1.Epcis.Json;

/// <summary>
/// The value readers that every part of the JSON-LD reader shares: each checks the JSON kind, reads the value and,
/// when it cannot, adds an error with its JSON pointer to the one list of the document being read.
/// </summary>
internal abstract class JsonFieldReader(List<EpcisError> errors)
{
    protected List<EpcisError> Errors => errors;

    /// <summary>A member that is neither a field of this structure nor a prefixed extension.</summary>
    protected void UnknownField(string name, string path)
    {
        // Extensions at document, header and body level are allowed by the schema but have no place in the model.
        if (!ExtensionJson.IsQualified(name))
            Error(path, $"'{name}' is not an EPCIS field and, having no prefix, not a valid extension");
    }

    protected void Error(string path, string message) => errors.Add(new EpcisError(path, message));

    public static string KindName(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => "nothing",
    };

    protected bool Object(JsonElement value, string path)
    {
        if (value.ValueKind == JsonValueKind.Object)
            return true;
        Error(path, $"expected an object, found {KindName(value)}");
        return false;
    }

    protected bool Array(JsonElement value, string path)
    {
        if (value.ValueKind == JsonValueKind.Array)
            return true;
        Error(path, $"expected an array, found {KindName(value)}");
        return false;
    }

    protected string? String(JsonElement value, string path)
    {
        if (value.ValueKind == JsonValueKind.String)
        {
            try
            {
                return value.GetString();
            }
            catch (InvalidOperationException)
            {
                Error(path, "the string escapes an unpaired UTF-16 surrogate (\\uD800–\\uDFFF), which is not Unicode text");
                return null;
            }
        }
        Error(path, $"expected a string, found {KindName(value)}");
        return null;
    }

    /// <summary>A URI-valued field: a non-empty string (URI syntax is the validator's concern).</summary>
    protected string? Uri(JsonElement value, string path)
    {
        var text = String(value, path);
        if (text is { Length: 0 })
        {
            Error(path, "expected a URI, found an empty string");
            return null;
        }
        return text;
    }

    protected string? Vocabulary(JsonElement value, string path, CbvVocabulary vocabulary) =>
        Uri(value, path) is { } text ? Cbv.Cbv.ToUrn(vocabulary, text) : null;

    protected decimal? Decimal(JsonElement value, string path)
    {
        if (value.ValueKind != JsonValueKind.Number)
        {
            Error(path, $"expected a number, found {KindName(value)}");
            return null;
        }
        if (value.TryGetDecimal(out var number))
            return number;
        Error(path, $"number {value.GetRawText()} is out of range");
        return null;
    }

    protected bool? Boolean(JsonElement value, string path)
    {
        if (value.ValueKind is JsonValueKind.True or JsonValueKind.False)
            return value.GetBoolean();
        Error(path, $"expected true or false, found {KindName(value)}");
        return null;
    }

    protected DateTimeOffset? Time(JsonElement value, string path, string field)
    {
        if (String(value, path) is not { } text)
            return null;
        switch (EpcisDateTime.TryParse(text, out var time))
        {
            case EpcisDateTime.Problem.None:
                return time;
            case EpcisDateTime.Problem.NoOffset:
                Error(path, $"{field} '{text}' has no time-zone offset (add Z or ±hh:mm, EPCIS 2.0 §7.3.1)");
                return null;
            default:
                Error(path, $"{field} '{text}' is not a date-time of the form 2020-01-31T10:00:00.000+07:00");
                return null;
        }
    }

    /// <summary>An array whose items must be objects: each is read by <paramref name="read"/> with its JSON pointer; any other item is an error.</summary>
    protected List<T> ObjectArray<T>(JsonElement value, string path, Func<JsonElement, string, T?> read)
        where T : class
    {
        var list = new List<T>();
        if (!Array(value, path))
            return list;
        var index = 0;
        foreach (var item in value.EnumerateArray())
        {
            var itemPath = JsonPointer.Append(path, index++);
            if (Object(item, itemPath) && read(item, itemPath) is { } entry)
                list.Add(entry);
        }
        return list;
    }

    protected List<string> UriList(JsonElement value, string path)
    {
        var list = new List<string>();
        if (!Array(value, path))
            return list;
        var index = 0;
        foreach (var item in value.EnumerateArray())
        {
            if (Uri(item, JsonPointer.Append(path, index++)) is { } uri)
                list.Add(uri);
        }
        return list;
    }

    protected void ExtensionOrError(JsonProperty member, string path, JsonLdContext context, List<ExtensionElement> into,
        string structure)
    {
        if (ExtensionJson.IsQualified(member.Name))
            ExtensionJson.Read(member, path, context, errors, into);
        else
            Error(path, $"'{member.Name}' is not a field of {structure} and, having no prefix, not a valid extension");
    }

    /// <summary>An object whose members are all extensions, such as ilmd.</summary>
    protected List<ExtensionElement>? ReadExtensionObject(JsonElement value, string path, JsonLdContext context)
    {
        if (!Object(value, path))
            return null;
        var list = new List<ExtensionElement>();
        foreach (var member in value.EnumerateObject())
            ExtensionJson.Read(member, JsonPointer.Append(path, member.Name), context, errors, list);
        return list;
    }
}
