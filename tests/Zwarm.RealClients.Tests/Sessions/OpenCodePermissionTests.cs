// opencode's own quirk: a tool whose permission is "ask" is auto-rejected in a headless run, and opencode then exits 0
// with no result event. zwarm must not call that turn completed: it is failed, with the denial recorded as such.
using Zwarm.RealClients.Tests.Support;
using Zwarm.ScriptedModels.Scripting;

namespace Zwarm.RealClients.Tests.Sessions;

[Trait("Category", "RealClient")]
[Collection(Lanes.OpenCode)]
public sealed class OpenCodePermissionTests
{
    private readonly CancellationToken _timeout = TestTimeout.After(240);

    [Fact]
    public async Task A_shell_call_the_users_config_asks_about_is_auto_rejected_and_the_turn_fails_as_a_denial()
    {
        const string command = "echo should-not-run > denied.txt";
        await using var world = await ZwarmWorld.StartAsync(ModelScript.Always(Reply.Shell(command)), [Agent.OpenCode], _timeout);
        // The user's own opencode config asks before every shell command (zwarm's workspace-write leaves bash alone).
        var userConfig = Path.Combine(world.Environment["XDG_CONFIG_HOME"], "opencode", "opencode.json");
        Directory.CreateDirectory(Path.GetDirectoryName(userConfig)!);
        File.WriteAllText(userConfig, """{"permission":{"bash":"ask"}}""");

        var id = await world.SpawnAsync(Agent.OpenCode, "write denied.txt");
        var wait = await world.RunAsync("wait", id, "--timeout", "90s");

        Assert.True(wait.ExitCode == 1, wait.Describe() + await world.DescribeSessionsAsync(id)); // SessionFailed
        Assert.False(File.Exists(Path.Combine(world.WorkDir, "denied.txt")));
        Assert.Single(world.Server.ModelCalls); // the loop stopped at the rejection
        var row = await world.LsRowAsync(id);
        Assert.Equal("failed", row.GetProperty("status").GetString());
        Assert.Equal(0, row.GetProperty("exit_code").GetInt32()); // opencode's own exit code, as it was
        Assert.Contains("permission denied: opencode auto-rejected the bash call", row.GetProperty("error").GetString());

        var traj = await world.JsonAsync("traj", id);
        var denial = Assert.Single(traj.EnumerateArray(), s => s.GetProperty("kind").GetString() == "permission_denied");
        Assert.Equal("bash", denial.GetProperty("tool").GetString());
        Assert.Contains(command, denial.GetProperty("text").GetString());
        Assert.DoesNotContain(traj.EnumerateArray(), s => s.GetProperty("kind").GetString() is "command" or "turn_completed");
    }
}
