using System.Text.Json;
using VnTrace.Gs1.Epcis.Cbv;

namespace VnTrace.Gs1.Epcis.Json;

public static partial class EpcisJsonWriter
{
    private static void WriteEventObject(Utf8JsonWriter writer, EpcisEvent evt, ExtensionPrefixes prefixes, bool includeContext)
    {
        writer.WriteStartObject();
        if (includeContext)
            prefixes.WriteContext(writer);
        writer.WriteString("type", evt.Type.ToString());
        writer.WriteString("eventTime", EpcisDateTime.Format(evt.EventTime));
        writer.WriteString("eventTimeZoneOffset", evt.EventTimeZoneOffset);
        WriteOptional(writer, "recordTime", evt.RecordTime);
        WriteOptional(writer, "eventID", evt.EventId);
        WriteCertificationInfo(writer, evt.CertificationInfo);
        if (evt.ErrorDeclaration is { } declaration)
            WriteErrorDeclaration(writer, declaration, prefixes);

        var isParentChild = evt.Type is EpcisEventType.AggregationEvent or EpcisEventType.AssociationEvent;
        WriteOptional(writer, "parentID", evt.ParentId);
        if (evt.Type == EpcisEventType.TransformationEvent)
        {
            WriteStrings(writer, "inputEPCList", evt.InputEpcList);
            WriteQuantities(writer, "inputQuantityList", evt.InputQuantityList);
            WriteStrings(writer, "outputEPCList", evt.OutputEpcList);
            WriteQuantities(writer, "outputQuantityList", evt.OutputQuantityList);
            WriteOptional(writer, "transformationID", evt.TransformationId);
        }
        else
        {
            var epcName = isParentChild ? "childEPCs" : "epcList";
            // The ObjectEvent schema needs epcList, quantityList or sensor data; an empty epcList is its plain form.
            if (evt.EpcList.Count > 0 || (evt.Type == EpcisEventType.ObjectEvent && evt.QuantityList.Count == 0
                                                                                && evt.SensorElementList.Count == 0))
            {
                writer.WriteStartArray(epcName);
                foreach (var epc in evt.EpcList)
                    writer.WriteStringValue(epc);
                writer.WriteEndArray();
            }
            WriteQuantities(writer, isParentChild ? "childQuantityList" : "quantityList", evt.QuantityList);
        }

        if (evt.Action is { } action)
            writer.WriteString("action", action switch
            {
                EpcisAction.Add => "ADD",
                EpcisAction.Observe => "OBSERVE",
                _ => "DELETE",
            });
        WriteVocabulary(writer, "bizStep", evt.BizStep, CbvVocabulary.BizStep);
        WriteVocabulary(writer, "disposition", evt.Disposition, CbvVocabulary.Disposition);
        if (evt.PersistentDisposition is { } persistent)
        {
            writer.WriteStartObject("persistentDisposition");
            WriteVocabularyList(writer, "set", persistent.Set, CbvVocabulary.Disposition);
            WriteVocabularyList(writer, "unset", persistent.Unset, CbvVocabulary.Disposition);
            writer.WriteEndObject();
        }
        WriteLocation(writer, "readPoint", evt.ReadPoint, evt.ReadPointExtensions, prefixes);
        WriteLocation(writer, "bizLocation", evt.BizLocation, evt.BizLocationExtensions, prefixes);

        if (evt.BizTransactionList.Count > 0)
        {
            writer.WriteStartArray("bizTransactionList");
            foreach (var transaction in evt.BizTransactionList)
            {
                writer.WriteStartObject();
                WriteVocabulary(writer, "type", transaction.Type, CbvVocabulary.BizTransactionType);
                writer.WriteString("bizTransaction", transaction.Value);
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
        }
        WriteSourceDestinations(writer, "sourceList", "source", evt.SourceList);
        WriteSourceDestinations(writer, "destinationList", "destination", evt.DestinationList);
        WriteSensorElements(writer, evt.SensorElementList, prefixes);
        if (evt.Ilmd is not null)
        {
            writer.WriteStartObject("ilmd");
            ExtensionJson.Write(writer, evt.Ilmd, prefixes);
            writer.WriteEndObject();
        }
        ExtensionJson.Write(writer, evt.Extensions, prefixes);
        writer.WriteEndObject();
    }

    private static void WriteCertificationInfo(Utf8JsonWriter writer, List<string> certificates)
    {
        if (certificates.Count == 1)
            writer.WriteString("certificationInfo", certificates[0]);
        else
            WriteStrings(writer, "certificationInfo", certificates);
    }

    private static void WriteErrorDeclaration(Utf8JsonWriter writer, ErrorDeclaration declaration, ExtensionPrefixes prefixes)
    {
        writer.WriteStartObject("errorDeclaration");
        writer.WriteString("declarationTime", EpcisDateTime.Format(declaration.DeclarationTime));
        WriteVocabulary(writer, "reason", declaration.Reason, CbvVocabulary.ErrorReason);
        WriteStrings(writer, "correctiveEventIDs", declaration.CorrectiveEventIds);
        ExtensionJson.Write(writer, declaration.Extensions, prefixes);
        writer.WriteEndObject();
    }

    private static void WriteQuantities(Utf8JsonWriter writer, string name, List<QuantityElement> quantities)
    {
        if (quantities.Count == 0)
            return;
        writer.WriteStartArray(name);
        foreach (var quantity in quantities)
        {
            writer.WriteStartObject();
            writer.WriteString("epcClass", quantity.EpcClass);
            WriteOptional(writer, "quantity", quantity.Quantity);
            WriteOptional(writer, "uom", quantity.Uom);
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
    }

    private static void WriteVocabulary(Utf8JsonWriter writer, string name, string? value, CbvVocabulary vocabulary)
    {
        if (value is not null)
            writer.WriteString(name, Cbv.Cbv.ToBareWord(vocabulary, value));
    }

    private static void WriteVocabularyList(Utf8JsonWriter writer, string name, List<string> values, CbvVocabulary vocabulary)
    {
        if (values.Count == 0)
            return;
        writer.WriteStartArray(name);
        foreach (var value in values)
            writer.WriteStringValue(Cbv.Cbv.ToBareWord(vocabulary, value));
        writer.WriteEndArray();
    }

    private static void WriteLocation(Utf8JsonWriter writer, string name, string? id, List<ExtensionElement> extensions,
        ExtensionPrefixes prefixes)
    {
        if (id is null && extensions.Count == 0)
            return;
        writer.WriteStartObject(name);
        WriteOptional(writer, "id", id);
        ExtensionJson.Write(writer, extensions, prefixes);
        writer.WriteEndObject();
    }

    private static void WriteSourceDestinations(Utf8JsonWriter writer, string listName, string valueName,
        List<SourceDestination> entries)
    {
        if (entries.Count == 0)
            return;
        writer.WriteStartArray(listName);
        foreach (var entry in entries)
        {
            writer.WriteStartObject();
            writer.WriteString("type", Cbv.Cbv.ToBareWord(CbvVocabulary.SourceDestType, entry.Type));
            writer.WriteString(valueName, entry.Value);
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
    }

    private static void WriteSensorElements(Utf8JsonWriter writer, List<SensorElement> sensors, ExtensionPrefixes prefixes)
    {
        if (sensors.Count == 0)
            return;
        writer.WriteStartArray("sensorElementList");
        foreach (var sensor in sensors)
        {
            writer.WriteStartObject();
            if (sensor.Metadata is { } metadata)
            {
                writer.WriteStartObject("sensorMetadata");
                WriteOptional(writer, "time", metadata.Time);
                WriteOptional(writer, "startTime", metadata.StartTime);
                WriteOptional(writer, "endTime", metadata.EndTime);
                WriteOptional(writer, "deviceID", metadata.DeviceId);
                WriteOptional(writer, "deviceMetadata", metadata.DeviceMetadata);
                WriteOptional(writer, "rawData", metadata.RawData);
                WriteOptional(writer, "dataProcessingMethod", metadata.DataProcessingMethod);
                WriteOptional(writer, "bizRules", metadata.BizRules);
                ExtensionJson.Write(writer, metadata.Extensions, prefixes);
                writer.WriteEndObject();
            }
            writer.WriteStartArray("sensorReport");
            foreach (var report in sensor.Reports)
                WriteSensorReport(writer, report, prefixes);
            writer.WriteEndArray();
            ExtensionJson.Write(writer, sensor.Extensions, prefixes);
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
    }

    private static void WriteSensorReport(Utf8JsonWriter writer, SensorReport report, ExtensionPrefixes prefixes)
    {
        writer.WriteStartObject();
        WriteOptional(writer, "type", report.Type);
        WriteOptional(writer, "exception", report.Exception);
        WriteOptional(writer, "deviceID", report.DeviceId);
        WriteOptional(writer, "deviceMetadata", report.DeviceMetadata);
        WriteOptional(writer, "rawData", report.RawData);
        WriteOptional(writer, "dataProcessingMethod", report.DataProcessingMethod);
        WriteOptional(writer, "bizRules", report.BizRules);
        WriteOptional(writer, "time", report.Time);
        WriteOptional(writer, "microorganism", report.Microorganism);
        WriteOptional(writer, "chemicalSubstance", report.ChemicalSubstance);
        WriteOptional(writer, "coordinateReferenceSystem", report.Coordinate);
        WriteOptional(writer, "value", report.Value);
        WriteOptional(writer, "component", report.Component);
        WriteOptional(writer, "stringValue", report.StringValue);
        if (report.BooleanValue is { } booleanValue)
            writer.WriteBoolean("booleanValue", booleanValue);
        WriteOptional(writer, "hexBinaryValue", report.HexBinaryValue);
        WriteOptional(writer, "uriValue", report.UriValue);
        WriteOptional(writer, "minValue", report.MinValue);
        WriteOptional(writer, "maxValue", report.MaxValue);
        WriteOptional(writer, "meanValue", report.MeanValue);
        WriteOptional(writer, "sDev", report.SDev);
        WriteOptional(writer, "percRank", report.PercRank);
        WriteOptional(writer, "percValue", report.PercValue);
        WriteOptional(writer, "uom", report.Uom);
        ExtensionJson.Write(writer, report.Extensions, prefixes);
        writer.WriteEndObject();
    }
}
