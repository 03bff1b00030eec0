using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using VnTrace.Server.Demo;
using VnTrace.Server.Platform.Data;
using VnTrace.Server.Platform.Files;
using VnTrace.Server.Tests.Infrastructure;

namespace VnTrace.Server.Tests.Demo;

/// <summary>
/// When the demo is seeded (issue 12): in Development unless VnTrace:SeedDemo says no, elsewhere only when it says
/// yes; the README's `dotnet run` runs in Development, so its first start still has the demo; the files with its
/// password and key, and the data-protection keys, are the server user's alone.
/// </summary>
public sealed class DemoSeedSettingsTests(PostgresServer postgres)
{
    private static Dictionary<string, string?> Environment(string name) => new()
    {
        ["environment"] = name,
        ["VnTrace:SeedDemo"] = null, // the default of the environment, as a deployment that does not set it
        ["VnTrace:PublicBaseUrl"] = name == "Development" ? null : "https://txng.example.vn", // required outside Development
    };

    private static async Task<bool> SeededAsync(VnTraceApp app)
    {
        return await app.WithDbAsync(db => db.Organizations.AnyAsync());
    }

    [Theory]
    [InlineData("Production")]
    [InlineData("Staging")]
    public async Task Outside_development_the_demo_is_not_seeded_unless_asked_for(string environment)
    {
        await using var app = await VnTraceApp.StartAsync(DatabaseProvider.Sqlite, postgres, Environment(environment));

        Assert.False(await SeededAsync(app));
        Assert.False(File.Exists(Path.Combine(app.DataDir, DemoSeeder.KeyFileName)));
        Assert.False(File.Exists(Path.Combine(app.DataDir, DemoSeeder.CredentialsFileName)));
    }

    [Fact]
    public async Task Outside_development_the_demo_is_seeded_when_asked_for()
    {
        await using var app = await VnTraceApp.StartAsync(DatabaseProvider.Sqlite, postgres,
            new() { ["environment"] = "Production", ["VnTrace:SeedDemo"] = "true", ["VnTrace:PublicBaseUrl"] = "https://txng.example.vn" });

        Assert.True(await SeededAsync(app));
    }

    [Fact]
    public async Task In_development_the_demo_is_seeded_by_default_and_not_when_switched_off()
    {
        await using (var app = await VnTraceApp.StartAsync(DatabaseProvider.Sqlite, postgres, Environment("Development")))
            Assert.True(await SeededAsync(app));
        await using (var off = await VnTraceApp.StartAsync(DatabaseProvider.Sqlite, postgres,
            new() { ["environment"] = "Development", ["VnTrace:SeedDemo"] = "false" }))
            Assert.False(await SeededAsync(off));
    }

    [Fact]
    public async Task Outside_development_the_server_does_not_start_without_its_public_base_url()
    {
        var failure = await Assert.ThrowsAnyAsync<Exception>(async () =>
        {
            await using var app = await VnTraceApp.StartAsync(DatabaseProvider.Sqlite, postgres, new() { ["environment"] = "Production" });
        });
        Assert.Contains("VnTrace:PublicBaseUrl is required outside Development", failure.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_readme_run_command_runs_in_development_on_port_5000()
    {
        var settings = Path.Combine(RepositoryRoot(), "src", "VnTrace.Server", "Properties", "launchSettings.json");
        using var json = JsonDocument.Parse(File.ReadAllText(settings));
        // `dotnet run` takes the first profile.
        var profile = json.RootElement.GetProperty("profiles").EnumerateObject().First().Value;
        Assert.Equal("Project", profile.GetProperty("commandName").GetString());
        Assert.Equal("Development", profile.GetProperty("environmentVariables").GetProperty("ASPNETCORE_ENVIRONMENT").GetString());
        Assert.Equal("http://localhost:5000", profile.GetProperty("applicationUrl").GetString());
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task The_demo_password_and_key_files_and_the_data_protection_keys_are_the_server_users_alone()
    {
        Assert.SkipWhen(OperatingSystem.IsWindows(), "Unix file modes");
        await using var app = await VnTraceApp.StartAsync(DatabaseProvider.Sqlite, postgres, new() { ["VnTrace:SeedDemo"] = "true" });

        Assert.Equal(SecretFile.OwnerOnly, File.GetUnixFileMode(Path.Combine(app.DataDir, DemoSeeder.KeyFileName)));
        Assert.Equal(SecretFile.OwnerOnly, File.GetUnixFileMode(Path.Combine(app.DataDir, DemoSeeder.CredentialsFileName)));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute,
            File.GetUnixFileMode(Path.Combine(app.DataDir, "keys")));
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task A_secret_file_written_over_one_with_wider_rights_becomes_the_owners_alone()
    {
        Assert.SkipWhen(OperatingSystem.IsWindows(), "Unix file modes");
        var path = Path.Combine(Path.GetTempPath(), "vntrace-secret-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            await File.WriteAllTextAsync(path, "old");
            File.SetUnixFileMode(path, SecretFile.OwnerOnly | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

            await SecretFile.WriteAllTextAsync(path, "new");

            Assert.Equal(SecretFile.OwnerOnly, File.GetUnixFileMode(path));
            Assert.Equal("new", await File.ReadAllTextAsync(path));
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "VnTrace.slnx")))
                return dir.FullName;
        throw new InvalidOperationException("The repository root (VnTrace.slnx) was not found above " + AppContext.BaseDirectory);
    }
}
