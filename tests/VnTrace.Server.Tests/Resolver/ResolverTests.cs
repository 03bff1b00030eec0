using System.Net;
using System.Text.Json.Nodes;
using VnTrace.Server.Tests.Infrastructure;
using VnTrace.Server.Tests.Lookup;

namespace VnTrace.Server.Tests.Resolver;

/// <summary>GS1 Digital Link resolver behaviour: routes, content negotiation, linkset, redirects, description file, refusals.</summary>
public abstract class ResolverTests(LookupAppFixture fixture)
{
    private VnTraceApp App => fixture.App;

    private HttpClient Client(string? accept = null)
    {
        var client = App.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        if (accept is not null)
            client.DefaultRequestHeaders.Accept.ParseAdd(accept);
        return client;
    }

    private static async Task<JsonObject> LinksetAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {body}");
        var json = JsonNode.Parse(body)!.AsObject();
        // RFC 9264 §4.2: "linkset" is the sole member, an array of link context objects.
        Assert.Equal(["linkset"], json.Select(p => p.Key));
        return json["linkset"]!.AsArray().Single()!.AsObject();
    }

    [Theory]
    [InlineData("")]
    [InlineData("/10/{lot}")]
    [InlineData("/21/S-0001")]
    [InlineData("/10/{lot}/21/S-0001")]
    public async Task Digital_link_paths_of_a_trade_item_answer_a_browser_with_the_consumer_page(string qualifiers)
    {
        var s = await LookupScenario.CreateAsync(App);
        var path = $"/01/{s.Roasted.Gtin}" + qualifiers.Replace("{lot}", s.RoastedLot, StringComparison.Ordinal);
        var response = await Client("text/html,application/xhtml+xml,*/*;q=0.8").GetAsync(path);
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode} {html}");
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Cà phê rang xay Ea Tu", html);
        Assert.Equal("*", response.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Contains("rel=\"linkset\"", response.Headers.GetValues("Link").Single());
    }

    [Fact]
    public async Task Location_party_container_and_short_name_paths_resolve_too()
    {
        var s = await LookupScenario.CreateAsync(App);
        var client = Client("text/html");
        Assert.Contains("Vườn cà phê Ea Tu", await (await client.GetAsync($"/414/{s.Farm.Gln}")).Content.ReadAsStringAsync());
        Assert.Contains(s.Producer.Name, await (await client.GetAsync($"/417/{s.Producer.Gln}")).Content.ReadAsStringAsync());
        var pallet = await client.GetAsync($"/00/{s.Sscc}");
        Assert.Equal(HttpStatusCode.OK, pallet.StatusCode);
        Assert.Contains("Cà phê rang xay Ea Tu", await pallet.Content.ReadAsStringAsync());
        // GS1 Digital Link 1.0/1.1 short names, and a GTIN-13 in the path.
        var shortName = await client.GetAsync($"/gtin/{s.Roasted.Gtin[1..]}/lot/{s.RoastedLot}");
        Assert.Equal(HttpStatusCode.OK, shortName.StatusCode);
        Assert.Contains(s.RoastedLot, await shortName.Content.ReadAsStringAsync());
        // A trailing slash changes nothing.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/01/{s.Roasted.Gtin}/10/{s.RoastedLot}/")).StatusCode);
    }

    [Fact]
    public async Task The_resolver_does_not_take_other_routes()
    {
        var client = Client();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/no-such-page")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/events")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/lib/leaflet/leaflet.js")).StatusCode);
    }

    [Theory]
    [InlineData("?linkType=all", null, "application/linkset+json")]
    [InlineData("?linkType=linkset", null, "application/linkset+json")]
    [InlineData("", "application/linkset+json", "application/linkset+json")]
    [InlineData("?linkType=all", "application/json", "application/json")]
    [InlineData("", "application/json", "application/json")]
    public async Task The_linkset_is_given_for_linkType_all_or_a_json_accept(string query, string? accept, string mediaType)
    {
        var s = await LookupScenario.CreateAsync(App);
        var response = await Client(accept).GetAsync(s.RoastedLotPath + query);
        var context = await LinksetAsync(response);
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Accept", response.Headers.Vary);
        Assert.Contains("json-ld#context", response.Headers.GetValues("Link").Single());
        Assert.Equal("http://localhost" + s.RoastedLotPath, context["anchor"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_linkset_holds_the_published_links_each_with_href_and_title()
    {
        var s = await LookupScenario.CreateAsync(App);
        var context = await LinksetAsync(await Client().GetAsync(s.RoastedLotPath + "?linkType=all"));
        var anchor = "http://localhost" + s.RoastedLotPath;
        Assert.Equal("Cà phê rang xay Ea Tu", context["description"]!.GetValue<string>());
        var relations = context.Where(p => p.Key.StartsWith("https://gs1.org/voc/", StringComparison.Ordinal)).ToDictionary(p => p.Key, p => p.Value!.AsArray());
        Assert.Equal(anchor, relations["https://gs1.org/voc/defaultLink"].Single()!["href"]!.GetValue<string>());
        Assert.Equal(["vi", "en"], relations["https://gs1.org/voc/pip"].Select(t => t!["hreflang"]!.AsArray().Single()!.GetValue<string>()));
        Assert.Equal(anchor + "#journey", relations["https://gs1.org/voc/traceability"].Single()!["href"]!.GetValue<string>());
        Assert.Equal($"http://localhost/events?MATCH_anyEPCClass={Uri.EscapeDataString(s.RoastedLotId)}", relations["https://gs1.org/voc/epcis"].Single()!["href"]!.GetValue<string>());
        var certificates = relations["https://gs1.org/voc/certificationInfo"];
        Assert.Equal(2, certificates.Count);
        Assert.Contains(certificates, c => c!["title"]!.GetValue<string>().StartsWith("VietGAP VG-" + s.Prefix, StringComparison.Ordinal));
        Assert.Contains(certificates, c => c!["title"]!.GetValue<string>().Contains("Hết hiệu lực", StringComparison.Ordinal));
        Assert.Equal("Không có thông báo thu hồi", relations["https://gs1.org/voc/recallStatus"].Single()!["title"]!.GetValue<string>());
        foreach (var target in relations.Values.SelectMany(a => a))
        {
            Assert.StartsWith("http", target!["href"]!.GetValue<string>());
            Assert.False(string.IsNullOrWhiteSpace(target["title"]!.GetValue<string>()));
        }
    }

    [Fact]
    public async Task A_link_type_redirects_with_307_passing_the_query_on()
    {
        var s = await LookupScenario.CreateAsync(App);
        var client = Client("text/html");
        var journey = await client.GetAsync(s.RoastedLotPath + "?linkType=gs1:traceability&17=271028");
        Assert.Equal(HttpStatusCode.TemporaryRedirect, journey.StatusCode);
        Assert.Equal($"http://localhost{s.RoastedLotPath}?17=271028#journey", journey.Headers.Location!.ToString());
        var epcis = await client.GetAsync(s.RoastedLotPath + "?linkType=" + Uri.EscapeDataString("https://gs1.org/voc/epcis"));
        Assert.Equal(HttpStatusCode.TemporaryRedirect, epcis.StatusCode);
        Assert.StartsWith("http://localhost/events?MATCH_anyEPCClass=", epcis.Headers.Location!.ToString());
        // A link type with no published link falls back to the default link, the consumer page.
        var none = await client.GetAsync(s.RoastedLotPath + "?linkType=gs1:recipeInfo");
        Assert.Equal(HttpStatusCode.TemporaryRedirect, none.StatusCode);
        Assert.Equal("http://localhost" + s.RoastedLotPath, none.Headers.Location!.ToString());
    }

    [Fact]
    public async Task An_unknown_code_is_not_found_as_a_page_or_a_problem()
    {
        var page = await Client("text/html").GetAsync("/01/09506000134352/10/NOPE");
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Contains("Mã chưa được đăng ký", await page.Content.ReadAsStringAsync());
        var linkset = await Client().GetAsync("/01/09506000134352/10/NOPE?linkType=all");
        await linkset.AssertProblem(404, "NoSuchNameException");
    }

    [Theory]
    [InlineData("/01/09506000134353", "check digit")]
    [InlineData("/01/09506000134352/17/261231", "not a key qualifier")]
    [InlineData("/01", "no value")]
    [InlineData("/414/123", null)]
    [InlineData("/01/09506000134352?21=S1", "not allowed as a Digital Link data attribute")]
    [InlineData("/01/09506000134352?3102=000500&3103=000750", "cannot be used together with AI (3102)")]
    [InlineData("/00/106141411234567897?10=L1", "AI (10) BATCH/LOT needs AI (01)")]
    public async Task An_invalid_digital_link_is_a_friendly_400_page_or_a_problem(string path, string? message)
    {
        var page = await Client("text/html").GetAsync(path);
        var html = await page.Content.ReadAsStringAsync();
        Assert.True(page.StatusCode == HttpStatusCode.BadRequest, $"{path}: {(int)page.StatusCode} {html}");
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Mã không hợp lệ", html);
        var problem = await (await Client("application/json").GetAsync(path)).AssertProblem(400, "ValidationException");
        if (message is not null)
            Assert.Contains(message, problem["detail"]!.GetValue<string>());
        Assert.NotNull(problem["position"]);
    }

    [Fact]
    public async Task A_compressed_digital_link_is_refused_clearly()
    {
        var page = await Client("text/html").GetAsync("/ARHKVAdpQgTBVAWOKZi9kLtX");
        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        Assert.Contains("dạng nén", await page.Content.ReadAsStringAsync());
        var problem = await (await Client("application/problem+json").GetAsync("/ARHKVAdpQgTBVAWOKZi9kLtX")).AssertProblem(400, "ValidationException");
        Assert.Contains("compressed", problem["detail"]!.GetValue<string>());
        Assert.Equal("CompressedDigitalLink", problem["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_overlong_uri_is_refused_with_414()
    {
        var path = "/01/09506000134352/10/" + new string('A', 5000);
        var page = await Client("text/html").GetAsync(path);
        Assert.Equal((HttpStatusCode)414, page.StatusCode);
        Assert.Contains("quá dài", await page.Content.ReadAsStringAsync());
        await (await Client("application/json").GetAsync(path)).AssertProblem(414, "ValidationException");
    }

    [Fact]
    public async Task Options_answers_the_methods_with_cors()
    {
        var response = await Client().SendAsync(new HttpRequestMessage(HttpMethod.Options, "/01/09506000134352"));
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal("GET, HEAD, OPTIONS", response.Content.Headers.Allow.Count > 0 ? string.Join(", ", response.Content.Headers.Allow) : response.Headers.GetValues("Allow").Single());
        Assert.Equal("*", response.Headers.GetValues("Access-Control-Allow-Origin").Single());
        var head = await Client().SendAsync(new HttpRequestMessage(HttpMethod.Head, "/01/09506000134352"));
        Assert.Equal(HttpStatusCode.NotFound, head.StatusCode);
    }

    [Fact]
    public async Task The_resolver_description_file_names_the_root_keys_and_link_types()
    {
        var response = await Client().GetAsync("/.well-known/gs1resolver");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var json = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        Assert.Equal("http://localhost", json["resolverRoot"]!.GetValue<string>());
        Assert.Equal(["01", "414", "417", "00"], json["supportedPrimaryKeys"]!.AsArray().Select(k => k!.GetValue<string>()));
        Assert.Equal("gs1:", json["supportedLinkType"]![0]!["prefix"]!.GetValue<string>());
        Assert.Equal("https://gs1.org/voc/", json["supportedLinkType"]![0]!["namespace"]!.GetValue<string>());
        Assert.Equal("*", response.Headers.GetValues("Access-Control-Allow-Origin").Single());
    }

    [Fact]
    public async Task Script_in_query_attributes_is_never_reflected_unescaped()
    {
        var s = await LookupScenario.CreateAsync(App);
        const string script = "<script>alert(1)</script>";
        foreach (var query in new[] { "?x=" + Uri.EscapeDataString(script), "?linkType=" + Uri.EscapeDataString(script), "?17=" + Uri.EscapeDataString(script), "?culture=" + Uri.EscapeDataString(script) })
        {
            foreach (var accept in new[] { "text/html", "application/json" })
            {
                var response = await Client(accept).GetAsync(s.RoastedLotPath + query);
                var body = await response.Content.ReadAsStringAsync();
                Assert.True((int)response.StatusCode < 500, $"{query} {accept}: {(int)response.StatusCode}");
                Assert.DoesNotContain("<script>alert", body);
                Assert.DoesNotContain("<script>alert", response.Headers.Location?.OriginalString ?? "");
            }
        }
    }
}

public sealed class SqliteResolverTests(SqliteLookupFixture fixture) : ResolverTests(fixture), IClassFixture<SqliteLookupFixture>;

public sealed class PostgresResolverTests(PostgresLookupFixture fixture) : ResolverTests(fixture), IClassFixture<PostgresLookupFixture>;
