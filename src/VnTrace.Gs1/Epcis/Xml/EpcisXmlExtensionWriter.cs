using System.Xml;

namespace VnTrace.Gs1.Epcis.Xml;

/// <summary>Writes user extension elements back with the prefix they were read with.</summary>
internal static class EpcisXmlExtensionWriter
{
    public static void Write(XmlWriter w, ExtensionElement e)
    {
        if (e.Namespace.Length == 0)
            w.WriteStartElement("", e.LocalName, "");
        else
            w.WriteStartElement(e.Prefix, e.LocalName, e.Namespace);
        foreach (var a in e.Attributes)
        {
            if (a.Namespace.Length == 0)
                w.WriteAttributeString(a.LocalName, a.Value);
            else
                w.WriteAttributeString(a.Prefix, a.LocalName, a.Namespace, a.Value);
        }
        if (e.Children.Count > 0)
        {
            foreach (var child in e.Children)
                Write(w, child);
        }
        else if (!string.IsNullOrEmpty(e.Value))
        {
            w.WriteString(e.Value);
        }
        w.WriteEndElement();
    }

    public static void WriteAll(XmlWriter w, IEnumerable<ExtensionElement> elements)
    {
        foreach (var e in elements)
            Write(w, e);
    }

    /// <summary>A user field on sensor data is an attribute in XML (EPCIS 2.0 XSD SensorReportType anyAttribute).</summary>
    public static void WriteAsAttribute(XmlWriter w, ExtensionElement e)
    {
        if (e.Namespace.Length == 0)
            w.WriteAttributeString(e.LocalName, e.Value ?? "");
        else
            w.WriteAttributeString(e.Prefix, e.LocalName, e.Namespace, e.Value ?? "");
    }

    /// <summary>An element without namespace named <paramref name="name"/>: the "extension"/"baseExtension" wrappers.</summary>
    public static bool IsWrapper(ExtensionElement e, string name) => e.Namespace.Length == 0 && e.LocalName == name;
}
