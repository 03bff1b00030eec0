using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using VnTrace.Server.Organizations;
using VnTrace.Server.Platform.Data;
using VnTrace.Server.Products;
using VnTrace.Server.Identity;
using VnTrace.Server.Tests.Infrastructure;

// "Profile", not "Organization": a namespace of that name would hide the Organization type from the other tests.
namespace VnTrace.Server.Tests.Workspace.Profile;

/// <summary>The owner edits the organization profile (codes checked, GS1 prefix frozen once used); staff only read it.</summary>
public abstract class ProfileTests(AppFixture fixture)
{
    private VnTraceApp App => fixture.App;

    private static string Unique(string prefix) => prefix + "-" + Guid.NewGuid().ToString("N")[..8];

    private static string NewTaxCode() => Random.Shared.NextInt64(1_000_000_000, 9_999_999_999).ToString();

    /// <summary>A prefix no other test uses: 893 and 6 random digits.</summary>
    private static string NewPrefix() => "893" + Random.Shared.Next(100_000, 999_999);

    private static Dictionary<string, string> Fields(string name, string? taxCode = null, string? prefix = null, string? website = null) => new()
    {
        ["Form.Name"] = name,
        ["Form.BusinessForm"] = "Cooperative",
        ["Form.TaxCode"] = taxCode ?? "",
        ["Form.CommuneCode"] = "24277",
        ["Form.AddressLine"] = "Thôn 5",
        ["Form.ContactName"] = "Hà Thị Lan",
        ["Form.Phone"] = "0912 345 678",
        ["Form.Email"] = "lan@htx.vn",
        ["Form.Website"] = website ?? "",
        ["Form.Sector"] = "agriculture",
        ["Form.OcopParticipant"] = "true",
        ["Form.Gs1CompanyPrefix"] = prefix ?? "",
    };

    private Task<Organization> OrganizationOf(TestUser user) => App.WithDbAsync(db => db.Organizations.SingleAsync(o => o.Id == user.OrganizationId));

    [Fact]
    public async Task The_owner_edits_the_profile_and_the_change_is_audited_with_before_and_after()
    {
        var owner = await App.CreateBusinessUserAsync(Unique("HTX hồ sơ"));
        using var pages = await App.SignInAsync(owner);
        var name = Unique("HTX Cà phê Ea Tul");
        var taxCode = NewTaxCode() + "-001";
        var prefix = NewPrefix();
        var saved = await pages.SubmitFormAsync("/workspace/organization", Fields(name, taxCode, prefix, website: "htx-eatul.vn"));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var o = await OrganizationOf(owner);
        Assert.Equal(name, o.Name);
        Assert.Equal(BusinessForm.Cooperative, o.Form);
        Assert.Equal(taxCode, o.TaxCode);
        Assert.Equal("24277", o.CommuneCode);
        Assert.Equal("https://htx-eatul.vn", o.Website);
        Assert.Equal("agriculture", o.Sector);
        Assert.True(o.OcopParticipant);
        Assert.Equal(prefix, o.Gs1CompanyPrefix);

        var page = await pages.GetPageAsync("/workspace/organization");
        Assert.Contains($"data-prefix-in-use=\"{prefix}\"", page);
        var detail = await App.WithDbAsync(db => db.AuditLog.Where(a => a.Action == "organization.profile" && a.EntityId == o.Id.ToString()).Select(a => a.Detail).SingleAsync());
        using var changes = JsonDocument.Parse(detail!);
        Assert.Equal(name, changes.RootElement.GetProperty("name").GetProperty("after").GetString());
        Assert.StartsWith("HTX hồ sơ", changes.RootElement.GetProperty("name").GetProperty("before").GetString());
        Assert.Equal(prefix, changes.RootElement.GetProperty("gs1CompanyPrefix").GetProperty("after").GetString());
        Assert.False(changes.RootElement.TryGetProperty("gln", out _)); // only what changed
    }

    [Theory]
    [InlineData("12345")]
    [InlineData("60012345678")]
    [InlineData("6001234567-01")]
    [InlineData("600123456A")]
    public async Task A_malformed_tax_code_is_refused_next_to_the_field(string taxCode)
    {
        var owner = await App.CreateBusinessUserAsync(Unique("HTX thuế"));
        using var pages = await App.SignInAsync(owner);
        var response = await pages.SubmitFormAsync("/workspace/organization", Fields(Unique("Tên mới"), taxCode));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Mã số thuế phải gồm", await response.Content.ReadAsStringAsync());
        Assert.Null((await OrganizationOf(owner)).TaxCode);
        Assert.DoesNotContain("Tên mới", (await OrganizationOf(owner)).Name); // nothing half-saved
    }

    [Fact]
    public async Task A_tax_code_or_prefix_of_another_organization_is_refused()
    {
        var other = await App.CreateBusinessUserAsync(Unique("HTX khác"));
        var takenTax = NewTaxCode();
        var takenPrefix = NewPrefix();
        await App.WithDbAsync(db => db.Organizations.Where(o => o.Id == other.OrganizationId)
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.TaxCode, takenTax).SetProperty(o => o.Gs1CompanyPrefix, takenPrefix)));
        var allocatedElsewhere = NewPrefix();
        var third = await App.CreateBusinessUserAsync(Unique("HTX được cấp"));
        await App.WithDbAsync(db => db.Organizations.Where(o => o.Id == third.OrganizationId)
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.AllocatedCompanyPrefix, allocatedElsewhere)));

        var owner = await App.CreateBusinessUserAsync(Unique("HTX trùng"));
        using var pages = await App.SignInAsync(owner);
        var tax = await (await pages.SubmitFormAsync("/workspace/organization", Fields("HTX trùng", takenTax))).Content.ReadAsStringAsync();
        Assert.Contains("đã được tổ chức khác đăng ký", tax);
        foreach (var prefix in new[] { takenPrefix, allocatedElsewhere, takenPrefix + "1", takenPrefix[..^1] })
        {
            var response = await pages.SubmitFormAsync("/workspace/organization", Fields("HTX trùng", prefix: prefix));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("đã thuộc về tổ chức khác", await response.Content.ReadAsStringAsync());
        }
        var bad = await pages.SubmitFormAsync("/workspace/organization", Fields("HTX trùng", prefix: "8941234"));
        Assert.Contains("893 và 4 đến 9", await bad.Content.ReadAsStringAsync());
        var o = await OrganizationOf(owner);
        Assert.Null(o.TaxCode);
        Assert.Null(o.Gs1CompanyPrefix);
    }

    [Fact]
    public async Task The_prefix_cannot_change_once_codes_were_issued_from_it()
    {
        var owner = await App.CreateBusinessUserAsync(Unique("HTX đã cấp mã"));
        var prefix = NewPrefix();
        await App.WithDbAsync(async db =>
        {
            await db.Organizations.Where(o => o.Id == owner.OrganizationId).ExecuteUpdateAsync(s => s.SetProperty(o => o.Gs1CompanyPrefix, prefix));
            var body = prefix + "001";
            db.Products.Add(new Product
            {
                OrganizationId = owner.OrganizationId!.Value,
                Gtin = "0" + body + Gs1.Identifiers.Gs1CheckDigit.ComputeChar(body),
                NameVi = "Cà phê",
                Unit = "kg",
            });
            await db.SaveChangesAsync();
        });
        using var pages = await App.SignInAsync(owner);
        Assert.Contains("được giữ cố định", await pages.GetPageAsync("/workspace/organization"));
        var response = await pages.SubmitFormAsync("/workspace/organization", Fields("HTX đã cấp mã", prefix: NewPrefix()));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"Không thể đổi mã doanh nghiệp GS1: tổ chức đã cấp mã sản phẩm, địa điểm hoặc ghi nhật ký bằng mã {prefix}", await response.Content.ReadAsStringAsync());
        Assert.Equal(prefix, (await OrganizationOf(owner)).Gs1CompanyPrefix);

        // The rest of the profile can still be edited while the prefix stays.
        Assert.Equal(HttpStatusCode.Redirect, (await pages.SubmitFormAsync("/workspace/organization", Fields("HTX đổi tên", prefix: prefix))).StatusCode);
        Assert.Equal("HTX đổi tên", (await OrganizationOf(owner)).Name);
    }

    [Fact]
    public async Task Before_any_code_is_issued_an_approved_business_may_switch_between_its_own_and_the_allocated_prefix()
    {
        var owner = await App.CreateBusinessUserAsync(Unique("HTX đổi mã"), status: OrganizationStatus.Pending);
        await using (var scope = App.Services.CreateAsyncScope())
            Assert.True(await scope.ServiceProvider.GetRequiredService<OrganizationDecisions>()
                .DecideAsync(owner.OrganizationId!.Value, OrganizationStatus.Approved, null, Guid.NewGuid(), CancellationToken.None));
        var allocated = await OrganizationOf(owner);
        Assert.NotNull(allocated.AllocatedCompanyPrefix);
        Assert.StartsWith(allocated.AllocatedCompanyPrefix, allocated.Gln);

        using var pages = await App.SignInAsync(owner);
        var own = NewPrefix();
        Assert.Equal(HttpStatusCode.Redirect, (await pages.SubmitFormAsync("/workspace/organization", Fields("HTX đổi mã", prefix: own))).StatusCode);
        var switched = await OrganizationOf(owner);
        Assert.Equal(own, switched.Gs1CompanyPrefix);
        Assert.StartsWith(own, switched.Gln);
        Assert.Equal(allocated.AllocatedCompanyPrefix, switched.AllocatedCompanyPrefix); // kept, never handed to another
        Assert.Contains($"data-party-gln=\"{switched.Gln}\"", await pages.GetPageAsync("/workspace/organization"));

        Assert.Equal(HttpStatusCode.Redirect, (await pages.SubmitFormAsync("/workspace/organization", Fields("HTX đổi mã", prefix: ""))).StatusCode);
        var back = await OrganizationOf(owner);
        Assert.Null(back.Gs1CompanyPrefix);
        Assert.Equal(allocated.Gln, back.Gln);
    }

    [Fact]
    public async Task A_commune_must_be_one_the_system_knows()
    {
        var owner = await App.CreateBusinessUserAsync(Unique("HTX xã"));
        using var pages = await App.SignInAsync(owner);
        var fields = Fields("HTX xã");
        fields["Form.CommuneCode"] = "99999";
        var response = await pages.SubmitFormAsync("/workspace/organization", fields);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Không có xã, phường với mã này", await response.Content.ReadAsStringAsync());
        fields["Form.CommuneCode"] = "24133";
        Assert.Equal(HttpStatusCode.Redirect, (await pages.SubmitFormAsync("/workspace/organization", fields)).StatusCode);
        var o = await OrganizationOf(owner);
        Assert.Equal("24133", o.CommuneCode);
        Assert.Equal("66", o.ProvinceCode);
        Assert.Matches("<option (selected=\"selected\" value=\"24133\"|value=\"24133\" selected=\"selected\")>Phường Buôn Ma Thuột</option>",
            await pages.GetPageAsync("/workspace/organization"));
    }

    [Fact]
    public async Task Staff_read_the_profile_but_cannot_change_it()
    {
        var owner = await App.CreateBusinessUserAsync(Unique("HTX chỉ xem"));
        var staff = await App.CreateUserAsync(owner.OrganizationId, Roles.BusinessStaff);
        using var pages = await App.SignInAsync(staff);
        var page = await pages.GetPageAsync("/workspace/organization");
        Assert.Contains("HTX chỉ xem", page);
        Assert.Contains("<fieldset class=\"col-lg-6\" disabled=\"disabled\">", page);
        Assert.DoesNotContain("type=\"submit\" class=\"btn btn-success\"", page);

        var post = await pages.PostFormAsync("/workspace/organization", Fields("Đổi trộm"), PageClient.FindForm(page)!.AntiforgeryToken);
        Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);
        Assert.StartsWith("/account/denied", post.Headers.Location?.PathAndQuery);
        Assert.StartsWith("HTX chỉ xem", (await OrganizationOf(owner)).Name);
    }
}

public sealed class SqliteProfileTests(SqliteAppFixture fixture) : ProfileTests(fixture), IClassFixture<SqliteAppFixture>;

public sealed class PostgresProfileTests(PostgresAppFixture fixture) : ProfileTests(fixture), IClassFixture<PostgresAppFixture>;
