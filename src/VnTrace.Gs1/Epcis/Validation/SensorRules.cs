namespace VnTrace.Gs1.Epcis.Validation;

/// <summary>sensorElementList rules of EPCIS 2.0 §7.3.6.4 (sensorMetadata, sensorReport).</summary>
internal static class SensorRules
{
    public static void Check(List<SensorElement> elements, ErrorSink at)
    {
        for (var i = 0; i < elements.Count; i++)
        {
            var element = elements[i];
            var path = $"/sensorElementList/{i}";
            if (element.Reports.Count == 0)
                at.Add($"{path}/sensorReport", "a sensorElement needs at least one sensorReport");
            if (element.Metadata is { } m)
                CheckMetadata(m, $"{path}/sensorMetadata", at);
            for (var r = 0; r < element.Reports.Count; r++)
                CheckReport(element.Reports[r], $"{path}/sensorReport/{r}", at);
        }
    }

    private static void CheckMetadata(SensorMetadata m, string path, ErrorSink at)
    {
        if (m.StartTime is { } start && m.EndTime is { } end && start > end)
            at.Add($"{path}/startTime", $"startTime {start:O} is after endTime {end:O}");
        CheckOptionalUri(m.DeviceId, $"{path}/deviceID", "deviceID", at);
        CheckOptionalUri(m.DeviceMetadata, $"{path}/deviceMetadata", "deviceMetadata", at);
        CheckOptionalUri(m.RawData, $"{path}/rawData", "rawData", at);
        CheckOptionalUri(m.DataProcessingMethod, $"{path}/dataProcessingMethod", "dataProcessingMethod", at);
        CheckOptionalUri(m.BizRules, $"{path}/bizRules", "bizRules", at);
    }

    private static void CheckReport(SensorReport r, string path, ErrorSink at)
    {
        // A report states what was measured (type) or that the sensor raised an alert or error (exception).
        if (r.Type is null && r.Exception is null)
            at.Add(path, "a sensorReport needs a type (e.g. gs1:Temperature) or an exception");
        // CBV 2.0 sensor alert types, kept as written: a bare term, a gs1: CURIE or a full URI.
        if (r.Exception is { } exception && !exception.EndsWith("ALARM_CONDITION", StringComparison.Ordinal) && !exception.EndsWith("ERROR_CONDITION", StringComparison.Ordinal))
            at.Add($"{path}/exception", $"exception '{exception}' is neither ALARM_CONDITION nor ERROR_CONDITION");
        // A uom may stand without a value: GS1's SensorDataExample8 puts the reading in rawData.
        if (r.Uom is { } uom && !EpcisEventValidator.IsRec20Code(uom))
            at.Add($"{path}/uom", $"uom '{uom}' is not a UN/ECE Recommendation 20 code (2 or 3 upper-case letters or digits, e.g. CEL)");
        if (r.MinValue is { } min && r.MaxValue is { } max && min > max)
            at.Add($"{path}/minValue", $"minValue {min} is above maxValue {max}");
        if (r.PercRank is { } rank && (rank < 0 || rank > 100))
            at.Add($"{path}/percRank", $"percRank {rank} is not between 0 and 100");
        if ((r.PercRank is null) != (r.PercValue is null))
            at.Add(r.PercRank is null ? $"{path}/percValue" : $"{path}/percRank", "percRank and percValue go together");
        if (r.SDev < 0)
            at.Add($"{path}/sDev", $"sDev {r.SDev} is negative");
        if (r.HexBinaryValue is { } hex && (hex.Length % 2 != 0 || !hex.All(char.IsAsciiHexDigit)))
            at.Add($"{path}/hexBinaryValue", $"hexBinaryValue '{hex}' is not an even number of hex digits");
        CheckOptionalUri(r.UriValue, $"{path}/uriValue", "uriValue", at);
        CheckOptionalUri(r.DeviceId, $"{path}/deviceID", "deviceID", at);
        CheckOptionalUri(r.DeviceMetadata, $"{path}/deviceMetadata", "deviceMetadata", at);
        CheckOptionalUri(r.RawData, $"{path}/rawData", "rawData", at);
        CheckOptionalUri(r.DataProcessingMethod, $"{path}/dataProcessingMethod", "dataProcessingMethod", at);
        CheckOptionalUri(r.Microorganism, $"{path}/microorganism", "microorganism", at);
        CheckOptionalUri(r.ChemicalSubstance, $"{path}/chemicalSubstance", "chemicalSubstance", at);
    }

    private static void CheckOptionalUri(string? value, string path, string what, ErrorSink at)
    {
        if (value is not null)
            IdentifierRules.CheckUri(value, path, what, at);
    }
}
