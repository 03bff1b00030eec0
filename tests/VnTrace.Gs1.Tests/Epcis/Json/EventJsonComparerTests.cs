using System.Text.Json;
using System.Text.Json.Nodes;
using VnTrace.Gs1.Epcis.Json;

namespace VnTrace.Gs1.Tests.Epcis.Json;

/// <summary>The round-trip comparer must see a lost field, or the round-trip tests prove nothing.</summary>
public class EventJsonComparerTests
{
    [Theory]
    [InlineData("/bizLocation")]
    [InlineData("/ilmd/farm:inputs/1/farm:note")]
    [InlineData("/sensorElementList/0/sensorReport/0/bizRules")]
    [InlineData("/sensorElementList/0/sensorMetadata/vnt:calibrated")]
    [InlineData("/errorDeclaration/vnt:declaredBy")]
    [InlineData("/readPoint/vnt:gate")]
    [InlineData("/vnt:remark")]
    public void Comparer_reports_a_field_dropped_from_the_output(string pointer)
    {
        var (input, output) = WrittenObjectEvent();
        var parentPath = pointer[..pointer.LastIndexOf('/')];
        var parent = parentPath.Split('/', StringSplitOptions.RemoveEmptyEntries)
            .Aggregate((JsonNode)output, (node, token) => int.TryParse(token, out var i) ? node[i]! : node[token]!);
        var name = pointer[(pointer.LastIndexOf('/') + 1)..];
        var expandedName = Expanded(name);
        // The writer may have chosen another prefix; drop the member by its expanded name.
        var key = parent.AsObject().Select(p => p.Key).Single(k => Expanded(k, output) == expandedName);
        parent.AsObject().Remove(key);

        var differences = Compare(input, output);

        var difference = Assert.Single(differences);
        Assert.EndsWith(": missing from the output", difference);
    }

    [Fact]
    public void Comparer_reports_a_changed_value_and_a_lost_array_item()
    {
        var (input, output) = WrittenObjectEvent();
        output["quantityList"]![0]!["quantity"] = 1250.6m;
        output["epcList"]!.AsArray().RemoveAt(1);

        var differences = Compare(input, output);

        Assert.Contains(differences, d => d.StartsWith("/quantityList/0/quantity: input 1250.5, output 1250.6", StringComparison.Ordinal));
        Assert.Contains(differences, d => d.StartsWith("/epcList: 2 items in the input, 1 in the output", StringComparison.Ordinal));
    }

    [Fact]
    public void Comparer_accepts_the_forms_a_round_trip_may_change()
    {
        var (input, output) = WrittenObjectEvent();

        Assert.Empty(Compare(input, output));
        // The output really does differ in form: URN vs bare word, 4.0 vs 4, offset spelling.
        Assert.Equal("urn:epcglobal:cbv:bizstep:commissioning", input["bizStep"]!.GetValue<string>());
        Assert.Equal("commissioning", output["bizStep"]!.GetValue<string>());
    }

    private static (JsonObject Input, JsonObject Output) WrittenObjectEvent()
    {
        var bytes = JsonExamples.ReadOwn("object-event-all-fields.jsonld");
        var read = EpcisJsonReader.ReadDocument(bytes);
        Assert.True(read.Success, JsonExamples.Describe(read));
        var input = JsonNode.Parse(bytes)!["epcisBody"]!["eventList"]![0]!.AsObject();
        input["@context"] = JsonNode.Parse(bytes)!["@context"]!.DeepClone();
        var output = JsonNode.Parse(JsonExamples.Write(w =>
            EpcisJsonWriter.WriteEvent(w, read.Document!.Events[0], includeContext: true)))!.AsObject();
        return (input, output);
    }

    private static List<string> Compare(JsonObject input, JsonObject output)
    {
        using var expected = JsonDocument.Parse(input.ToJsonString());
        using var actual = JsonDocument.Parse(output.ToJsonString());
        return EventJsonComparer.Differences(
            expected.RootElement, EventJsonComparer.Prefixes(expected.RootElement.GetProperty("@context")),
            actual.RootElement, EventJsonComparer.Prefixes(actual.RootElement.GetProperty("@context")));
    }

    private static string Expanded(string name, JsonObject? withContext = null)
    {
        var colon = name.IndexOf(':');
        if (colon <= 0)
            return name;
        var prefixes = withContext is null
            ? new Dictionary<string, string> { ["vnt"] = "https://vntrace.example.vn/ns/", ["farm"] = "https://farm.example.vn/epcis/" }
            : ContextPrefixes(withContext);
        return prefixes.TryGetValue(name[..colon], out var ns) ? ns + name[(colon + 1)..] : name;
    }

    private static Dictionary<string, string> ContextPrefixes(JsonObject withContext)
    {
        using var json = JsonDocument.Parse(withContext["@context"]!.ToJsonString());
        return EventJsonComparer.Prefixes(json.RootElement);
    }
}
