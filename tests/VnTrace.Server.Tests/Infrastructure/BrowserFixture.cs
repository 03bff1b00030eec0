using System.Diagnostics;
using Microsoft.Playwright;

namespace VnTrace.Server.Tests.Infrastructure;

/// <summary>
/// One headless Chromium for the whole test run, driven by Playwright; each test takes a fresh, isolated
/// <see cref="IBrowserContext"/> (its own cookies and storage) from <see cref="NewContextAsync"/>.
/// The browser is Debian's Chromium (<see cref="ChromiumPath"/>), since Playwright's own browser download is not
/// available to us; Playwright's driver comes with its NuGet package (the .playwright folder of the test output).
/// Chromium starts on the first request for a context, so a run without browser tests never pays for it.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    /// <summary>Debian's Chromium, or $VNTRACE_CHROMIUM (a Chromium or Chrome binary) on another system.</summary>
    public static string ChromiumPath { get; } =
        Environment.GetEnvironmentVariable("VNTRACE_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    public const string Vietnamese = "vi-VN";
    public const string English = "en-US";

    private static readonly string[] ChromiumArgs =
    [
        "--no-sandbox", // the tests run as root, where Chromium's sandbox refuses to start
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
    ];

    private readonly Lazy<Task<(IPlaywright Playwright, IBrowser Browser)>> started;
    private int startupReported;

    public BrowserFixture() => started = new(StartAsync);

    /// <summary>How long Playwright's driver and Chromium took to start, once started.</summary>
    public TimeSpan? StartupTime { get; private set; }

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    /// <summary>
    /// A fresh browser context whose relative URLs go to <paramref name="app"/> (started with Kestrel), in Vietnamese
    /// unless <paramref name="locale"/> says otherwise, on a desktop window or, with <paramref name="phone"/>, a
    /// 390×844 touch phone. Clocks are on Vietnam's time zone. Dispose the context at the end of the test.
    /// </summary>
    public async Task<IBrowserContext> NewContextAsync(VnTraceApp app, string locale = Vietnamese, bool phone = false)
    {
        var (_, browser) = await started.Value;
        if (Interlocked.Exchange(ref startupReported, 1) == 0)
            TestContext.Current.TestOutputHelper?.WriteLine($"Playwright and Chromium {browser.Version} started in {StartupTime!.Value.TotalMilliseconds:F0} ms");
        var options = new BrowserNewContextOptions
        {
            BaseURL = app.RequiredServerAddress.ToString(),
            Locale = locale,
            TimezoneId = "Asia/Ho_Chi_Minh",
            ViewportSize = phone ? new ViewportSize { Width = 390, Height = 844 } : new ViewportSize { Width = 1280, Height = 800 },
            IsMobile = phone,
            HasTouch = phone,
        };
        if (phone)
            options.DeviceScaleFactor = 2;
        return await browser.NewContextAsync(options);
    }

    private async Task<(IPlaywright, IBrowser)> StartAsync()
    {
        if (!File.Exists(ChromiumPath))
            throw new InvalidOperationException(
                $"Browser tests need Chromium at {ChromiumPath}, which is missing. Run `bash scripts/test.sh`, which installs Debian's "
                + "chromium package, or point VNTRACE_CHROMIUM at a Chromium or Chrome binary.");
        var clock = Stopwatch.StartNew();
        var playwright = await Playwright.CreateAsync();
        try
        {
            var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = ChromiumPath,
                Headless = true,
                Args = ChromiumArgs,
            });
            StartupTime = clock.Elapsed;
            return (playwright, browser);
        }
        catch
        {
            playwright.Dispose();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!started.IsValueCreated || !started.Value.IsCompletedSuccessfully)
            return;
        var (playwright, browser) = await started.Value;
        await browser.DisposeAsync();
        playwright.Dispose();
    }
}
