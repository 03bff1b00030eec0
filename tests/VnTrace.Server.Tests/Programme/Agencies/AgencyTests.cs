using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using VnTrace.Server.Identity;
using VnTrace.Server.Identity.Staff;
using VnTrace.Server.Organizations;
using VnTrace.Server.Platform.Data;
using VnTrace.Server.Programme;
using VnTrace.Server.Programme.Agencies;
using VnTrace.Server.Tests.Infrastructure;

namespace VnTrace.Server.Tests.Programme.Agencies;

/// <summary>
/// Agencies bound what an officer and an agency key see: the DoST the province, a department its sectors, a commune
/// officer the commune. Agency keys are the only way into /api/programme, and stop with their officer.
/// </summary>
public abstract partial class AgencyTests(AppFixture fixture)
{
    private VnTraceApp App => fixture.App;

    private static async Task<HashSet<Guid>> OrganizationIdsAsync(HttpClient client)
    {
        var response = await client.GetAsync("/api/programme/organizations");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var rows = (await response.Content.ReadFromJsonAsync<JsonArray>())!;
        foreach (var row in rows)
            Assert.All(new[] { "id", "name", "taxCode", "communeCode", "sector" }, f => Assert.True(row!.AsObject().ContainsKey(f), $"organization without '{f}'"));
        return rows.Select(r => Guid.Parse((string)r!["id"]!)).ToHashSet();
    }

    [Fact]
    public async Task Each_kind_of_agency_key_sees_the_approved_businesses_of_its_scope_only()
    {
        var farm = await App.CreateBusinessAsync(sector: "agriculture", communeCode: "24163");
        var trader = await App.CreateBusinessAsync(sector: "trade", communeCode: "24163");
        var elsewhere = await App.CreateBusinessAsync(sector: "agriculture", communeCode: "24133");
        var pending = await App.CreateBusinessAsync(sector: "agriculture", communeCode: "24163", status: OrganizationStatus.Pending);

        var dost = await App.AgencyClientAsync(await App.CreateOfficerAsync());
        var department = await App.AgencyClientAsync(await App.CreateOfficerAsync(
            await App.CreateAgencyAsync(AgencyKind.Department, ["agriculture", "food-processing"]), Roles.DepartmentOfficer));
        var commune = await App.AgencyClientAsync(await App.CreateOfficerAsync(
            await App.CreateAgencyAsync(AgencyKind.Commune, communeCode: "24163"), Roles.CommuneOfficer));

        var all = await OrganizationIdsAsync(dost);
        Assert.Superset(new HashSet<Guid> { farm.Id, trader.Id, elsewhere.Id }, all);
        Assert.DoesNotContain(pending.Id, all);

        var sectors = await OrganizationIdsAsync(department);
        Assert.Contains(farm.Id, sectors);
        Assert.Contains(elsewhere.Id, sectors);
        Assert.DoesNotContain(trader.Id, sectors);
        Assert.DoesNotContain(pending.Id, sectors);

        var ward = await OrganizationIdsAsync(commune);
        Assert.Contains(farm.Id, ward);
        Assert.Contains(trader.Id, ward);
        Assert.DoesNotContain(elsewhere.Id, ward);

        // The authority's own organization is not a business of anyone's scope.
        var authorities = await App.WithDbAsync(db => db.Organizations.Where(o => o.Kind == OrganizationKind.Authority).Select(o => o.Id).ToListAsync());
        Assert.Empty(all.Intersect(authorities));
    }

    [Fact]
    public async Task The_programme_api_takes_agency_keys_only_and_says_so_in_problem_json()
    {
        var (_, organizationClient) = await App.CreateOrganizationClientAsync(ProgrammeTestKit.Unique("Business"));
        var organizationKey = await organizationClient.GetAsync("/api/programme/organizations");
        var problem = await organizationKey.AssertProgrammeProblem(401, "unauthorized");
        Assert.Contains("agency key", (string)problem["detail"]!);

        var anonymous = await App.CreateClient().GetAsync("/api/programme/organizations");
        await anonymous.AssertProgrammeProblem(401, "unauthorized");

        var unknown = App.CreateClient();
        unknown.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", AgencyKeyService.KeyPrefix + new string('x', 43));
        await (await unknown.GetAsync("/api/programme/organizations")).AssertProgrammeProblem(401, "unauthorized");

        // And an agency key opens no business API.
        var agency = await App.AgencyClientAsync(await App.CreateOfficerAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, (await agency.GetAsync("/events")).StatusCode);
    }

    [Fact]
    public async Task A_revoked_key_and_the_key_of_a_removed_officer_stop_at_once()
    {
        var officer = await App.CreateOfficerAsync(await App.CreateAgencyAsync(AgencyKind.Department, ["agriculture"]), Roles.DepartmentOfficer);
        var kept = await App.AgencyClientAsync(officer);
        var revokedKey = await App.AgencyKeyAsync(officer);
        var revoked = App.CreateClient();
        revoked.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", revokedKey);
        Assert.Equal(HttpStatusCode.OK, (await revoked.GetAsync("/api/programme/organizations")).StatusCode);

        await using (var scope = App.Services.CreateAsyncScope())
        {
            var keys = scope.ServiceProvider.GetRequiredService<AgencyKeyService>();
            var listed = await keys.ListAsync(officer.Scope.AgencyId);
            Assert.Equal(2, listed.Count);
            Assert.All(listed, k => Assert.Equal(Roles.DepartmentOfficer, k.Role));
            // Another agency cannot revoke this agency's key.
            Assert.False(await keys.RevokeAsync((await App.DostAsync()).Id, listed[0].Id));
        }
        // Revoking through the server's own scope (its cache is the one that must forget the key).
        await using (var scope = App.ServerServices.CreateAsyncScope())
        {
            var keys = scope.ServiceProvider.GetRequiredService<AgencyKeyService>();
            var listed = (await keys.ListAsync(officer.Scope.AgencyId)).Single(k => revokedKey.StartsWith(k.DisplayPrefix, StringComparison.Ordinal));
            Assert.True(await keys.RevokeAsync(officer.Scope.AgencyId, listed.Id));
        }
        await (await revoked.GetAsync("/api/programme/organizations")).AssertProgrammeProblem(401, "unauthorized");
        Assert.Equal(HttpStatusCode.OK, (await kept.GetAsync("/api/programme/organizations")).StatusCode);

        var dost = await App.CreateOfficerAsync();
        await using (var scope = App.ServerServices.CreateAsyncScope())
            Assert.Null(await scope.ServiceProvider.GetRequiredService<AgencyService>().RemoveOfficerAsync(dost.Scope, officer.User.Id));
        await (await kept.GetAsync("/api/programme/organizations")).AssertProgrammeProblem(401, "unauthorized");
    }

    [Fact]
    public async Task A_department_or_commune_role_outside_an_agency_of_its_kind_has_no_scope_at_all()
    {
        // A department officer left without an agency must not fall back to the DoST's whole province.
        var stray = await App.CreateAuthorityUserAsync(Roles.DepartmentOfficer);
        await using var scope = App.Services.CreateAsyncScope();
        var scopes = scope.ServiceProvider.GetRequiredService<OfficerScopes>();
        var principal = new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity(
        [
            new System.Security.Claims.Claim(System.Security.Claims.ClaimTypes.NameIdentifier, stray.Id.ToString()),
            new System.Security.Claims.Claim(System.Security.Claims.ClaimTypes.Role, Roles.DepartmentOfficer),
        ], "test"));
        Assert.Null(await scopes.ResolveAsync(principal));

        var commune = await App.CreateAgencyAsync(AgencyKind.Commune, communeCode: "24163");
        var misplaced = new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity(
        [
            new System.Security.Claims.Claim(AgencyKeyAuthenticationHandler.AgencyClaim, commune.Id.ToString()),
            new System.Security.Claims.Claim(System.Security.Claims.ClaimTypes.Role, Roles.DepartmentOfficer),
        ], "test"));
        Assert.Null(await scopes.ResolveAsync(misplaced));

        var dost = await scopes.ResolveAsync(new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity(
            [new System.Security.Claims.Claim(System.Security.Claims.ClaimTypes.Role, Roles.Authority)], "test")));
        Assert.NotNull(dost);
        Assert.True(dost.IsProvince);
        Assert.True(dost.CanApprove);
    }

    [Fact]
    public async Task Only_the_dost_manages_agencies_and_bad_agencies_are_refused_by_field()
    {
        var dost = await App.CreateOfficerAsync();
        var department = await App.CreateOfficerAsync(await App.CreateAgencyAsync(AgencyKind.Department, ["agriculture"]), Roles.DepartmentOfficer);
        await using var scope = App.ServerServices.CreateAsyncScope();
        var agencies = scope.ServiceProvider.GetRequiredService<AgencyService>();

        var (none, forbidden) = await agencies.CreateAsync(department.Scope, new AgencyInput("Sở Y tế", AgencyKind.Department, ["food-processing"], null));
        Assert.Null(none);
        Assert.Equal(RefusalKind.Forbidden, Assert.Single(forbidden).Kind);

        var (_, noSectors) = await agencies.CreateAsync(dost.Scope, new AgencyInput(ProgrammeTestKit.Unique("Sở"), AgencyKind.Department, [], null));
        Assert.Equal("sectors", Assert.Single(noSectors).Field);
        var (_, unknownSector) = await agencies.CreateAsync(dost.Scope, new AgencyInput(ProgrammeTestKit.Unique("Sở"), AgencyKind.Department, ["mining"], null));
        Assert.Equal("sectors", Assert.Single(unknownSector).Field);
        var (_, noCommune) = await agencies.CreateAsync(dost.Scope, new AgencyInput(ProgrammeTestKit.Unique("UBND"), AgencyKind.Commune, [], "99999"));
        Assert.Equal("communeCode", Assert.Single(noCommune).Field);
        var (_, secondDost) = await agencies.CreateAsync(dost.Scope, new AgencyInput(ProgrammeTestKit.Unique("Sở"), AgencyKind.Dost, [], null));
        Assert.Equal("kind", Assert.Single(secondDost).Field);

        var name = ProgrammeTestKit.Unique("Sở Công Thương");
        var (created, ok) = await agencies.CreateAsync(dost.Scope, new AgencyInput(name, AgencyKind.Department, ["trade", "trade"], null));
        Assert.Empty(ok);
        Assert.Equal(["trade"], created!.Sectors);
        var (_, duplicate) = await agencies.CreateAsync(dost.Scope, new AgencyInput(name, AgencyKind.Department, ["trade"], null));
        Assert.Equal(RefusalKind.Conflict, Assert.Single(duplicate).Kind);

        Assert.Equal("kind", Assert.Single(await agencies.UpdateAsync(dost.Scope, created.Id, new AgencyInput(name, AgencyKind.Commune, [], "24163"))).Field);
        Assert.Empty(await agencies.UpdateAsync(dost.Scope, created.Id, new AgencyInput(name, AgencyKind.Department, ["trade", "logistics"], null)));
        Assert.Equal(["logistics", "trade"], (await agencies.FindAsync(created.Id))!.Sectors);
    }

    [Fact]
    public async Task The_dost_invites_a_department_officer_who_joins_with_the_agency_scope_and_not_the_province_pages()
    {
        var dost = await App.CreateOfficerAsync();
        var agency = await App.CreateAgencyAsync(AgencyKind.Department, ["agriculture"]);
        using var dostPages = await App.SignInAsync(dost.User);

        // A role that does not fit the agency's kind is refused on the form.
        var wrong = await dostPages.SubmitFormAsync($"/authority/agencies/{agency.Id}",
            new Dictionary<string, string> { ["Invite.Name"] = "Nguyễn Văn A", ["Invite.Role"] = Roles.Authority },
            formAction: $"/authority/agencies/{agency.Id}?handler=Invite");
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.DoesNotMatch(InvitationLink(), await wrong.Content.ReadAsStringAsync());

        var invited = await dostPages.SubmitFormAsync($"/authority/agencies/{agency.Id}",
            new Dictionary<string, string> { ["Invite.Name"] = "Trần Thị Bình", ["Invite.Role"] = Roles.DepartmentOfficer },
            formAction: $"/authority/agencies/{agency.Id}?handler=Invite");
        var invitedHtml = await invited.Content.ReadAsStringAsync();
        var link = InvitationLink().Match(invitedHtml);
        Assert.True(link.Success, "the agency page shows no invitation link: " + Regex.Match(invitedHtml, "<main.*?</main>", RegexOptions.Singleline).Value);

        var userName = "officer-" + Guid.NewGuid().ToString("N")[..8];
        using var joining = new PageClient(App);
        var accepted = await joining.SubmitFormAsync(WebUtility.HtmlDecode(link.Value), new Dictionary<string, string>
        {
            ["Form.FullName"] = "Trần Thị Bình",
            ["Form.UserName"] = userName,
            ["Form.Password"] = VnTraceApp.TestPassword,
            ["Form.ConfirmPassword"] = VnTraceApp.TestPassword,
        });
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        var user = await App.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.UserName == userName));
        Assert.Equal(agency.Id, user.AgencyId);

        using var officerPages = await App.SignInAsync(new TestUser(user.Id, user.OrganizationId, userName));
        Assert.Equal(HttpStatusCode.OK, (await officerPages.GetAsync("/authority/agencies", followRedirects: false)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await officerPages.GetAsync("/authority/plans", followRedirects: false)).StatusCode);
        // The province-wide pages stay with the DoST's readers.
        foreach (var page in new[] { "/authority/organizations", "/authority/trace", "/authority/recalls", "/authority/exports", "/authority/scans" })
            Assert.NotEqual(HttpStatusCode.OK, (await officerPages.GetAsync(page, followRedirects: false)).StatusCode);

        // The new officer makes a key on the keys page; it is shown once and carries the department's scope.
        var created = await officerPages.SubmitFormAsync("/authority/agencies/keys", new Dictionary<string, string> { ["Create.Name"] = "Hệ thống sở" },
            formAction: "/authority/agencies/keys?handler=Create");
        var key = Regex.Match(await created.Content.ReadAsStringAsync(), "vta_[A-Za-z0-9_-]{43}");
        Assert.True(key.Success, "the keys page shows no new key");
        Assert.DoesNotContain(key.Value, await officerPages.GetPageAsync("/authority/agencies/keys"));
        var farm = await App.CreateBusinessAsync(sector: "agriculture");
        var trader = await App.CreateBusinessAsync(sector: "trade");
        var client = App.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key.Value);
        var seen = await OrganizationIdsAsync(client);
        Assert.Contains(farm.Id, seen);
        Assert.DoesNotContain(trader.Id, seen);

        // The officer is listed on the agency's page, and the DoST removes them there.
        var agencyPage = await dostPages.GetPageAsync($"/authority/agencies/{agency.Id}");
        Assert.Contains(userName, agencyPage);
        var removed = await dostPages.SubmitFormAsync($"/authority/agencies/{agency.Id}", new Dictionary<string, string> { ["userId"] = user.Id.ToString() },
            formAction: $"/authority/agencies/{agency.Id}?handler=Remove");
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/programme/organizations")).StatusCode);
    }

    [Fact]
    public async Task A_department_officer_cannot_add_agencies_or_invite_officers_from_the_pages()
    {
        var department = await App.CreateOfficerAsync(await App.CreateAgencyAsync(AgencyKind.Department, ["agriculture"]), Roles.DepartmentOfficer);
        using var pages = await App.SignInAsync(department.User);
        var html = await pages.GetPageAsync("/authority/agencies");
        Assert.DoesNotContain("Create.Name", html);
        var token = PageClient.FindForm(await pages.GetPageAsync("/account/password"))!.AntiforgeryToken;
        var post = await pages.PostFormAsync("/authority/agencies", new Dictionary<string, string>
        {
            ["Create.Name"] = "Sở giả",
            ["Create.Kind"] = nameof(AgencyKind.Department),
            ["Create.Sectors"] = "trade",
        }, token);
        // Refused: the cookie scheme answers a forbidden page with the "access denied" page.
        Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);
        Assert.StartsWith("/account/denied", post.Headers.Location!.AbsolutePath);
        Assert.False(await App.WithDbAsync(db => db.Agencies.AnyAsync(a => a.Name == "Sở giả")));
    }

    [GeneratedRegex("https?://[^\"<\\s]+/account/accept-invite\\?token=[A-Za-z0-9_%-]+")]
    private static partial Regex InvitationLink();
}

public sealed class SqliteAgencyTests(SqliteAppFixture fixture) : AgencyTests(fixture), IClassFixture<SqliteAppFixture>;

public sealed class PostgresAgencyTests(PostgresAppFixture fixture) : AgencyTests(fixture), IClassFixture<PostgresAppFixture>;
