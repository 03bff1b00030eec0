using static VnTrace.Gs1.Epcis.Xml.XmlNavigation;

namespace VnTrace.Gs1.Epcis.Xml;

/// <summary>sensorElementList (EPCIS 2.0 §7.3.6.4): metadata and reports, their values as attributes.</summary>
internal sealed class XmlSensorReader(XmlParseState state) : XmlPartReader(state)
{
    internal void ReadSensorElementList(List<SensorElement> list, string path)
    {
        var depth = r.Depth;
        if (!Enter(r))
            return;
        var position = 0;
        while (Next(depth))
        {
            if (r.LocalName == "sensorElement" && r.NamespaceURI.Length == 0)
                list.Add(ReadSensorElement(path + "/" + Indexed("sensorElement", ++position)));
            else
                SkipUnlessStandard(path + "/" + r.LocalName); // the list's own extension has no place in the model
        }
    }

    private SensorElement ReadSensorElement(string path)
    {
        var element = new SensorElement();
        var depth = r.Depth;
        if (!Enter(r))
            return element;
        var reports = 0;
        while (Next(depth))
        {
            if (r.NamespaceURI.Length == 0 && r.LocalName == "sensorMetadata")
                element.Metadata = ReadSensorMetadata(path + "/sensorMetadata");
            else if (r.NamespaceURI.Length == 0 && r.LocalName == "sensorReport")
                element.Reports.Add(ReadSensorReport(path + "/" + Indexed("sensorReport", ++reports)));
            else
                element.Extensions.Add(ReadExtension(path + "/" + Qualified()));
        }
        return element;
    }

    /// <summary>sensorMetadata: every field is an XML attribute (EPCIS 2.0 XSD SensorMetadataType).</summary>
    private SensorMetadata ReadSensorMetadata(string path)
    {
        var m = new SensorMetadata();
        for (var more = r.MoveToFirstAttribute(); more; more = r.MoveToNextAttribute())
        {
            if (r.NamespaceURI == EpcisXmlNamespaces.Xmlns)
                continue;
            var at = path + "/@" + r.Name;
            switch (r.NamespaceURI.Length == 0 ? r.LocalName : null)
            {
                case "time": m.Time = AttributeTime(at); break;
                case "startTime": m.StartTime = AttributeTime(at); break;
                case "endTime": m.EndTime = AttributeTime(at); break;
                case "deviceID": m.DeviceId = r.Value.Trim(); break;
                case "deviceMetadata": m.DeviceMetadata = r.Value.Trim(); break;
                case "rawData": m.RawData = r.Value.Trim(); break;
                case "dataProcessingMethod": m.DataProcessingMethod = r.Value.Trim(); break;
                case "bizRules": m.BizRules = r.Value.Trim(); break;
                default: m.Extensions.Add(AttributeAsExtension()); break;
            }
        }
        r.MoveToElement();
        r.Skip();
        return m;
    }

    /// <summary>sensorReport: every field is an XML attribute (EPCIS 2.0 XSD SensorReportType).</summary>
    private SensorReport ReadSensorReport(string path)
    {
        var s = new SensorReport();
        for (var more = r.MoveToFirstAttribute(); more; more = r.MoveToNextAttribute())
        {
            if (r.NamespaceURI == EpcisXmlNamespaces.Xmlns)
                continue;
            var at = path + "/@" + r.Name;
            var v = r.Value.Trim();
            switch (r.NamespaceURI.Length == 0 ? r.LocalName : null)
            {
                case "type": s.Type = v; break;
                case "exception": s.Exception = v; break;
                case "deviceID": s.DeviceId = v; break;
                case "deviceMetadata": s.DeviceMetadata = v; break;
                case "rawData": s.RawData = v; break;
                case "dataProcessingMethod": s.DataProcessingMethod = v; break;
                case "bizRules": s.BizRules = v; break;
                case "time": s.Time = AttributeTime(at); break;
                case "microorganism": s.Microorganism = v; break;
                case "chemicalSubstance": s.ChemicalSubstance = v; break;
                case "value": s.Value = AttributeNumber(at); break;
                case "component": s.Component = v; break;
                case "stringValue": s.StringValue = r.Value; break;
                case "booleanValue": s.BooleanValue = AttributeBoolean(at); break;
                case "hexBinaryValue": s.HexBinaryValue = v; break;
                case "uriValue": s.UriValue = v; break;
                case "minValue": s.MinValue = AttributeNumber(at); break;
                case "maxValue": s.MaxValue = AttributeNumber(at); break;
                case "meanValue": s.MeanValue = AttributeNumber(at); break;
                case "percRank": s.PercRank = AttributeNumber(at); break;
                case "percValue": s.PercValue = AttributeNumber(at); break;
                case "uom": s.Uom = v; break;
                case "sDev": s.SDev = AttributeNumber(at); break;
                case "coordinateReferenceSystem": s.Coordinate = v; break;
                default: s.Extensions.Add(AttributeAsExtension()); break;
            }
        }
        r.MoveToElement();
        r.Skip();
        return s;
    }
}
