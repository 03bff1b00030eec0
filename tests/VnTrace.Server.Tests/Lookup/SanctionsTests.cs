using System.Net;
using VnTrace.Server.Tests.Infrastructure;

namespace VnTrace.Server.Tests.Lookup;

/// <summary>The authority's sanctions reach consumers: a suspended business's codes are no longer vouched for.</summary>
public abstract class SanctionsTests(LookupAppFixture fixture)
{
    private VnTraceApp App => fixture.App;

    private async Task<(HttpStatusCode Status, string Html)> PageAsync(string path)
    {
        var client = App.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Accept.ParseAdd("text/html");
        var response = await client.GetAsync(path);
        return (response.StatusCode, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task A_suspended_business_codes_show_a_neutral_suspended_notice_instead_of_genuine()
    {
        var s = await LookupScenario.CreateAsync(App);
        await s.IssueSerialsAsync("S-1");
        // Warm the cache: the decision must evict it.
        Assert.Contains("Mã chính hãng", (await PageAsync(s.RoastedLotPath)).Html);

        using var officer = await App.SignInAsync(await App.CreateAuthorityUserAsync());
        var decided = await officer.SubmitFormAsync("/authority/organizations?status=&q=" + Uri.EscapeDataString(s.Producer.Name), new Dictionary<string, string>
        {
            ["id"] = s.Producer.Id.ToString(),
            ["decision"] = "Suspended",
            ["note"] = "Vi phạm quy định ghi nhãn",
        }, formAction: "/authority/organizations?handler=Decide");
        Assert.Equal(HttpStatusCode.Redirect, decided.StatusCode);

        foreach (var path in new[] { s.RoastedLotPath, $"/01/{s.Roasted.Gtin}", s.Unit("S-1") })
        {
            var (status, html) = await PageAsync(path);
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.Contains("Thông tin của mã đang tạm ngừng hiển thị", html);
            Assert.Contains("data-verdict=\"Suspended\"", html);
            Assert.DoesNotContain("Mã chính hãng", html);
            Assert.DoesNotContain("Không xác thực được mã", html); // neutral: not called unknown or fake
            Assert.DoesNotContain("Cà phê rang xay Ea Tu", html);
            Assert.DoesNotContain(s.Producer.Name, html);
        }
    }
}

public sealed class SqliteSanctionsTests(SqliteLookupFixture fixture) : SanctionsTests(fixture), IClassFixture<SqliteLookupFixture>;

public sealed class PostgresSanctionsTests(PostgresLookupFixture fixture) : SanctionsTests(fixture), IClassFixture<PostgresLookupFixture>;
