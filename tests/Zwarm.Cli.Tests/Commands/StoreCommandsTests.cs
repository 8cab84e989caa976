// rm / clean / reset / doctor over the store's hard cases: all or nothing, damaged and half-made folders, leftovers.
using System.Text.Json;
using Zwarm.Cli.Infrastructure;
using Zwarm.Cli.Tests.Support;

namespace Zwarm.Cli.Tests.Commands;

public sealed class StoreCommandsTests : IDisposable
{
    private readonly CliRunner _cli = new();

    public void Dispose() => _cli.Dispose();

    private string SessionsDir => Path.Combine(_cli.StateDir, "sessions");

    private async Task<string> SpawnAsync(string task)
    {
        var result = await _cli.RunAsync("spawn", task, "--json");
        Assert.Equal(0, result.ExitCode);
        return JsonDocument.Parse(result.Out).RootElement.GetProperty("id").GetString()!;
    }

    [Fact]
    public async Task Rm_OfTwo_WithOneRunning_RemovesNeither_AndForceRemovesBoth()
    {
        var done = await SpawnAsync("done");
        Assert.Equal(0, (await _cli.RunAsync("wait", done)).ExitCode);
        var running = await SpawnAsync("@sleep=60");

        var refused = await _cli.RunAsync("rm", done[..8], running[..8]);

        Assert.Equal(ExitCodes.Conflict, refused.ExitCode);
        Assert.Contains(running[..8], refused.Err);
        Assert.True(Directory.Exists(Path.Combine(SessionsDir, done)));
        Assert.True(Directory.Exists(Path.Combine(SessionsDir, running)));

        var forced = await _cli.RunAsync("rm", "--force", done[..8], running[..8]);
        Assert.Equal(ExitCodes.Success, forced.ExitCode);
        Assert.Empty(Directory.GetDirectories(SessionsDir));
    }

    [Fact]
    public async Task Reset_RemovesDamagedAndHalfMadeFolders_Too()
    {
        var done = await SpawnAsync("done");
        Assert.Equal(0, (await _cli.RunAsync("wait", done)).ExitCode);
        File.WriteAllText(Path.Combine(SessionsDir, done, "meta.json"), "{ broken");
        Directory.CreateDirectory(Path.Combine(SessionsDir, Guid.NewGuid().ToString(), "turns"));
        Directory.CreateDirectory(Path.Combine(SessionsDir, $".deleting-{Guid.NewGuid()}-00", "turns"));

        var reset = await _cli.RunAsync("reset", "--yes");

        Assert.Equal(ExitCodes.Success, reset.ExitCode);
        Assert.Empty(Directory.GetDirectories(SessionsDir));
    }

    [Fact]
    public async Task Doctor_NamesLeftovers_AndTheJsonSaysTheStateDirIsUsable()
    {
        Directory.CreateDirectory(Path.Combine(SessionsDir, Guid.NewGuid().ToString(), "turns"));

        var doctor = await _cli.RunAsync("doctor", "--json");

        var report = JsonDocument.Parse(doctor.Out).RootElement;
        Assert.Equal(1, report.GetProperty("leftovers").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, report.GetProperty("state_problem").ValueKind);
    }
}
