using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using VnTrace.Server.Identity.Staff;
using VnTrace.Server.Platform.Data;
using VnTrace.Server.Identity;
using VnTrace.Server.Tests.Infrastructure;

namespace VnTrace.Server.Tests.Identity.Staff;

/// <summary>An owner invites colleagues with one-time links, changes their roles and removes them; the organization keeps an owner.</summary>
public abstract partial class StaffTests(AppFixture fixture)
{
    private VnTraceApp App => fixture.App;

    private static string Unique(string prefix) => prefix + "-" + Guid.NewGuid().ToString("N")[..8];

    /// <summary>Invites through the staff page and returns the one-time link the page shows.</summary>
    internal static async Task<string> InviteAsync(PageClient owner, string name, string role = Roles.BusinessStaff)
    {
        var response = await owner.SubmitFormAsync("/workspace/staff", new Dictionary<string, string>
        {
            ["Invite.Name"] = name,
            ["Invite.Role"] = role,
        }, formAction: "/workspace/staff?handler=Invite");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        var link = InvitationLink().Match(html);
        Assert.True(link.Success, "the page shows no invitation link");
        return WebUtility.HtmlDecode(link.Value);
    }

    private static Dictionary<string, string> AcceptFields(string userName, string password = VnTraceApp.TestPassword) => new()
    {
        ["Form.FullName"] = "Lê Văn Nam",
        ["Form.UserName"] = userName,
        ["Form.Password"] = password,
        ["Form.ConfirmPassword"] = password,
    };

    private static string PathOf(string link) => new Uri(link).PathAndQuery;

    private async Task<IList<string>> RolesOf(Guid userId)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        return await users.GetRolesAsync((await users.FindByIdAsync(userId.ToString()))!);
    }

    [Fact]
    public async Task An_invited_colleague_chooses_a_password_signs_in_and_sees_the_workspace()
    {
        var organizationName = Unique("HTX mời");
        var owner = await App.CreateBusinessUserAsync(organizationName);
        using var ownerPages = await App.SignInAsync(owner);
        var link = await InviteAsync(ownerPages, "Lê Văn Nam");
        Assert.StartsWith("https://localhost/account/accept-invite?token=", link);

        var userName = Unique("staff");
        using var invitee = new PageClient(App);
        var page = await invitee.GetPageAsync(PathOf(link));
        Assert.Contains(organizationName, page);
        var accepted = await invitee.SubmitFormAsync(PathOf(link), AcceptFields(userName));
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        Assert.Equal("/account/sign-in", accepted.Headers.Location?.ToString());

        var newUser = await App.WithDbAsync(db => db.Users.SingleAsync(u => u.UserName == userName));
        Assert.Equal(owner.OrganizationId, newUser.OrganizationId);
        Assert.Equal([Roles.BusinessStaff], await RolesOf(newUser.Id));
        using var staffPages = await App.SignInAsync(new TestUser(newUser.Id, newUser.OrganizationId, userName));
        Assert.Contains(organizationName, await staffPages.GetPageAsync("/workspace"));

        // The owner's list shows the new member; the invitation is no longer pending; the join is audited.
        var list = await ownerPages.GetPageAsync("/workspace/staff");
        Assert.Contains(userName, list);
        var invitation = await App.WithDbAsync(db => db.StaffInvitations.SingleAsync(i => i.OrganizationId == owner.OrganizationId));
        Assert.Equal(newUser.Id, invitation.AcceptedBy);
        Assert.True(await App.WithDbAsync(db => db.AuditLog.AnyAsync(a => a.Action == "staff.join" && a.EntityId == newUser.Id.ToString())));
    }

    [Fact]
    public async Task Only_the_hash_of_the_invitation_token_is_stored()
    {
        var owner = await App.CreateBusinessUserAsync(Unique("HTX băm"));
        using var ownerPages = await App.SignInAsync(owner);
        var token = new Uri(await InviteAsync(ownerPages, "Ai đó")).Query["?token=".Length..];
        var stored = await App.WithDbAsync(db => db.StaffInvitations.SingleAsync(i => i.OrganizationId == owner.OrganizationId));
        Assert.Equal(SecretTokens.Hash(token), stored.TokenHash);
        Assert.Equal(43, token.Length); // 256 bits, base64url
        Assert.InRange(stored.ExpiresAt - stored.CreatedAt, TimeSpan.FromDays(7) - TimeSpan.FromSeconds(1), TimeSpan.FromDays(7));
    }

    [Fact]
    public async Task An_invitation_link_used_twice_fails_clearly_and_creates_no_second_user()
    {
        var owner = await App.CreateBusinessUserAsync(Unique("HTX hai lần"));
        using var ownerPages = await App.SignInAsync(owner);
        var link = await InviteAsync(ownerPages, "Người thứ nhất");
        using var first = new PageClient(App);
        var form = PageClient.FindForm(await first.GetPageAsync(PathOf(link)))!;
        Assert.Equal(HttpStatusCode.Redirect, (await first.SubmitFormAsync(PathOf(link), AcceptFields(Unique("first")))).StatusCode);

        using var second = new PageClient(App);
        var again = await second.GetAsync(PathOf(link));
        Assert.Equal(HttpStatusCode.Gone, again.StatusCode);
        Assert.Contains("đã được dùng", await again.Content.ReadAsStringAsync());

        // A form opened before the first use and posted after it is refused too.
        var secondUser = Unique("second");
        var late = await first.PostFormAsync(PathOf(link), [.. AcceptFields(secondUser), new("Token", new Uri(link).Query["?token=".Length..])], form.AntiforgeryToken);
        Assert.Equal(HttpStatusCode.Gone, late.StatusCode);
        Assert.False(await App.WithDbAsync(db => db.Users.AnyAsync(u => u.UserName == secondUser)));
        Assert.Equal(2, await App.WithDbAsync(db => db.Users.CountAsync(u => u.OrganizationId == owner.OrganizationId)));
    }

    [Fact]
    public async Task An_expired_revoked_or_made_up_link_fails_clearly()
    {
        var owner = await App.CreateBusinessUserAsync(Unique("HTX hết hạn"));
        var expiredToken = SecretTokens.New();
        await App.WithDbAsync(async db =>
        {
            db.StaffInvitations.Add(new StaffInvitation
            {
                OrganizationId = owner.OrganizationId!.Value,
                InviteeName = "Quá hạn",
                Role = Roles.BusinessStaff,
                TokenHash = SecretTokens.Hash(expiredToken),
                CreatedBy = owner.Id,
                CreatedAt = DateTime.UtcNow.AddDays(-8),
                ExpiresAt = DateTime.UtcNow.AddDays(-1),
            });
            await db.SaveChangesAsync();
        });
        using var pages = new PageClient(App);
        var expired = await pages.GetAsync("/account/accept-invite?token=" + expiredToken);
        Assert.Equal(HttpStatusCode.Gone, expired.StatusCode);
        Assert.Contains("đã hết hạn", await expired.Content.ReadAsStringAsync());

        using var ownerPages = await App.SignInAsync(owner);
        var link = await InviteAsync(ownerPages, "Bị thu hồi");
        var invitationId = await App.WithDbAsync(db => db.StaffInvitations.Where(i => i.OrganizationId == owner.OrganizationId && i.InviteeName == "Bị thu hồi").Select(i => i.Id).SingleAsync());
        var revoked = await ownerPages.SubmitFormAsync("/workspace/staff", new Dictionary<string, string> { ["id"] = invitationId.ToString() },
            formAction: "/workspace/staff?handler=RevokeInvitation");
        Assert.Equal(HttpStatusCode.Redirect, revoked.StatusCode);
        var afterRevoke = await pages.GetAsync(PathOf(link));
        Assert.Equal(HttpStatusCode.Gone, afterRevoke.StatusCode);
        Assert.Contains("đã thu hồi", await afterRevoke.Content.ReadAsStringAsync());

        var madeUp = await pages.GetAsync("/account/accept-invite?token=" + SecretTokens.New());
        Assert.Equal(HttpStatusCode.NotFound, madeUp.StatusCode);
        Assert.Contains("không đúng", await madeUp.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_refused_password_leaves_the_invitation_usable()
    {
        var owner = await App.CreateBusinessUserAsync(Unique("HTX mật khẩu"));
        using var ownerPages = await App.SignInAsync(owner);
        var link = await InviteAsync(ownerPages, "Mật khẩu yếu");
        using var invitee = new PageClient(App);
        var userName = Unique("weak");
        var weak = await invitee.SubmitFormAsync(PathOf(link), AcceptFields(userName, "short1"));
        Assert.Equal(HttpStatusCode.OK, weak.StatusCode);
        Assert.Contains("ít nhất 12 ký tự", await weak.Content.ReadAsStringAsync());
        Assert.False(await App.WithDbAsync(db => db.Users.AnyAsync(u => u.UserName == userName)));
        Assert.Equal(HttpStatusCode.Redirect, (await invitee.SubmitFormAsync(PathOf(link), AcceptFields(userName))).StatusCode);
    }

    [Fact]
    public async Task Staff_cannot_open_the_owner_pages()
    {
        var owner = await App.CreateBusinessUserAsync(Unique("HTX nhân viên"));
        var staff = await App.CreateUserAsync(owner.OrganizationId, Roles.BusinessStaff);
        using var pages = await App.SignInAsync(staff);
        foreach (var path in new[] { "/workspace/staff", "/workspace/keys" })
        {
            var response = await pages.GetAsync(path, followRedirects: false);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/account/denied", response.Headers.Location?.PathAndQuery);
        }
        // Posting straight to a handler is refused the same way, and invites nobody.
        var token = PageClient.FindForm(await pages.GetPageAsync("/workspace"), PageClient.SignOutAction)!.AntiforgeryToken!;
        var post = await pages.PostFormAsync("/workspace/staff?handler=Invite", new Dictionary<string, string> { ["Invite.Name"] = "x", ["Invite.Role"] = Roles.BusinessOwner }, token);
        Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);
        Assert.StartsWith("/account/denied", post.Headers.Location?.PathAndQuery);
        Assert.False(await App.WithDbAsync(db => db.StaffInvitations.AnyAsync(i => i.OrganizationId == owner.OrganizationId)));
    }

    [Fact]
    public async Task The_owner_promotes_and_removes_a_member_who_then_cannot_sign_in()
    {
        var owner = await App.CreateBusinessUserAsync(Unique("HTX vai trò"));
        var member = await App.CreateUserAsync(owner.OrganizationId, Roles.BusinessStaff);
        var stampBefore = await App.WithDbAsync(db => db.Users.Where(u => u.Id == member.Id).Select(u => u.SecurityStamp).SingleAsync());
        using var ownerPages = await App.SignInAsync(owner);

        var promoted = await ownerPages.SubmitFormAsync("/workspace/staff", new Dictionary<string, string> { ["id"] = member.Id.ToString(), ["role"] = Roles.BusinessOwner },
            formAction: "/workspace/staff?handler=Role");
        Assert.Equal(HttpStatusCode.Redirect, promoted.StatusCode);
        Assert.Equal([Roles.BusinessOwner], await RolesOf(member.Id));
        var stampAfterRole = await App.WithDbAsync(db => db.Users.Where(u => u.Id == member.Id).Select(u => u.SecurityStamp).SingleAsync());
        Assert.NotEqual(stampBefore, stampAfterRole);

        var removed = await ownerPages.SubmitFormAsync("/workspace/staff", new Dictionary<string, string> { ["id"] = member.Id.ToString() },
            formAction: "/workspace/staff?handler=Remove");
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.Empty(await RolesOf(member.Id));
        var row = await App.WithDbAsync(db => db.Users.SingleAsync(u => u.Id == member.Id));
        Assert.Equal(owner.OrganizationId, row.OrganizationId); // kept for the audit trail
        Assert.True(row.LockoutEnd > DateTimeOffset.UtcNow.AddYears(100));
        Assert.NotEqual(stampAfterRole, row.SecurityStamp);
        Assert.Contains("Đã cho nghỉ", await ownerPages.GetPageAsync("/workspace/staff"));

        var actions = await App.WithDbAsync(db => db.AuditLog.Where(a => a.EntityId == member.Id.ToString()).Select(a => a.Action).ToListAsync());
        Assert.Contains("staff.role", actions);
        Assert.Contains("staff.remove", actions);
        await Assert.ThrowsAsync<InvalidOperationException>(() => App.SignInAsync(member));
    }

    [Fact]
    public async Task The_last_owner_can_neither_demote_nor_remove_themselves()
    {
        var owner = await App.CreateBusinessUserAsync(Unique("HTX một chủ"));
        using var pages = await App.SignInAsync(owner);
        foreach (var (handler, fields) in new[]
                 {
                     ("Role", new Dictionary<string, string> { ["id"] = owner.Id.ToString(), ["role"] = Roles.BusinessStaff }),
                     ("Remove", new Dictionary<string, string> { ["id"] = owner.Id.ToString() }),
                 })
        {
            var response = await pages.SubmitFormAsync("/workspace/staff", fields, formAction: $"/workspace/staff?handler={handler}");
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            var page = await pages.GetPageAsync(response.Headers.Location!.ToString());
            Assert.Contains("ít nhất một chủ sở hữu", page);
            Assert.Equal([Roles.BusinessOwner], await RolesOf(owner.Id));
        }

        // With a second owner, the first may step down.
        var second = await App.CreateUserAsync(owner.OrganizationId, Roles.BusinessOwner);
        var stepDown = await pages.SubmitFormAsync("/workspace/staff", new Dictionary<string, string> { ["id"] = owner.Id.ToString(), ["role"] = Roles.BusinessStaff },
            formAction: "/workspace/staff?handler=Role");
        Assert.Equal(HttpStatusCode.Redirect, stepDown.StatusCode);
        Assert.Equal([Roles.BusinessStaff], await RolesOf(owner.Id));
        Assert.Equal([Roles.BusinessOwner], await RolesOf(second.Id));
    }

    [Fact]
    public async Task Two_owners_demoting_each_other_at_once_leave_one_owner()
    {
        var first = await App.CreateBusinessUserAsync(Unique("HTX đồng thời"));
        var second = await App.CreateUserAsync(first.OrganizationId, Roles.BusinessOwner);
        await Task.WhenAll(
            Demote(first.OrganizationId!.Value, second.Id),
            Demote(first.OrganizationId!.Value, first.Id));
        var owners = (await RolesOf(first.Id)).Concat(await RolesOf(second.Id)).Count(r => r == Roles.BusinessOwner);
        Assert.Equal(1, owners);

        async Task<MemberChange> Demote(Guid organizationId, Guid userId)
        {
            await using var scope = App.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<StaffService>().ChangeRoleAsync(organizationId, userId, Roles.BusinessStaff, CancellationToken.None);
        }
    }

    [Fact]
    public async Task Another_business_sees_none_of_the_members_and_cannot_change_them()
    {
        var a = await App.CreateBusinessUserAsync(Unique("HTX A"));
        var aStaff = await App.CreateUserAsync(a.OrganizationId, Roles.BusinessStaff);
        var b = await App.CreateBusinessUserAsync(Unique("HTX B"));
        using var aPages = await App.SignInAsync(a);
        using var bPages = await App.SignInAsync(b);

        var aList = await aPages.GetPageAsync("/workspace/staff");
        Assert.Contains(aStaff.UserName, aList);
        Assert.DoesNotContain(b.UserName, aList);
        var bList = await bPages.GetPageAsync("/workspace/staff");
        Assert.DoesNotContain(aStaff.UserName, bList);
        Assert.DoesNotContain(a.UserName, bList);

        var token = PageClient.FindForm(bList)!.AntiforgeryToken!;
        var role = await bPages.PostFormAsync("/workspace/staff?handler=Role", new Dictionary<string, string> { ["id"] = aStaff.Id.ToString(), ["role"] = Roles.BusinessOwner }, token);
        Assert.Equal(HttpStatusCode.NotFound, role.StatusCode);
        var remove = await bPages.PostFormAsync("/workspace/staff?handler=Remove", new Dictionary<string, string> { ["id"] = aStaff.Id.ToString() }, token);
        Assert.Equal(HttpStatusCode.NotFound, remove.StatusCode);
        Assert.Equal([Roles.BusinessStaff], await RolesOf(aStaff.Id));

        using var aOwner = await App.SignInAsync(a);
        var link = await InviteAsync(aOwner, "Chỉ của A");
        var invitationId = await App.WithDbAsync(db => db.StaffInvitations.Where(i => i.OrganizationId == a.OrganizationId).Select(i => i.Id).SingleAsync());
        Assert.DoesNotContain("Chỉ của A", await bPages.GetPageAsync("/workspace/staff"));
        var revoke = await bPages.PostFormAsync("/workspace/staff?handler=RevokeInvitation", new Dictionary<string, string> { ["id"] = invitationId.ToString() }, token);
        Assert.Equal(HttpStatusCode.NotFound, revoke.StatusCode);
        using var anonymous = new PageClient(App);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(PathOf(link))).StatusCode);
    }

    [GeneratedRegex(@"https://localhost/account/accept-invite\?token=[A-Za-z0-9_\-]+")]
    private static partial Regex InvitationLink();
}

public sealed class SqliteStaffTests(SqliteAppFixture fixture) : StaffTests(fixture), IClassFixture<SqliteAppFixture>;

public sealed class PostgresStaffTests(PostgresAppFixture fixture) : StaffTests(fixture), IClassFixture<PostgresAppFixture>;
