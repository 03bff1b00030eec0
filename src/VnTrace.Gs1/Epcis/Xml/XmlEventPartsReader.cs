using VnTrace.Gs1.Epcis.Cbv;
using static VnTrace.Gs1.Epcis.Xml.XmlNavigation;

namespace VnTrace.Gs1.Epcis.Xml;

/// <summary>The structures inside an event: quantities, action, dispositions, locations, business transactions, sources and destinations, error declarations.</summary>
internal sealed class XmlEventPartsReader(XmlParseState state) : XmlPartReader(state)
{
    internal ErrorDeclaration ReadErrorDeclaration(string path)
    {
        var declaration = new ErrorDeclaration();
        var sawTime = false;
        var depth = r.Depth;
        if (Enter(r))
        {
            while (Next(depth))
            {
                var name = r.LocalName;
                var child = path + "/" + name;
                if (r.NamespaceURI.Length != 0 || name == "extension")
                {
                    declaration.Extensions.Add(ReadExtension(child));
                    continue;
                }
                switch (name)
                {
                    case "declarationTime":
                        sawTime = true;
                        declaration.DeclarationTime = ReadTime(child, name) ?? default;
                        break;
                    case "reason":
                        declaration.Reason = Cbv.Cbv.ToUrn(CbvVocabulary.ErrorReason, Text());
                        break;
                    case "correctiveEventIDs":
                        ReadTextList(declaration.CorrectiveEventIds, "correctiveEventID", child);
                        break;
                    default:
                        errors.Add(new EpcisError(child, $"Unexpected element '{name}' in errorDeclaration."));
                        r.Skip();
                        break;
                }
            }
        }
        if (!sawTime)
            errors.Add(new EpcisError(path + "/declarationTime", "Missing declarationTime in errorDeclaration."));
        return declaration;
    }

    internal void ReadQuantityList(List<QuantityElement> list, string path)
    {
        var depth = r.Depth;
        if (!Enter(r))
            return;
        var position = 0;
        while (Next(depth))
        {
            var itemPath = path + "/" + Indexed(r.LocalName, ++position);
            if (r.LocalName != "quantityElement" || r.NamespaceURI.Length != 0)
            {
                errors.Add(new EpcisError(itemPath, $"Unexpected element '{r.LocalName}': expected quantityElement."));
                r.Skip();
                continue;
            }
            list.Add(ReadQuantityElement(itemPath));
        }
    }

    private QuantityElement ReadQuantityElement(string path)
    {
        var element = new QuantityElement();
        var sawClass = false;
        var depth = r.Depth;
        if (Enter(r))
        {
            while (Next(depth))
            {
                var child = path + "/" + r.LocalName;
                switch (r.LocalName)
                {
                    case "epcClass":
                        sawClass = true;
                        element.EpcClass = Text();
                        break;
                    case "quantity":
                        // xsi:nil="true" is the 1.2/2.0 XSD way of saying "no quantity" (QuantityElementType).
                        var nil = r.GetAttribute("nil", EpcisXmlNamespaces.Xsi) is "true" or "1";
                        var text = Text();
                        if (nil)
                            break;
                        if (EpcisXmlValues.TryParseDecimal(text, out var quantity))
                            element.Quantity = quantity;
                        else
                            errors.Add(new EpcisError(child, $"quantity '{text}' is not a number."));
                        break;
                    case "uom":
                        element.Uom = Text();
                        break;
                    default:
                        errors.Add(new EpcisError(child, $"Unexpected element '{r.LocalName}' in quantityElement."));
                        r.Skip();
                        break;
                }
            }
        }
        if (!sawClass)
            errors.Add(new EpcisError(path + "/epcClass", "Missing epcClass in quantityElement."));
        return element;
    }

    internal EpcisAction? ReadAction(string path)
    {
        var text = Text();
        switch (text)
        {
            case "ADD":
                return EpcisAction.Add;
            case "OBSERVE":
                return EpcisAction.Observe;
            case "DELETE":
                return EpcisAction.Delete;
            default:
                errors.Add(new EpcisError(path, $"'{text}' is not an action: expected ADD, OBSERVE or DELETE."));
                return null;
        }
    }

    internal PersistentDisposition ReadPersistentDisposition(string path)
    {
        var result = new PersistentDisposition();
        var depth = r.Depth;
        if (!Enter(r))
            return result;
        while (Next(depth))
        {
            switch (r.LocalName)
            {
                case "set":
                    result.Set.Add(Cbv.Cbv.ToUrn(CbvVocabulary.Disposition, Text()));
                    break;
                case "unset":
                    result.Unset.Add(Cbv.Cbv.ToUrn(CbvVocabulary.Disposition, Text()));
                    break;
                default:
                    errors.Add(new EpcisError(path + "/" + r.LocalName, $"Unexpected element '{r.LocalName}': expected set or unset."));
                    r.Skip();
                    break;
            }
        }
        return result;
    }

    /// <summary>readPoint or bizLocation: the id, then extension elements (the "extension" wrapper and ##other).</summary>
    internal string? ReadLocation(List<ExtensionElement> extensions, string path)
    {
        string? id = null;
        var depth = r.Depth;
        if (Enter(r))
        {
            while (Next(depth))
            {
                if (r.LocalName == "id" && r.NamespaceURI.Length == 0)
                    id = Text();
                else
                    extensions.Add(ReadExtension(path + "/" + Qualified()));
            }
        }
        if (id is null)
            errors.Add(new EpcisError(path + "/id", "Missing id."));
        return id;
    }

    internal void ReadBizTransactionList(List<BizTransaction> list, string path)
    {
        var depth = r.Depth;
        if (!Enter(r))
            return;
        while (Next(depth))
        {
            if (r.LocalName != "bizTransaction" || r.NamespaceURI.Length != 0)
            {
                errors.Add(new EpcisError(path + "/" + r.LocalName, $"Unexpected element '{r.LocalName}': expected bizTransaction."));
                r.Skip();
                continue;
            }
            var type = r.GetAttribute("type");
            list.Add(new BizTransaction
            {
                Type = type is null ? null : Cbv.Cbv.ToUrn(CbvVocabulary.BizTransactionType, type.Trim()),
                Value = Text(),
            });
        }
    }

    internal void ReadSourceDestinationList(List<SourceDestination> list, string itemName, string path)
    {
        var depth = r.Depth;
        if (!Enter(r))
            return;
        var position = 0;
        while (Next(depth))
        {
            var itemPath = path + "/" + Indexed(r.LocalName, ++position);
            if (r.LocalName != itemName || r.NamespaceURI.Length != 0)
            {
                errors.Add(new EpcisError(itemPath, $"Unexpected element '{r.LocalName}': expected {itemName}."));
                r.Skip();
                continue;
            }
            var type = r.GetAttribute("type");
            if (type is null)
                errors.Add(new EpcisError(itemPath + "/@type", $"Missing type attribute on {itemName}."));
            list.Add(new SourceDestination
            {
                Type = Cbv.Cbv.ToUrn(CbvVocabulary.SourceDestType, type?.Trim() ?? ""),
                Value = Text(),
            });
        }
    }
}
