// A model that refuses the key, and a model that never answers (killed by the user).
using Zwarm.RealClients.Tests.Support;
using Zwarm.ScriptedModels.Scripting;

namespace Zwarm.RealClients.Tests.Sessions;

public abstract partial class AgentScenarios
{
    [Fact]
    public async Task Unauthorized_model_fails_the_session_with_the_models_message_and_the_exit_code()
    {
        const string message = "Incorrect API key provided: zw-e2e-****";
        await using var world = await StartWorldAsync(ModelScript.Always(Reply.Unauthorized(message)));
        var id = await world.SpawnAsync(Agent, "say hello");

        var wait = await world.RunAsync("wait", id, "--timeout", "90s");

        Assert.True(wait.ExitCode == 1, wait.Describe()); // SessionFailed
        Assert.Contains("failed", wait.Out);
        Assert.Single(world.Server.ModelCalls); // no retries: the CLIs are told not to
        var row = await world.LsRowAsync(id);
        Assert.Equal("failed", row.GetProperty("status").GetString());
        Assert.Equal(Agent.AuthFailureExitCode, row.GetProperty("exit_code").GetInt32());
        var error = row.GetProperty("error").GetString();
        Assert.NotNull(error);
        Assert.Contains(message, error);
        Assert.Contains("401", error);
        Assert.EndsWith($"(exit code {Agent.AuthFailureExitCode})", error);

        var show = await world.JsonAsync("show", id);
        var turn = Assert.Single(show.GetProperty("turns").EnumerateArray());
        Assert.Equal("failed", turn.GetProperty("status").GetString());
        Assert.Equal(Agent.AuthFailureExitCode, turn.GetProperty("exit_code").GetInt32());
        Assert.Contains(message, turn.GetProperty("error").GetString());
        var human = await world.RunAsync("show", id);
        Assert.Contains($"failed (exit {Agent.AuthFailureExitCode})", human.Out);
        Assert.Contains(message, human.Out);
    }

    [Fact]
    public async Task Kill_during_a_stalled_model_call_leaves_the_session_killed_and_no_agent_process_alive()
    {
        await using var world = await StartWorldAsync(ModelScript.Always(Reply.Stall()));
        var id = await world.SpawnAsync(Agent, "think for a long time");
        await world.Server.WaitForRequestAsync(r => r.CallNumber == 1, Timeout);
        var supervisor = world.ReadMeta(id).GetProperty("turns")[0].GetProperty("pid").GetInt32();
        // The agent is mid-call: its whole tree is up. Remember every process of it, to check each one afterwards.
        var tree = ProcessTable.TreeOf(supervisor);
        var agentRoots = AgentInstallRoots(world.Executables[Agent]);
        Assert.True(tree.Any(p => agentRoots.Any(root => p.CommandLine.Contains(root, StringComparison.Ordinal))),
            $"no process of {string.Join(" or ", agentRoots)} in the turn's tree:\n{string.Join('\n', tree)}");
        Assert.Equal("running", (await world.LsRowAsync(id)).GetProperty("status").GetString());

        var kill = await world.JsonAsync("kill", id[..8]);

        Assert.Equal("killed", Assert.Single(kill.EnumerateArray()).GetProperty("status").GetString());
        var survivors = tree.Where(p => p.IsStillAlive()).ToList();
        Assert.True(survivors.Count == 0, "still alive after kill:\n" + string.Join('\n', survivors));
        // A zombie is dead, only not yet reaped by whoever inherited it.
        var regrouped = ProcessTable.TreeOf(supervisor).Where(p => !p.IsZombie).ToList();
        Assert.True(regrouped.Count == 0, "processes in the turn's group or session after kill:\n" + string.Join('\n', regrouped));
        Assert.DoesNotContain(ProcessTable.Snapshot(), p => p.CommandLine.Contains(world.Root, StringComparison.Ordinal) && !p.IsZombie);

        var row = await world.LsRowAsync(id);
        Assert.Equal("killed", row.GetProperty("status").GetString());
        var meta = world.ReadMeta(id);
        Assert.Equal("killed", meta.GetProperty("status").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.String, meta.GetProperty("turns")[0].GetProperty("kill_requested_at").ValueKind);
        Assert.True(File.Exists(world.TurnFile(id, 1, "exit.json")), "the supervisor recorded no exit");
        // Killed stays killed: a later `wait` reports it and exits 1.
        var wait = await world.RunAsync("wait", id);
        Assert.Equal(1, wait.ExitCode);
        Assert.Contains("killed", wait.Out);
    }

    /// <summary>
    /// The folder the CLI is installed in (its node_modules), which every process of it runs from: as resolved (a node
    /// script runs by its real path) and as named (a native binary such as opencode's runs by the .bin link's path).
    /// </summary>
    private static string[] AgentInstallRoots(string executable)
    {
        static string Root(string path)
        {
            var marker = path.IndexOf("/node_modules/", StringComparison.Ordinal);
            return marker >= 0 ? path[..(marker + "/node_modules/".Length)] : Path.GetDirectoryName(path)!;
        }
        var real = new FileInfo(executable).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? executable;
        return [.. new[] { Root(real), Root(executable) }.Distinct()];
    }
}
