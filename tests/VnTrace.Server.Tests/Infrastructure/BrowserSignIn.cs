using Microsoft.Playwright;

namespace VnTrace.Server.Tests.Infrastructure;

/// <summary>Signing in through the real sign-in form, in Vietnamese, as a person does.</summary>
public static class BrowserSignIn
{
    public static async Task SignInAsync(this IPage page, string userName, string password = VnTraceApp.TestPassword)
    {
        if (!page.Url.EndsWith("/account/sign-in", StringComparison.Ordinal))
            await page.GotoAsync("/account/sign-in");
        await page.GetByLabel("Tên đăng nhập").FillAsync(userName);
        await page.GetByLabel("Mật khẩu", new() { Exact = true }).FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/account/sign-in", StringComparison.Ordinal));
    }
}
