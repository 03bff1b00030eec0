using System.Net;
using System.Net.Http.Headers;
using System.Text;
using VnTrace.Gs1.Epcis;
using VnTrace.Server.Tests.Infrastructure;
using static VnTrace.Server.Tests.Infrastructure.EpcisHttp;

namespace VnTrace.Server.Tests.Platform;

/// <summary>
/// Input an attacker sends to make the server fail (issue 12): JSON that is not Unicode text, a language switch with
/// control characters in its return address. Each gets a clear 4xx or a safe redirect, never a 500.
/// </summary>
public abstract class RobustnessTests(AppFixture fixture)
{
    private VnTraceApp App => fixture.App;

    private static ByteArrayContent JsonLd(byte[] body)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/ld+json");
        return content;
    }

    /// <summary>A document whose epcList holds <paramref name="epc"/> as raw bytes, spliced in after UTF-8 encoding.</summary>
    private static byte[] DocumentWithEpcBytes(byte[] epc, bool singleEvent = false)
    {
        const string marker = "EPC-GOES-HERE";
        var json = singleEvent ? ObjectEvent(epc: marker) : Document(ObjectEvent(epc: marker));
        var bytes = Encoding.UTF8.GetBytes(json);
        var at = bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(marker));
        return [.. bytes[..at], .. epc, .. bytes[(at + marker.Length)..]];
    }

    [Theory]
    [InlineData("/capture", false)]
    [InlineData("/events", true)]
    public async Task Capture_refuses_json_that_is_not_valid_utf8_with_a_400_problem(string path, bool singleEvent)
    {
        var (_, client) = await App.CreateOrganizationClientAsync("Robustness UTF-8 " + Guid.NewGuid().ToString("N")[..6]);
        // "urn:epc:…" followed by 0xC3 0x28: a two-byte sequence whose second byte is not a continuation byte.
        var body = DocumentWithEpcBytes([.. "urn:epc:id:sgtin:8936012.000010.1"u8, 0xC3, 0x28], singleEvent);

        using var response = await client.PostAsync(path, JsonLd(body));

        var problem = await response.AssertProblem(400, EpcisExceptionType.Validation);
        Assert.Contains("not valid UTF-8", problem["detail"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("/capture", false)]
    [InlineData("/events", true)]
    public async Task Capture_refuses_an_escaped_lone_surrogate_with_a_400_problem_naming_the_field(string path, bool singleEvent)
    {
        var (_, client) = await App.CreateOrganizationClientAsync("Robustness surrogate " + Guid.NewGuid().ToString("N")[..6]);
        var body = DocumentWithEpcBytes("urn:epc:id:sgtin:8936012.000010.\\uD800"u8.ToArray(), singleEvent);

        using var response = await client.PostAsync(path, JsonLd(body));

        var problem = await response.AssertProblem(400, EpcisExceptionType.Validation);
        Assert.Contains("surrogate", problem["detail"]!.GetValue<string>());
        Assert.Contains("epcList/0", problem["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task Capture_refuses_a_lone_surrogate_in_a_field_name_with_a_400_problem()
    {
        var (_, client) = await App.CreateOrganizationClientAsync("Robustness name " + Guid.NewGuid().ToString("N")[..6]);
        var body = Encoding.UTF8.GetBytes(Document(ObjectEvent(extra: ", \"vnt:x\\uDC00\": \"1\"")));

        using var response = await client.PostAsync("/capture", JsonLd(body));

        var problem = await response.AssertProblem(400, EpcisExceptionType.Validation);
        Assert.Contains("surrogate", problem["detail"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("/workspace%0d%0aSet-Cookie:%20x=1")]
    [InlineData("/%00")]
    [InlineData("/workspace%7F")]
    [InlineData("/s%E1%BA%A3n-ph%E1%BA%A9m")] // "/sản-phẩm": not ASCII, so not sendable in a Location header as it is
    public async Task The_language_switch_with_control_or_non_ascii_characters_in_its_return_address_goes_home(string returnUrl)
    {
        using var client = App.CreateClient(new() { AllowAutoRedirect = false });

        using var response = await client.GetAsync($"/culture/en?returnUrl={returnUrl}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task The_language_switch_still_returns_to_a_local_page()
    {
        using var client = App.CreateClient(new() { AllowAutoRedirect = false });

        using var response = await client.GetAsync($"/culture/en?returnUrl={Uri.EscapeDataString("/workspace/products?q=c%C3%A0")}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/workspace/products?q=c%C3%A0", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Health_live_and_ready_answer_while_the_database_is_up()
    {
        using var client = App.CreateClient();

        Assert.Equal("ok", await client.GetStringAsync("/health"));
        Assert.Equal("ok", await client.GetStringAsync("/health/live"));
        using var ready = await client.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("ready", await ready.Content.ReadAsStringAsync());
    }
}

public sealed class SqliteRobustnessTests(SqliteAppFixture fixture) : RobustnessTests(fixture), IClassFixture<SqliteAppFixture>;

public sealed class PostgresRobustnessTests(PostgresAppFixture fixture) : RobustnessTests(fixture), IClassFixture<PostgresAppFixture>;
