using VnTrace.Gs1.Epcis.Cbv;
using System.Text.Json;

namespace VnTrace.Gs1.Epcis.Json;

/// <summary>The nested structures of an event: persistentDisposition, bizTransactionList, sourceList/destinationList, errorDeclaration.</summary>
internal sealed class JsonEventPartsReader(List<EpcisError> errors) : JsonFieldReader(errors)
{
    public PersistentDisposition? ReadPersistentDisposition(JsonElement value, string path)
    {
        if (!Object(value, path))
            return null;
        var result = new PersistentDisposition();
        foreach (var member in value.EnumerateObject())
        {
            var at = JsonPointer.Append(path, member.Name);
            switch (member.Name)
            {
                case "set":
                    result.Set = UriList(member.Value, at).ConvertAll(d => Cbv.Cbv.ToUrn(CbvVocabulary.Disposition, d));
                    break;
                case "unset":
                    result.Unset = UriList(member.Value, at).ConvertAll(d => Cbv.Cbv.ToUrn(CbvVocabulary.Disposition, d));
                    break;
                default:
                    Error(at, $"'{member.Name}' is not a field of persistentDisposition (set, unset)");
                    break;
            }
        }
        return result;
    }

    public List<BizTransaction> ReadBizTransactions(JsonElement value, string path) =>
        ObjectArray(value, path, ReadBizTransaction);

    private BizTransaction ReadBizTransaction(JsonElement item, string itemPath)
    {
        var transaction = new BizTransaction();
        var hasValue = false;
        foreach (var member in item.EnumerateObject())
        {
            var at = JsonPointer.Append(itemPath, member.Name);
            switch (member.Name)
            {
                case "type":
                    transaction.Type = Vocabulary(member.Value, at, CbvVocabulary.BizTransactionType);
                    break;
                case "bizTransaction":
                    hasValue = true;
                    transaction.Value = Uri(member.Value, at) ?? "";
                    break;
                default:
                    Error(at, $"'{member.Name}' is not a field of a business transaction (type, bizTransaction)");
                    break;
            }
        }
        if (!hasValue)
            Error(JsonPointer.Append(itemPath, "bizTransaction"), "required field 'bizTransaction' is missing");
        return transaction;
    }

    /// <summary>sourceList or destinationList: each item {"type": …, "source"|"destination": …}.</summary>
    public List<SourceDestination> ReadSourceDestinations(JsonElement value, string path, string valueField) =>
        ObjectArray(value, path, (item, itemPath) => ReadSourceDestination(item, itemPath, valueField));

    private SourceDestination ReadSourceDestination(JsonElement item, string itemPath, string valueField)
    {
        var entry = new SourceDestination();
        bool hasType = false, hasValue = false;
        foreach (var member in item.EnumerateObject())
        {
            var at = JsonPointer.Append(itemPath, member.Name);
            if (member.Name == "type")
            {
                hasType = true;
                entry.Type = Vocabulary(member.Value, at, CbvVocabulary.SourceDestType) ?? "";
            }
            else if (member.Name == valueField)
            {
                hasValue = true;
                entry.Value = Uri(member.Value, at) ?? "";
            }
            else
                Error(at, $"'{member.Name}' is not a field of a {valueField} (type, {valueField})");
        }
        if (!hasType)
            Error(JsonPointer.Append(itemPath, "type"), "required field 'type' is missing");
        if (!hasValue)
            Error(JsonPointer.Append(itemPath, valueField), $"required field '{valueField}' is missing");
        return entry;
    }

    public ErrorDeclaration? ReadErrorDeclaration(JsonElement value, string path, JsonLdContext context)
    {
        if (!Object(value, path))
            return null;
        var declaration = new ErrorDeclaration();
        var hasTime = false;
        foreach (var member in value.EnumerateObject())
        {
            var at = JsonPointer.Append(path, member.Name);
            switch (member.Name)
            {
                case "declarationTime":
                    hasTime = true;
                    if (Time(member.Value, at, member.Name) is { } time)
                        declaration.DeclarationTime = time;
                    break;
                case "reason":
                    declaration.Reason = Vocabulary(member.Value, at, CbvVocabulary.ErrorReason);
                    break;
                case "correctiveEventIDs":
                    declaration.CorrectiveEventIds = UriList(member.Value, at);
                    break;
                default:
                    if (ExtensionJson.IsQualified(member.Name))
                        ExtensionJson.Read(member, at, context, Errors, declaration.Extensions);
                    else
                        Error(at, $"'{member.Name}' is not a field of errorDeclaration and, having no prefix, not a valid extension");
                    break;
            }
        }
        if (!hasTime)
            Error(JsonPointer.Append(path, "declarationTime"), "required field 'declarationTime' is missing");
        return declaration;
    }
}
