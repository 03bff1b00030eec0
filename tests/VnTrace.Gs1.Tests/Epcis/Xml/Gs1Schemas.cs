using System.Xml;
using System.Xml.Schema;

namespace VnTrace.Gs1.Tests.Epcis.Xml;

/// <summary>GS1's EPCIS 2.0 XSDs from ../shared/standards, compiled once, for checking what the writer emits.</summary>
internal static class Gs1Schemas
{
    private static readonly Lazy<XmlSchemaSet> set = new(Load);

    /// <summary>The schema errors of a document (warnings about lax, undeclared extension content are not errors).</summary>
    public static List<string> Validate(string xml)
    {
        var schemas = set.Value;
        var errors = new List<string>();
        var settings = new XmlReaderSettings { ValidationType = ValidationType.Schema, Schemas = schemas };
        settings.ValidationEventHandler += (_, e) =>
        {
            if (e.Severity == XmlSeverityType.Error)
                errors.Add($"line {e.Exception.LineNumber}: {e.Message}");
        };
        using var reader = XmlReader.Create(new StringReader(xml), settings);
        while (reader.Read())
        {
        }
        return errors;
    }

    private static XmlSchemaSet Load()
    {
        var folder = SharedStandards.PathOf("gs1-epcis", "XSD");
        // Test-time only: the XSDs import their siblings by relative schemaLocation.
        var schemas = new XmlSchemaSet { XmlResolver = new XmlUrlResolver() };
        foreach (var file in new[] { "EPCglobal-epcis-2_0.xsd", "EPCglobal-epcis-query-2_0.xsd" })
        {
            using var reader = XmlReader.Create(Path.Combine(folder, file), new XmlReaderSettings { XmlResolver = new XmlUrlResolver(), DtdProcessing = DtdProcessing.Prohibit });
            schemas.Add(null, reader);
        }
        schemas.Compile();
        return schemas;
    }
}
