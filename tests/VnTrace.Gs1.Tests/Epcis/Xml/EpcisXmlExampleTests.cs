using VnTrace.Gs1.Epcis;
using VnTrace.Gs1.Epcis.Xml;

namespace VnTrace.Gs1.Tests.Epcis.Xml;

/// <summary>Every GS1 XML example and every document under TestData/Xml: read, round trip, convert, schema-check.</summary>
public class EpcisXmlExampleTests
{
    public static TheoryData<string> Examples => XmlExamples.All();

    [Theory]
    [MemberData(nameof(Examples))]
    public void Example_reads_without_errors(string example)
    {
        var document = XmlExamples.Read(example);

        Assert.True(document.Events.Count > 0 || document.MasterData.Count > 0, $"{example} read as an empty document");
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Example_round_trips_through_its_own_version_without_loss(string example)
    {
        var version = XmlExamples.IsVersion12(XmlExamples.Text(example)) ? EpcisXmlVersion.V1_2 : EpcisXmlVersion.V2_0;
        var original = XmlExamples.Read(example);

        var written = XmlExamples.Write(original, version);
        var again = XmlExamples.ReadBack(written, example);

        AssertSameModel(original, again, written);
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Example_written_as_2_0_validates_against_GS1_XSD(string example)
    {
        if (XmlExamples.IsVersion12(XmlExamples.Text(example)))
            Assert.Skip("1.2 user fields without a namespace move into the 2.0 extension wrapper, which the 2.0 XSD reserves for namespaced fields (as with GS1's own convert-1.2-to-2.0.xsl).");
        var written = XmlExamples.Write(XmlExamples.Read(example), EpcisXmlVersion.V2_0);

        var errors = Gs1Schemas.Validate(written);

        Assert.True(errors.Count == 0, string.Join("\n", errors) + "\n" + written);
    }

    /// <summary>
    /// 2.0 → 1.2 → model keeps every field; only namespaced fields inside the 2.0 event extension wrappers come back
    /// as plain event extensions, since 1.2 has no place for them inside a wrapper. 1.2 → 2.0 → model is exact.
    /// </summary>
    [Theory]
    [MemberData(nameof(Examples))]
    public void Example_survives_conversion_to_the_other_version(string example)
    {
        var is12 = XmlExamples.IsVersion12(XmlExamples.Text(example));
        var original = XmlExamples.Read(example);

        var written = XmlExamples.Write(original, is12 ? EpcisXmlVersion.V2_0 : EpcisXmlVersion.V1_2);
        var again = XmlExamples.ReadBack(written, example);

        if (!is12)
            FlattenNamespacedWrapperContent(original);
        original.SchemaVersion = again.SchemaVersion;
        AssertSameModel(original, again, written);
    }

    internal static void AssertSameModel(EpcisDocument expected, EpcisDocument actual, string written)
    {
        var left = EpcisModelDump.Of(expected);
        var right = EpcisModelDump.Of(actual);
        Assert.True(left == right, EpcisModelDump.FirstDifference(left, right) + "\n" + written);
    }

    private static void FlattenNamespacedWrapperContent(EpcisDocument document)
    {
        foreach (var ev in document.Events)
        {
            var flattened = new List<ExtensionElement>();
            ExtensionElement? localWrapper = null;
            foreach (var e in ev.Extensions)
            {
                if (e.Namespace.Length == 0 && e.LocalName is "extension" or "baseExtension")
                {
                    flattened.AddRange(e.Children.Where(c => c.Namespace.Length != 0));
                    var local = e.Children.Where(c => c.Namespace.Length == 0).ToList();
                    if (local.Count > 0)
                        (localWrapper ??= new ExtensionElement { LocalName = "extension" }).Children.AddRange(local);
                }
                else
                {
                    flattened.Add(e);
                }
            }
            if (localWrapper is not null)
                flattened.Add(localWrapper);
            ev.Extensions = flattened;
        }
    }
}
