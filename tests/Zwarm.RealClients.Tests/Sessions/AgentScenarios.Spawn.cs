// spawn: the scripted model asks for a shell command that writes a file; the real CLI runs it under zwarm.
using System.Text.Json;
using Zwarm.RealClients.Tests.Support;
using Zwarm.ScriptedModels.Scripting;

namespace Zwarm.RealClients.Tests.Sessions;

public abstract partial class AgentScenarios
{
    private const string WriteCommand = "echo hello-from-e2e > greeting.txt && cat greeting.txt";

    private static readonly ReplyUsage FirstCall = new(1000, 50, CachedInputTokens: 400);
    private static readonly ReplyUsage SecondCall = new(1200, 60, CachedInputTokens: 800);

    /// <summary>Turn 1 of the spawn and continue scenarios: a shell call, then a closing message.</summary>
    private static ModelScript WriteFileScript() => ModelScript.Empty
        .On(Match.PendingToolResults, Reply.Text("Wrote greeting.txt") with { Usage = SecondCall })
        .Otherwise(Reply.Shell(WriteCommand, preface: "Writing the file.") with { Usage = FirstCall });

    [Fact]
    public async Task Spawn_runs_the_models_shell_command_and_records_command_output_exit_code_tokens_and_cost()
    {
        await using var world = await StartWorldAsync(WriteFileScript());

        var id = await world.SpawnAsync(Agent, "Create greeting.txt with a greeting");
        var wait = await world.WaitCompletedAsync(id);

        Assert.Contains("Wrote greeting.txt", wait.Out);
        Assert.Equal("hello-from-e2e\n", File.ReadAllText(Path.Combine(world.WorkDir, "greeting.txt")));
        Assert.Equal(2, world.Server.ModelCalls.Count);

        var expected = UsageTotals.Expected(Agent, FirstCall, SecondCall);
        var row = await world.LsRowAsync(id);
        Assert.Equal("completed", row.GetProperty("status").GetString());
        Assert.Equal(Agent.Adapter, row.GetProperty("adapter").GetString());
        Assert.Equal(Agent.Model, row.GetProperty("model").GetString());
        Assert.Equal(1, row.GetProperty("turns").GetInt32());
        Assert.Equal(0, row.GetProperty("exit_code").GetInt32());
        Assert.Equal(expected, UsageTotals.Read(row));
        AssertCost(expected.CostFor(Agent), CostOf(row));

        var show = await world.JsonAsync("show", id);
        var turn = Assert.Single(show.GetProperty("turns").EnumerateArray());
        Assert.Equal("completed", turn.GetProperty("status").GetString());
        Assert.Equal(0, turn.GetProperty("exit_code").GetInt32());
        Assert.Equal(1, turn.GetProperty("commands").GetInt32());
        Assert.Equal(["Writing the file.", "Wrote greeting.txt"], turn.GetProperty("messages").EnumerateArray().Select(m => m.GetString()));
        Assert.Equal(expected, UsageTotals.Read(turn.GetProperty("usage")));
        Assert.Equal(world.WorkDir, show.GetProperty("session").GetProperty("working_dir").GetString());

        var traj = await world.JsonAsync("traj", id);
        var command = Assert.Single(StepsOf(traj, "command"));
        Assert.Equal(WriteCommand, command.GetProperty("command").GetString());
        var output = command.GetProperty("output").GetString()!;
        var lost = Agent.MayLoseShellOutput && !output.Contains("hello-from-e2e", StringComparison.Ordinal);
        if (!lost)
        {
            Assert.Equal("hello-from-e2e", output.TrimEnd('\n'));
        }
        var exitCode = command.GetProperty("exit_code");
        Assert.Equal(Agent.ShellExitCode, exitCode.ValueKind == JsonValueKind.Null ? null : exitCode.GetInt32());
        Assert.Single(StepsOf(traj, "turn_completed"));

        // What a person reads: the command with its exit code and output, the session's tokens and cost.
        var human = await world.RunAsync("traj", id[..8]);
        Assert.Contains(Agent.ShellExitCode is { } code ? $"$ {WriteCommand} (exit {code})" : $"$ {WriteCommand}", human.Out);
        Assert.True(lost || human.Out.Contains("hello-from-e2e", StringComparison.Ordinal), human.Out);
        var table = await world.RunAsync("ls");
        Assert.Contains(id[..8], table.Out);
        Assert.Contains("completed", table.Out);
        Assert.Contains(Agent.Model, table.Out);
    }
}
