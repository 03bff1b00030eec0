using System.Xml;

namespace VnTrace.Gs1.Epcis.Xml;

/// <summary>sensorElement (EPCIS 2.0 §7.3.6.4): metadata and reports carry their fields as XML attributes.</summary>
internal static class EpcisXmlSensorWriter
{
    public static void Write(XmlWriter w, SensorElement sensor)
    {
        w.WriteStartElement("sensorElement");
        if (sensor.Metadata is { } m)
        {
            w.WriteStartElement("sensorMetadata");
            Time(w, "time", m.Time);
            Text(w, "deviceID", m.DeviceId);
            Text(w, "deviceMetadata", m.DeviceMetadata);
            Text(w, "rawData", m.RawData);
            Time(w, "startTime", m.StartTime);
            Time(w, "endTime", m.EndTime);
            Text(w, "bizRules", m.BizRules);
            Text(w, "dataProcessingMethod", m.DataProcessingMethod);
            foreach (var e in m.Extensions)
                EpcisXmlExtensionWriter.WriteAsAttribute(w, e);
            w.WriteEndElement();
        }
        foreach (var s in sensor.Reports)
        {
            w.WriteStartElement("sensorReport");
            Text(w, "type", s.Type);
            Number(w, "value", s.Value);
            Text(w, "component", s.Component);
            Text(w, "stringValue", s.StringValue);
            if (s.BooleanValue is { } b)
                w.WriteAttributeString("booleanValue", b ? "true" : "false");
            Text(w, "hexBinaryValue", s.HexBinaryValue);
            Text(w, "uriValue", s.UriValue);
            Text(w, "uom", s.Uom);
            Number(w, "minValue", s.MinValue);
            Number(w, "maxValue", s.MaxValue);
            Number(w, "sDev", s.SDev);
            Text(w, "chemicalSubstance", s.ChemicalSubstance);
            Text(w, "microorganism", s.Microorganism);
            Text(w, "deviceID", s.DeviceId);
            Text(w, "deviceMetadata", s.DeviceMetadata);
            Text(w, "rawData", s.RawData);
            Time(w, "time", s.Time);
            Number(w, "meanValue", s.MeanValue);
            Number(w, "percRank", s.PercRank);
            Number(w, "percValue", s.PercValue);
            Text(w, "dataProcessingMethod", s.DataProcessingMethod);
            Text(w, "bizRules", s.BizRules);
            Text(w, "coordinateReferenceSystem", s.Coordinate);
            Text(w, "exception", s.Exception);
            foreach (var e in s.Extensions)
                EpcisXmlExtensionWriter.WriteAsAttribute(w, e);
            w.WriteEndElement();
        }
        EpcisXmlExtensionWriter.WriteAll(w, sensor.Extensions.Where(e => EpcisXmlExtensionWriter.IsWrapper(e, "extension")));
        EpcisXmlExtensionWriter.WriteAll(w, sensor.Extensions.Where(e => !EpcisXmlExtensionWriter.IsWrapper(e, "extension")));
        w.WriteEndElement();
    }

    private static void Text(XmlWriter w, string name, string? value)
    {
        if (value is not null)
            w.WriteAttributeString(name, value);
    }

    private static void Time(XmlWriter w, string name, DateTimeOffset? value)
    {
        if (value is { } t)
            w.WriteAttributeString(name, EpcisXmlValues.FormatTime(t));
    }

    private static void Number(XmlWriter w, string name, decimal? value)
    {
        if (value is { } n)
            w.WriteAttributeString(name, EpcisXmlValues.FormatDecimal(n));
    }
}
