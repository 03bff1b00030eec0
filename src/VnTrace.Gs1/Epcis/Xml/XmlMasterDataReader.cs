using static VnTrace.Gs1.Epcis.Xml.XmlNavigation;

namespace VnTrace.Gs1.Epcis.Xml;

/// <summary>Master data: VocabularyList (EPCIS 2.0 §7.2, XSD VocabularyListType) from the header, a query or a master-data document.</summary>
internal sealed class XmlMasterDataReader(XmlParseState state) : XmlPartReader(state)
{
    internal void ReadVocabularyList(string path)
    {
        var depth = r.Depth;
        if (!Enter(r))
            return;
        var position = 0;
        while (Next(depth))
        {
            var vocabularyPath = path + "/" + Indexed(r.LocalName, ++position);
            if (r.LocalName != "Vocabulary" || r.NamespaceURI.Length != 0)
            {
                SkipUnlessStandard(vocabularyPath);
                continue;
            }
            var type = r.GetAttribute("type")?.Trim();
            if (type is null)
                errors.Add(new EpcisError(vocabularyPath + "/@type", "Missing type attribute on Vocabulary."));
            var vocabularyDepth = r.Depth;
            if (!Enter(r))
                continue;
            while (Next(vocabularyDepth))
            {
                if (r.LocalName == "VocabularyElementList" && r.NamespaceURI.Length == 0)
                    ReadVocabularyElements(type ?? "", vocabularyPath + "/VocabularyElementList");
                else
                    SkipUnlessStandard(vocabularyPath + "/" + r.LocalName);
            }
        }
    }

    private void ReadVocabularyElements(string vocabularyType, string path)
    {
        var depth = r.Depth;
        if (!Enter(r))
            return;
        var position = 0;
        while (Next(depth))
        {
            var elementPath = path + "/" + Indexed(r.LocalName, ++position);
            if (r.LocalName != "VocabularyElement" || r.NamespaceURI.Length != 0)
            {
                SkipUnlessStandard(elementPath);
                continue;
            }
            var element = new VocabularyElement { VocabularyType = vocabularyType, Id = r.GetAttribute("id")?.Trim() ?? "" };
            if (element.Id.Length == 0)
                errors.Add(new EpcisError(elementPath + "/@id", "Missing id attribute on VocabularyElement."));
            var elementDepth = r.Depth;
            if (Enter(r))
            {
                while (Next(elementDepth))
                {
                    var child = elementPath + "/" + r.LocalName;
                    if (r.NamespaceURI.Length != 0)
                        r.Skip(); // VocabularyElement ##other content has no place in the model
                    else if (r.LocalName == "attribute")
                        element.Attributes.Add(ReadVocabularyAttribute(child));
                    else if (r.LocalName == "children")
                        ReadTextList(element.Children, "id", child);
                    else
                        SkipUnlessStandard(child);
                }
            }
            document.MasterData.Add(element);
        }
    }

    /// <summary>An attribute is mixed content (XSD AttributeType): a text value, or structured child elements.</summary>
    private VocabularyAttribute ReadVocabularyAttribute(string path)
    {
        var id = r.GetAttribute("id")?.Trim();
        if (id is null)
            errors.Add(new EpcisError(path + "/@id", "Missing id attribute on attribute."));
        var content = ReadExtension(path);
        return new VocabularyAttribute { Id = id ?? "", Value = content.Value, Children = content.Children };
    }
}
