using System.Text.Json;
using Zwarm.Cli.Tests.Support;

namespace Zwarm.Cli.Tests.Commands;

public sealed class SetupCommandsTests : IDisposable
{
    private readonly CliRunner _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task Init_WritesAConfigThatLoadsCleanly()
    {
        var dir = Path.Combine(_cli.WorkDir, "fresh");
        Directory.CreateDirectory(dir);
        var state = Path.Combine(dir, ".zwarm");

        var init = await _cli.RunAsync("init", "--state-dir", state);

        Assert.Equal(0, init.ExitCode);
        var config = await File.ReadAllTextAsync(Path.Combine(state, "config.toml"));
        Assert.Contains("[executor]", config);
        Assert.Contains("kill_grace_seconds", config);
        Assert.Equal(0, (await _cli.RunAsync("ls", "--state-dir", state)).ExitCode);
        Assert.Equal(0, (await _cli.RunAsync("init", "--state-dir", state)).ExitCode); // idempotent
    }

    [Fact]
    public async Task Doctor_ReportsAgentsKeysAndState_AsJson()
    {
        var result = await _cli.RunAsync("doctor", "--json");

        var report = JsonDocument.Parse(result.Out).RootElement;
        Assert.True(report.GetProperty("state_writable").GetBoolean());
        var agents = report.GetProperty("agents").EnumerateArray().ToList();
        Assert.Contains(agents, a => a.GetProperty("adapter").GetString() == "codex");
        Assert.Contains(report.GetProperty("api_keys").EnumerateArray(), k => k.GetProperty("name").GetString() == "OPENAI_API_KEY");
    }

    [Fact]
    public async Task Doctor_WithBrokenConfig_StillRunsAndNamesTheProblem()
    {
        await File.AppendAllTextAsync(Path.Combine(_cli.StateDir, "config.toml"), "\n[bogus_section]\nx = 1\n");
        var result = await _cli.RunAsync("doctor", "--json");
        var report = JsonDocument.Parse(result.Out).RootElement;
        Assert.Contains("bogus_section", report.GetProperty("config_error").GetString());
        Assert.NotEqual(0, result.ExitCode);
    }
    [Fact(Timeout = 60_000)]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task Doctor_ReportsTheGitVersion_AndNamesTheMinimumWhenTooOld()
    {
        var report = JsonDocument.Parse((await _cli.RunAsync("doctor", "--json")).Out).RootElement.GetProperty("git");
        Assert.Equal(JsonValueKind.Null, report.GetProperty("problem").ValueKind); // the machine's git is new enough
        Assert.Equal("2.38.0", report.GetProperty("minimum").GetString());
        Assert.Matches(@"^\d+\.\d+\.\d+$", report.GetProperty("version").GetString()!);

        // An old git first on PATH: named, with the version isolated sessions need.
        var bin = Path.Combine(_cli.WorkDir, "..", "oldgit");
        Directory.CreateDirectory(bin);
        var fake = Path.Combine(bin, "git");
        await File.WriteAllTextAsync(fake, "#!/bin/sh\necho 'git version 2.30.2'\n");
        File.SetUnixFileMode(fake, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        _cli.Environment["PATH"] = Path.GetFullPath(bin) + ":" + Environment.GetEnvironmentVariable("PATH");
        var result = await _cli.RunAsync("doctor");
        Assert.Contains("git 2.30.2 is too old: isolated sessions need git 2.38.0 or newer", result.Out);
        var old = JsonDocument.Parse((await _cli.RunAsync("doctor", "--json")).Out).RootElement.GetProperty("git");
        Assert.Equal("2.30.2", old.GetProperty("version").GetString());
    }
}
