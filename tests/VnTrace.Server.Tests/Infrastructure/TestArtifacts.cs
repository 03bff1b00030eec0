using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace VnTrace.Server.Tests.Infrastructure;

/// <summary>
/// Files a test run leaves for people to look at: screenshots now, later labels and exports. They go under
/// $VNTRACE_ARTIFACTS when set, else under TestResults in the test output folder, with names the tests choose, so
/// the same test writes the same file on every run and two runs can be compared.
/// </summary>
public static partial class TestArtifacts
{
    private static readonly ConcurrentDictionary<string, string> Taken = new(StringComparer.Ordinal);

    public static string Root { get; } = Environment.GetEnvironmentVariable("VNTRACE_ARTIFACTS") is { Length: > 0 } dir
        ? Path.GetFullPath(dir)
        : Path.Combine(AppContext.BaseDirectory, "TestResults");

    /// <summary>
    /// A full-page PNG of <paramref name="page"/> as screenshots/<paramref name="name"/>.png; returns its path.
    /// Use a name that says what it shows, e.g. "home-sqlite-vi-VN"; a name used twice in one run fails the test.
    /// </summary>
    public static async Task<string> ScreenshotAsync(IPage page, string name)
    {
        var path = PathFor("screenshots", name + ".png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        TestContext.Current.TestOutputHelper?.WriteLine($"screenshot: {path}");
        return path;
    }

    /// <summary>A path for an artifact file in <paramref name="folder"/>, its folder created.</summary>
    public static string PathFor(string folder, string fileName)
    {
        var safe = UnsafeCharacters().Replace(fileName, "-");
        var path = Path.Combine(Root, folder, safe);
        var test = TestContext.Current.Test?.TestDisplayName ?? "?";
        if (!Taken.TryAdd(path, test))
            throw new InvalidOperationException($"Artifact {folder}/{safe} is already written by {Taken[path]}; give each one its own name.");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        return path;
    }

    [GeneratedRegex("[^A-Za-z0-9._-]")]
    private static partial Regex UnsafeCharacters();
}
