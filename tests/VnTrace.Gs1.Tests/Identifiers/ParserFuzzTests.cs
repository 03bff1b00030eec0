using VnTrace.Gs1.Identifiers;

namespace VnTrace.Gs1.Tests.Identifiers;

/// <summary>Property tests: random input never throws, generated valid keys always round-trip.</summary>
public class ParserFuzzTests
{
    private const string Alphabet = "0123456789()/%?&=#:.;'\"*+,-_ABCXYZabcxyz\u001d]~ é";
    private static readonly string[] Seeds =
    [
        "(01)09506000134352(17)201225(10)ABC123", "]d2010950600013435217201225\u001d10ABC", "https://id.gs1.org/01/09506000134352/21/A?17=201225",
        "https://example.vn/p/414/4012345000115/254/1", "urn:epc:id:sgtin:0614141.107346.2018", "urn:epc:class:lgtin:4012345.012345.998877",
    ];

    private static string Mutate(Random random, string seed)
    {
        var chars = seed.ToList();
        var edits = random.Next(1, 6);
        for (var i = 0; i < edits; i++)
        {
            var at = random.Next(chars.Count + 1);
            switch (random.Next(3))
            {
                case 0: chars.Insert(at, Alphabet[random.Next(Alphabet.Length)]); break;
                case 1 when at < chars.Count: chars.RemoveAt(at); break;
                default: if (at < chars.Count) chars[at] = Alphabet[random.Next(Alphabet.Length)]; break;
            }
        }
        return new string([.. chars]);
    }

    private static IEnumerable<string> Inputs(int seed, int count)
    {
        var random = new Random(seed);
        for (var i = 0; i < count; i++)
        {
            yield return random.Next(4) == 0
                ? new string([.. Enumerable.Range(0, random.Next(40)).Select(_ => Alphabet[random.Next(Alphabet.Length)])])
                : Mutate(random, Seeds[random.Next(Seeds.Length)]);
        }
    }

    [Fact]
    public void Random_input_only_ever_fails_with_a_parse_error()
    {
        foreach (var input in Inputs(20240301, 20_000))
        {
            if (!ElementString.TryParse(input, out var es, out var esError))
                Assert.InRange(esError.Position, 0, input.Length);
            else
                Assert.Equal(es, ElementString.Parse(es.ToRaw()));
            if (!DigitalLink.TryParse(input, out var dl, out var dlError))
                Assert.InRange(dlError.Position, 0, input.Length);
            else
                Assert.Equal(dl.ToCanonicalUri(), DigitalLink.Parse(dl.ToCanonicalUri()).ToCanonicalUri());
            if (EpcUri.TryParse(input, out var epc, out _))
                Assert.Equal(epc, EpcUri.Parse(epc.ToString()));
            EpcDigitalLink.TryToCanonicalDigitalLink(input, out _);
            EpcDigitalLink.TryToEpcUri(input, out _);
        }
    }

    [Fact]
    public void Generated_valid_keys_round_trip_through_every_form()
    {
        var random = new Random(893);
        for (var i = 0; i < 2_000; i++)
        {
            var body = string.Concat(Enumerable.Range(0, 13).Select(_ => (char)('0' + random.Next(10))));
            var gtin = Gtin.Parse(body + Gs1CheckDigit.ComputeChar(body));
            var serial = string.Concat(Enumerable.Range(0, random.Next(1, 21)).Select(_ => Gs1Charset.Cset82[random.Next(Gs1Charset.Cset82.Length)]));
            var es = new ElementString([new("01", gtin.ToString()), new("21", serial)]);
            Assert.Equal(es, ElementString.Parse(es.ToRaw("]Q3")));
            Assert.Equal(es, ElementString.Parse(es.ToBracketed()));

            var link = new DigitalLink { PrimaryKey = es.Elements[0], Qualifiers = [es.Elements[1]] };
            var parsed = DigitalLink.Parse(link.ToCanonicalUri());
            Assert.Equal(link, parsed);

            var cpLength = random.Next(6, 13);
            Assert.True(EpcUri.TryFromDigitalLink(parsed, cpLength, out var epc, out var error), error?.Message);
            Assert.Equal(link.ToCanonicalUri(), EpcUri.Parse(epc.ToString()).ToDigitalLink().ToCanonicalUri());
        }
    }
}
