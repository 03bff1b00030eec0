namespace VnTrace.Gs1.Epcis.Xml;

/// <summary>The EPCIS XML binding to write: 2.0 (<c>urn:epcglobal:epcis:xsd:2</c>) or 1.2 (<c>urn:epcglobal:epcis:xsd:1</c>).</summary>
public enum EpcisXmlVersion
{
    V2_0,
    V1_2,
}
