using System.Xml;

namespace VnTrace.Gs1.Epcis.Xml;

/// <summary>VocabularyList (EPCIS 2.0 XSD VocabularyListType): one Vocabulary per run of elements of the same type, in model order.</summary>
internal static class EpcisXmlMasterDataWriter
{
    public static void WriteVocabularyList(XmlWriter w, List<VocabularyElement> elements)
    {
        w.WriteStartElement("VocabularyList");
        for (var start = 0; start < elements.Count;)
        {
            var type = elements[start].VocabularyType;
            var end = start;
            while (end < elements.Count && elements[end].VocabularyType == type)
                end++;
            w.WriteStartElement("Vocabulary");
            w.WriteAttributeString("type", type);
            w.WriteStartElement("VocabularyElementList");
            for (; start < end; start++)
            {
                var element = elements[start];
                w.WriteStartElement("VocabularyElement");
                w.WriteAttributeString("id", element.Id);
                foreach (var attribute in element.Attributes)
                {
                    w.WriteStartElement("attribute");
                    w.WriteAttributeString("id", attribute.Id);
                    if (attribute.Value is not null)
                        w.WriteString(attribute.Value);
                    foreach (var child in attribute.Children)
                        EpcisXmlExtensionWriter.Write(w, child);
                    w.WriteEndElement();
                }
                if (element.Children.Count > 0)
                {
                    w.WriteStartElement("children");
                    foreach (var id in element.Children)
                        w.WriteElementString("id", id);
                    w.WriteEndElement();
                }
                w.WriteEndElement();
            }
            w.WriteEndElement();
            w.WriteEndElement();
        }
        w.WriteEndElement();
    }
}
