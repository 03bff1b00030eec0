using VnTrace.Gs1.Epcis;
using VnTrace.Gs1.Epcis.Json;
using VnTrace.Gs1.Epcis.Validation;

namespace VnTrace.Gs1.Tests.Epcis.Validation;

/// <summary>GS1's own EPCIS 2.0 JSON examples are valid documents: the validator must not refuse their events.</summary>
public class StandardExamplesValidationTests(ITestOutputHelper output)
{
    [Fact]
    public void Gs1_json_examples_pass_the_semantic_validator()
    {
        var folder = SharedStandards.PathOf("gs1-epcis", "JSON");
        var problems = new List<string>();
        var events = 0;
        foreach (var file in Directory.EnumerateFiles(folder, "*.json*", SearchOption.AllDirectories).Order())
        {
            var read = EpcisJsonReader.ReadDocument(File.ReadAllBytes(file));
            if (read.Document is null)
                continue;
            for (var i = 0; i < read.Document.Events.Count; i++)
            {
                events++;
                var errors = new List<EpcisError>();
                EpcisEventValidator.Validate(read.Document.Events[i], $"/epcisBody/eventList/{i}", errors);
                problems.AddRange(errors.Select(e => $"{Path.GetFileName(file)} {e}"));
            }
        }
        output.WriteLine($"{events} events validated");
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }
}
