using System.Text.Json;
using VnTrace.Gs1.Epcis.Cbv;
using CbvValues = VnTrace.Gs1.Epcis.Cbv.Cbv;

namespace VnTrace.Gs1.Tests.Epcis.Cbv;

public class CbvTests
{
    [Theory]
    [InlineData(CbvVocabulary.BizStep, "shipping", "urn:epcglobal:cbv:bizstep:shipping")]
    [InlineData(CbvVocabulary.BizStep, "urn:epcglobal:cbv:bizstep:shipping", "urn:epcglobal:cbv:bizstep:shipping")]
    [InlineData(CbvVocabulary.BizStep, "https://ref.gs1.org/cbv/BizStep-shipping", "urn:epcglobal:cbv:bizstep:shipping")]
    [InlineData(CbvVocabulary.BizStep, "cbv:BizStep-shipping", "urn:epcglobal:cbv:bizstep:shipping")]
    [InlineData(CbvVocabulary.Disposition, "in_transit", "urn:epcglobal:cbv:disp:in_transit")]
    [InlineData(CbvVocabulary.Disposition, "cbv:Disp-in_transit", "urn:epcglobal:cbv:disp:in_transit")]
    [InlineData(CbvVocabulary.BizTransactionType, "https://ref.gs1.org/cbv/BTT-po", "urn:epcglobal:cbv:btt:po")]
    [InlineData(CbvVocabulary.SourceDestType, "owning_party", "urn:epcglobal:cbv:sdt:owning_party")]
    [InlineData(CbvVocabulary.SourceDestType, "cbv:SDT-location", "urn:epcglobal:cbv:sdt:location")]
    [InlineData(CbvVocabulary.ErrorReason, "did_not_occur", "urn:epcglobal:cbv:er:did_not_occur")]
    [InlineData(CbvVocabulary.ErrorReason, "cbv:ER-incorrect_data", "urn:epcglobal:cbv:er:incorrect_data")]
    // Not standard: returned unchanged.
    [InlineData(CbvVocabulary.BizStep, "https://vntrace.example.vn/bizstep/fertilising", "https://vntrace.example.vn/bizstep/fertilising")]
    [InlineData(CbvVocabulary.BizStep, "urn:epcglobal:cbv:bizstep:teleporting", "urn:epcglobal:cbv:bizstep:teleporting")]
    [InlineData(CbvVocabulary.BizStep, "Shipping", "Shipping")]
    [InlineData(CbvVocabulary.BizStep, "in_transit", "in_transit")]
    [InlineData(CbvVocabulary.Disposition, "cbv:BizStep-shipping", "cbv:BizStep-shipping")]
    public void ToUrn_turns_every_form_of_a_standard_value_into_its_urn(CbvVocabulary vocabulary, string value, string urn) =>
        Assert.Equal(urn, CbvValues.ToUrn(vocabulary, value));

    [Theory]
    [InlineData(CbvVocabulary.BizStep, "urn:epcglobal:cbv:bizstep:receiving", "receiving", "https://ref.gs1.org/cbv/BizStep-receiving")]
    [InlineData(CbvVocabulary.Disposition, "urn:epcglobal:cbv:disp:sellable_accessible", "sellable_accessible", "https://ref.gs1.org/cbv/Disp-sellable_accessible")]
    [InlineData(CbvVocabulary.BizTransactionType, "urn:epcglobal:cbv:btt:desadv", "desadv", "https://ref.gs1.org/cbv/BTT-desadv")]
    [InlineData(CbvVocabulary.SourceDestType, "possessing_party", "possessing_party", "https://ref.gs1.org/cbv/SDT-possessing_party")]
    [InlineData(CbvVocabulary.ErrorReason, "cbv:ER-did_not_occur", "did_not_occur", "https://ref.gs1.org/cbv/ER-did_not_occur")]
    [InlineData(CbvVocabulary.BizStep, "https://example.org/step", "https://example.org/step", "https://example.org/step")]
    public void ToBareWord_and_ToWebUri_shorten_or_lengthen_standard_values_only(CbvVocabulary vocabulary, string value,
        string bareWord, string webUri)
    {
        Assert.Equal(bareWord, CbvValues.ToBareWord(vocabulary, value));
        Assert.Equal(webUri, CbvValues.ToWebUri(vocabulary, value));
        Assert.Equal(bareWord != value || webUri != value, CbvValues.IsStandard(vocabulary, value));
    }

    [Theory]
    [InlineData(CbvVocabulary.BizStep, "cbv-context-bizstep.jsonld", "BizStep-")]
    [InlineData(CbvVocabulary.Disposition, "cbv-context-disposition.jsonld", "Disp-")]
    [InlineData(CbvVocabulary.BizTransactionType, "cbv-context-biztransaction-type.jsonld", "BTT-")]
    [InlineData(CbvVocabulary.SourceDestType, "cbv-context-sourcedest-type.jsonld", "SDT-")]
    [InlineData(CbvVocabulary.ErrorReason, "cbv-context-error-reason.jsonld", "ER-")]
    public void Vocabulary_matches_the_gs1_json_ld_context(CbvVocabulary vocabulary, string contextFile, string webPrefix)
    {
        var path = SharedStandards.PathOf("gs1-epcis", "JSON-LD-Context", contextFile);
        using var json = JsonDocument.Parse(File.ReadAllBytes(path));
        var terms = json.RootElement.GetProperty("@context").EnumerateObject()
            .Where(t => !t.Name.StartsWith('@') && t.Name != "cbv")
            .ToList();

        Assert.Equal(terms.Select(t => t.Name).Order(StringComparer.Ordinal), CbvValues.Values(vocabulary).Order(StringComparer.Ordinal));
        Assert.All(terms, t => Assert.Equal("cbv:" + webPrefix + t.Name, t.Value.GetString()));
        Assert.All(terms, t => Assert.Equal("https://ref.gs1.org/cbv/" + webPrefix + t.Name, CbvValues.ToWebUri(vocabulary, t.Name)));
    }
}
