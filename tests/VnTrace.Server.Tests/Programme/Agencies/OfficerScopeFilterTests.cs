using System.Net;
using VnTrace.Server.Identity;
using VnTrace.Server.Tests.Infrastructure;

namespace VnTrace.Server.Tests.Programme.Agencies;

/// <summary>An officer whose role has no agency of its kind is shown "not allowed" on every console page, never a server error.</summary>
public abstract class OfficerScopeFilterTests(AppFixture fixture)
{
    [Theory]
    [InlineData("/authority/plans")]
    [InlineData("/authority/surveys")]
    [InlineData("/authority/activities")]
    [InlineData("/authority/lists")]
    [InlineData("/authority/support")]
    public async Task A_department_officer_bound_to_no_department_is_sent_to_the_not_allowed_page(string path)
    {
        var user = await fixture.App.CreateAuthorityUserAsync(Roles.DepartmentOfficer);
        var pages = await fixture.App.SignInAsync(user);
        var response = await pages.GetAsync(path, followRedirects: false);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/denied", response.Headers.Location?.OriginalString);
        var denied = await pages.GetAsync("/account/denied");
        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        Assert.Equal("text/html", denied.Content.Headers.ContentType?.MediaType);
    }
}

public sealed class SqliteOfficerScopeFilterTests(SqliteAppFixture fixture) : OfficerScopeFilterTests(fixture), IClassFixture<SqliteAppFixture>;

public sealed class PostgresOfficerScopeFilterTests(PostgresAppFixture fixture) : OfficerScopeFilterTests(fixture), IClassFixture<PostgresAppFixture>;
