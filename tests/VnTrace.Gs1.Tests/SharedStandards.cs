namespace VnTrace.Gs1.Tests;

/// <summary>
/// Finds ../shared/standards (GS1's own example documents, schemas and golden cases) beside the repository.
/// The files are read from there at test time, never copied into the repository; where the folder is absent
/// the tests that need it report themselves skipped.
/// </summary>
public static class SharedStandards
{
    private static readonly Lazy<string?> root = new(Locate);

    /// <summary>The standards folder, or null when this machine has no ../shared.</summary>
    public static string? Root => root.Value;

    /// <summary>Path of a file or folder under the standards folder; skips the calling test when it is absent.</summary>
    public static string PathOf(params string[] parts)
    {
        if (Root is null)
            Assert.Skip("../shared/standards is not present on this machine");
        var path = Path.Combine([Root, .. parts]);
        if (!File.Exists(path) && !Directory.Exists(path))
            Assert.Skip($"{path} is not present on this machine");
        return path;
    }

    private static string? Locate()
    {
        var env = Environment.GetEnvironmentVariable("VNTRACE_SHARED_STANDARDS");
        if (!string.IsNullOrEmpty(env) && Directory.Exists(env))
            return env;
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "standards");
            if (Directory.Exists(candidate))
                return candidate;
        }
        return null;
    }
}
