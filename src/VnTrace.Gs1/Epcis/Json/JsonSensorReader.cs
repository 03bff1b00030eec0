using System.Text.Json;

namespace VnTrace.Gs1.Epcis.Json;

/// <summary>sensorElementList and its metadata and reports (EPCIS 2.0 §7.3.6.4).</summary>
internal sealed class JsonSensorReader(List<EpcisError> errors) : JsonFieldReader(errors)
{
    /// <summary>sensorElementList (EPCIS 2.0 §7.3.6.4): metadata, reports, and extensions at each level.</summary>
    public List<SensorElement> ReadSensorElements(JsonElement value, string path, JsonLdContext context) =>
        ObjectArray(value, path, (item, itemPath) => ReadSensorElement(item, itemPath, context));

    private SensorElement ReadSensorElement(JsonElement item, string itemPath, JsonLdContext context)
    {
        var element = new SensorElement();
        var hasReports = false;
        foreach (var member in item.EnumerateObject())
        {
            var at = JsonPointer.Append(itemPath, member.Name);
            switch (member.Name)
            {
                case "sensorMetadata":
                    element.Metadata = ReadSensorMetadata(member.Value, at, context);
                    break;
                case "sensorReport":
                    hasReports = true;
                    if (!Array(member.Value, at))
                        break;
                    var reportIndex = 0;
                    foreach (var report in member.Value.EnumerateArray())
                    {
                        if (ReadSensorReport(report, JsonPointer.Append(at, reportIndex++), context) is { } read)
                            element.Reports.Add(read);
                    }
                    break;
                default:
                    ExtensionOrError(member, at, context, element.Extensions, "sensorElement");
                    break;
            }
        }
        if (!hasReports)
            Error(JsonPointer.Append(itemPath, "sensorReport"), "required field 'sensorReport' is missing");
        return element;
    }

    private SensorMetadata? ReadSensorMetadata(JsonElement value, string path, JsonLdContext context)
    {
        if (!Object(value, path))
            return null;
        var metadata = new SensorMetadata();
        foreach (var member in value.EnumerateObject())
        {
            var at = JsonPointer.Append(path, member.Name);
            var field = member.Value;
            switch (member.Name)
            {
                case "time":
                    metadata.Time = Time(field, at, member.Name);
                    break;
                case "startTime":
                    metadata.StartTime = Time(field, at, member.Name);
                    break;
                case "endTime":
                    metadata.EndTime = Time(field, at, member.Name);
                    break;
                case "deviceID":
                    metadata.DeviceId = Uri(field, at);
                    break;
                case "deviceMetadata":
                    metadata.DeviceMetadata = Uri(field, at);
                    break;
                case "rawData":
                    metadata.RawData = Uri(field, at);
                    break;
                case "dataProcessingMethod":
                    metadata.DataProcessingMethod = Uri(field, at);
                    break;
                case "bizRules":
                    metadata.BizRules = Uri(field, at);
                    break;
                default:
                    ExtensionOrError(member, at, context, metadata.Extensions, "sensorMetadata");
                    break;
            }
        }
        return metadata;
    }

    private SensorReport? ReadSensorReport(JsonElement value, string path, JsonLdContext context)
    {
        if (!Object(value, path))
            return null;
        var report = new SensorReport();
        foreach (var member in value.EnumerateObject())
        {
            var at = JsonPointer.Append(path, member.Name);
            var field = member.Value;
            switch (member.Name)
            {
                // Measurement type, exception and component are kept as written: a GS1 term ("Temperature") or a URI.
                case "type":
                    report.Type = Uri(field, at);
                    break;
                case "exception":
                    report.Exception = Uri(field, at);
                    break;
                case "deviceID":
                    report.DeviceId = Uri(field, at);
                    break;
                case "deviceMetadata":
                    report.DeviceMetadata = Uri(field, at);
                    break;
                case "rawData":
                    report.RawData = Uri(field, at);
                    break;
                case "dataProcessingMethod":
                    report.DataProcessingMethod = Uri(field, at);
                    break;
                case "bizRules":
                    report.BizRules = Uri(field, at);
                    break;
                case "time":
                    report.Time = Time(field, at, member.Name);
                    break;
                case "microorganism":
                    report.Microorganism = Uri(field, at);
                    break;
                case "chemicalSubstance":
                    report.ChemicalSubstance = Uri(field, at);
                    break;
                case "coordinateReferenceSystem":
                    report.Coordinate = Uri(field, at);
                    break;
                case "value":
                    report.Value = Decimal(field, at);
                    break;
                case "component":
                    report.Component = Uri(field, at);
                    break;
                case "stringValue":
                    report.StringValue = String(field, at);
                    break;
                case "booleanValue":
                    report.BooleanValue = Boolean(field, at);
                    break;
                case "hexBinaryValue":
                    report.HexBinaryValue = String(field, at);
                    break;
                case "uriValue":
                    report.UriValue = Uri(field, at);
                    break;
                case "minValue":
                    report.MinValue = Decimal(field, at);
                    break;
                case "maxValue":
                    report.MaxValue = Decimal(field, at);
                    break;
                case "meanValue":
                    report.MeanValue = Decimal(field, at);
                    break;
                case "sDev":
                    report.SDev = Decimal(field, at);
                    break;
                case "percRank":
                    report.PercRank = Decimal(field, at);
                    break;
                case "percValue":
                    report.PercValue = Decimal(field, at);
                    break;
                case "uom":
                    report.Uom = String(field, at);
                    break;
                default:
                    ExtensionOrError(member, at, context, report.Extensions, "sensorReport");
                    break;
            }
        }
        return report;
    }

}
