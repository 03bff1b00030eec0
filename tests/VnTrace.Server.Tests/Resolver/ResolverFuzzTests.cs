using System.Text;
using VnTrace.Gs1.Identifiers;
using VnTrace.Server.Tests.Lookup;

namespace VnTrace.Server.Tests.Resolver;

/// <summary>
/// Thousands of generated Digital Link paths — valid, nearly valid, malformed, overlong, with script in every place a
/// value can go — sent with assorted Accept headers: none may give a 500 or come back with the script unescaped.
/// </summary>
public abstract class ResolverFuzzTests(LookupAppFixture fixture)
{
    private const string Marker = "<x-injected onload=alert(1)>";

    private static readonly string[] Keys = ["01", "01", "01", "414", "417", "00", "gtin", "gln", "sscc", "8004", "8006", "253", "10", "21", "xx", "0"];
    private static readonly string[] Qualifiers = ["10", "21", "22", "235", "lot", "ser", "17", "254", "7040", "x"];
    private static readonly string[] QueryKeys = ["linkType", "17", "10", "15", "3103", "21", "culture", "context", "x", "<k>", ""];
    private static readonly string[] LinkTypes = ["all", "linkset", "gs1:pip", "gs1:epcis", "gs1:traceability", "gs1:certificationInfo", "gs1:recallStatus", "https://gs1.org/voc/pip", "gs1:", "nope", Marker];
    private static readonly string[] Accepts = ["text/html", "application/json", "application/linkset+json", "*/*", "application/ld+json;q=0.9, text/html;q=0.1", "text/html;q=abc", "", "application/problem+json"];
    private const string Alphabet = "0123456789ABCDEFabcdefXYZ-._~%/?#&=+;:,!'\"<>()*[]{}|\\^` ăđươ€😀";

    private static string Digits(Random r, int length) => string.Concat(Enumerable.Range(0, length).Select(_ => (char)('0' + r.Next(10))));

    private static string Key(Random r, int length)
    {
        var body = Digits(r, length - 1);
        return r.Next(4) == 0 ? body + (char)('0' + r.Next(10)) : body + Gs1CheckDigit.ComputeChar(body);
    }

    private static string Junk(Random r) => r.Next(8) switch
    {
        0 => Marker,
        1 => Uri.EscapeDataString(Marker),
        2 => "%" + (char)('A' + r.Next(26)) + (char)('0' + r.Next(10)),
        3 => new string('A', r.Next(1, 6000)),
        4 => Digits(r, r.Next(0, 25)),
        _ => string.Concat(Enumerable.Range(0, r.Next(0, 24)).Select(_ => Alphabet[r.Next(Alphabet.Length)])),
    };

    private static string Value(Random r, string ai) => (ai, r.Next(3)) switch
    {
        ("01" or "gtin", not 0) => Key(r, r.Next(2) == 0 ? 14 : 13),
        ("414" or "417" or "gln", not 0) => Key(r, 13),
        ("00" or "sscc", not 0) => Key(r, 18),
        _ => Junk(r),
    };

    internal static string GeneratePath(Random r)
    {
        var sb = new StringBuilder();
        if (r.Next(20) == 0)
            return "/" + string.Concat(Enumerable.Range(0, r.Next(8, 40)).Select(_ => "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"[r.Next(64)]));
        var key = Keys[r.Next(Keys.Length)];
        sb.Append('/').Append(key);
        if (r.Next(12) != 0)
            sb.Append('/').Append(Value(r, key));
        for (var i = r.Next(0, 4); i > 0; i--)
        {
            var q = Qualifiers[r.Next(Qualifiers.Length)];
            sb.Append('/').Append(q);
            if (r.Next(8) != 0)
                sb.Append('/').Append(r.Next(3) == 0 ? Junk(r) : Digits(r, r.Next(1, 12)));
        }
        if (r.Next(10) == 0)
            sb.Append('/');
        var separator = '?';
        for (var i = r.Next(0, 4); i > 0; i--)
        {
            var k = QueryKeys[r.Next(QueryKeys.Length)];
            var v = k == "linkType" ? LinkTypes[r.Next(LinkTypes.Length)] : Junk(r);
            sb.Append(separator).Append(r.Next(2) == 0 ? Uri.EscapeDataString(k) : k).Append('=').Append(r.Next(2) == 0 ? Uri.EscapeDataString(v) : v);
            separator = '&';
        }
        return sb.ToString();
    }

    [Fact]
    public async Task Three_thousand_generated_paths_never_give_a_500_nor_reflect_script()
    {
        var s = await LookupScenario.CreateAsync(fixture.App);
        var random = new Random(20261125);
        using var client = fixture.App.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var statuses = new Dictionary<int, int>();
        for (var i = 0; i < 3000; i++)
        {
            // Some paths start from the scenario's real codes, so valid links are fuzzed too.
            var path = (i % 5) switch
            {
                0 => s.RoastedLotPath + GeneratePath(random)[3..],
                1 => $"/01/{s.Roasted.Gtin}/21/{Junk(random)}",
                _ => GeneratePath(random),
            };
            if (!Uri.TryCreate("http://localhost" + (path.StartsWith('/') ? path : "/" + path), UriKind.Absolute, out var uri))
                continue;
            using var request = new HttpRequestMessage(random.Next(10) == 0 ? HttpMethod.Head : HttpMethod.Get, uri);
            var accept = Accepts[random.Next(Accepts.Length)];
            if (accept.Length > 0)
                request.Headers.TryAddWithoutValidation("Accept", accept);
            using var response = await client.SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();
            var status = (int)response.StatusCode;
            statuses[status] = statuses.GetValueOrDefault(status) + 1;
            Assert.True(status < 500, $"{request.Method} {uri.PathAndQuery} (Accept: {accept}) answered {status}: {body[..Math.Min(body.Length, 500)]}");
            Assert.DoesNotContain("<x-injected", body, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("<x-injected", response.Headers.Location?.OriginalString ?? "", StringComparison.OrdinalIgnoreCase);
            foreach (var header in response.Headers.Concat(response.Content.Headers))
                Assert.DoesNotContain(header.Value, v => v.Contains("<x-injected", StringComparison.OrdinalIgnoreCase));
        }
        TestContext.Current.TestOutputHelper?.WriteLine(string.Join(", ", statuses.OrderBy(p => p.Key).Select(p => $"{p.Key}: {p.Value}")));
        Assert.True(statuses.GetValueOrDefault(200) > 100, "too few generated links resolved");
        Assert.True(statuses.GetValueOrDefault(400) > 500, "too few generated links were refused");
        Assert.True(statuses.GetValueOrDefault(404) > 50, "too few generated links were unknown");
    }
}

public sealed class SqliteResolverFuzzTests(SqliteLookupFixture fixture) : ResolverFuzzTests(fixture), IClassFixture<SqliteLookupFixture>;

public sealed class PostgresResolverFuzzTests(PostgresLookupFixture fixture) : ResolverFuzzTests(fixture), IClassFixture<PostgresLookupFixture>;
