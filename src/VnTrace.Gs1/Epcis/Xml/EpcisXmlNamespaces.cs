namespace VnTrace.Gs1.Epcis.Xml;

/// <summary>Namespace URIs of the EPCIS XML bindings (EPCIS 2.0 §9.2, EPCIS 1.2 §9.5) and the schemas they import.</summary>
public static class EpcisXmlNamespaces
{
    public const string Epcis2 = "urn:epcglobal:epcis:xsd:2";
    public const string Epcis1 = "urn:epcglobal:epcis:xsd:1";
    public const string Query2 = "urn:epcglobal:epcis-query:xsd:2";
    public const string Query1 = "urn:epcglobal:epcis-query:xsd:1";
    public const string MasterData2 = "urn:epcglobal:epcis-masterdata:xsd:2";
    public const string MasterData1 = "urn:epcglobal:epcis-masterdata:xsd:1";
    public const string Sbdh = "http://www.unece.org/cefact/namespaces/StandardBusinessDocumentHeader";
    public const string Xsi = "http://www.w3.org/2001/XMLSchema-instance";
    public const string Xmlns = "http://www.w3.org/2000/xmlns/";

    /// <summary>True for the namespaces the writer declares itself, for the version it writes (SBDH included).</summary>
    internal static bool IsWriterOwned(string uri) =>
        uri is Epcis2 or Epcis1 or Query2 or Query1 or MasterData2 or MasterData1 or Sbdh;

    internal static string Core(EpcisXmlVersion version) => version == EpcisXmlVersion.V2_0 ? Epcis2 : Epcis1;

    internal static string Query(EpcisXmlVersion version) => version == EpcisXmlVersion.V2_0 ? Query2 : Query1;
}
