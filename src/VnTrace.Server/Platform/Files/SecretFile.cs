namespace VnTrace.Server.Platform.Files;

/// <summary>
/// Files holding a secret (a demo password, an API key): readable and writable by the server's own user only (0600),
/// whatever the umask, and made so again when an older file with wider rights is overwritten.
/// </summary>
public static class SecretFile
{
    public const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    public static async Task WriteAllTextAsync(string path, string text, CancellationToken ct = default)
    {
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
            options.UnixCreateMode = OwnerOnly; // applies when the file is created…
        await using (var stream = new FileStream(path, options))
        await using (var writer = new StreamWriter(stream))
            await writer.WriteAsync(text.AsMemory(), ct);
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(path, OwnerOnly); // …and this when it already existed
    }

    /// <summary>
    /// The secret kept in <paramref name="path"/>, made with <paramref name="create"/> and written owner-only the first
    /// time. Two processes starting together agree: the file is created only if absent, and the loser reads the winner's.
    /// </summary>
    public static string ReadOrCreate(string path, Func<string> create)
    {
        if (File.Exists(path))
            return File.ReadAllText(path).Trim();
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
            options.UnixCreateMode = OwnerOnly;
        var secret = create();
        try
        {
            using var stream = new FileStream(path, options);
            using var writer = new StreamWriter(stream);
            writer.Write(secret);
        }
        catch (IOException) when (File.Exists(path))
        {
            return File.ReadAllText(path).Trim();
        }
        return secret;
    }

    /// <summary>A folder of secrets (the data-protection keys): only the server's user may list or open it (0700).</summary>
    public static DirectoryInfo OwnerOnlyDirectory(string path)
    {
        if (OperatingSystem.IsWindows())
            return Directory.CreateDirectory(path);
        var directory = Directory.CreateDirectory(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return directory;
    }
}
