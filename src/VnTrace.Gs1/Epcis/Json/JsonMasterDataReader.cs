using System.Text.Json;

namespace VnTrace.Gs1.Epcis.Json;

/// <summary>Master data: epcisHeader.epcisMasterData and a query document's vocabularyList (EPCIS 2.0 §9.4).</summary>
internal sealed class JsonMasterDataReader(List<EpcisError> errors, EpcisDocument document) : JsonFieldReader(errors)
{
    /// <summary>epcisHeader: master data in epcisMasterData.vocabularyList (EPCIS 2.0 §9.4).</summary>
    public void ReadHeader(JsonElement header, string path, JsonLdContext context)
    {
        if (!Object(header, path))
            return;
        foreach (var member in header.EnumerateObject())
        {
            var at = JsonPointer.Append(path, member.Name);
            if (member.Name != "epcisMasterData")
            {
                UnknownField(member.Name, at);
                continue;
            }
            if (!Object(member.Value, at))
                continue;
            foreach (var inner in member.Value.EnumerateObject())
            {
                var innerPath = JsonPointer.Append(at, inner.Name);
                if (inner.Name == "vocabularyList")
                    ReadVocabularyList(inner.Value, innerPath, context);
                else
                    UnknownField(inner.Name, innerPath);
            }
        }
    }

    public void ReadVocabularyList(JsonElement list, string path, JsonLdContext context)
    {
        if (!Array(list, path))
            return;
        var index = 0;
        foreach (var vocabulary in list.EnumerateArray())
        {
            var vocabularyPath = JsonPointer.Append(path, index++);
            if (!Object(vocabulary, vocabularyPath))
                continue;
            string? type = null;
            if (vocabulary.TryGetProperty("type", out var typeValue))
                type = Uri(typeValue, JsonPointer.Append(vocabularyPath, "type"));
            else
                Error(JsonPointer.Append(vocabularyPath, "type"), "required field 'type' is missing");

            foreach (var member in vocabulary.EnumerateObject())
            {
                var at = JsonPointer.Append(vocabularyPath, member.Name);
                switch (member.Name)
                {
                    case "type":
                        break;
                    case "vocabularyElementList":
                        if (!Array(member.Value, at))
                            break;
                        var elementIndex = 0;
                        foreach (var element in member.Value.EnumerateArray())
                        {
                            if (ReadVocabularyElement(element, JsonPointer.Append(at, elementIndex++), type ?? "", context) is { } read)
                                document.MasterData.Add(read);
                        }
                        break;
                    default:
                        UnknownField(member.Name, at);
                        break;
                }
            }
        }
    }

    private VocabularyElement? ReadVocabularyElement(JsonElement value, string path, string type, JsonLdContext context)
    {
        if (!Object(value, path))
            return null;
        var element = new VocabularyElement { VocabularyType = type };
        var hasId = false;
        foreach (var member in value.EnumerateObject())
        {
            var at = JsonPointer.Append(path, member.Name);
            switch (member.Name)
            {
                case "id":
                    hasId = true;
                    element.Id = Uri(member.Value, at) ?? "";
                    break;
                case "attributes":
                    if (!Array(member.Value, at))
                        break;
                    var index = 0;
                    foreach (var attribute in member.Value.EnumerateArray())
                    {
                        if (ReadVocabularyAttribute(attribute, JsonPointer.Append(at, index++), context) is { } read)
                            element.Attributes.Add(read);
                    }
                    break;
                case "children":
                    element.Children = UriList(member.Value, at);
                    break;
                default:
                    UnknownField(member.Name, at);
                    break;
            }
        }
        if (!hasId)
            Error(JsonPointer.Append(path, "id"), "required field 'id' is missing");
        return element;
    }

    /// <summary>{"id": attribute URI, "attribute": a number, a string or an object}.</summary>
    private VocabularyAttribute? ReadVocabularyAttribute(JsonElement value, string path, JsonLdContext context)
    {
        if (!Object(value, path))
            return null;
        var attribute = new VocabularyAttribute();
        var hasId = false;
        foreach (var member in value.EnumerateObject())
        {
            var at = JsonPointer.Append(path, member.Name);
            switch (member.Name)
            {
                case "id":
                    hasId = true;
                    attribute.Id = Uri(member.Value, at) ?? "";
                    break;
                case "attribute":
                    switch (member.Value.ValueKind)
                    {
                        case JsonValueKind.String:
                            attribute.Value = member.Value.GetString();
                            break;
                        case JsonValueKind.Number:
                            attribute.Value = member.Value.GetRawText();
                            break;
                        case JsonValueKind.Object:
                            attribute.Children = ExtensionJson.ReadObject(member.Value, at, context, Errors);
                            break;
                        default:
                            Error(at, $"expected a string, a number or an object, found {KindName(member.Value)}");
                            break;
                    }
                    break;
                default:
                    UnknownField(member.Name, at);
                    break;
            }
        }
        if (!hasId)
            Error(JsonPointer.Append(path, "id"), "required field 'id' is missing");
        return attribute;
    }
}
