// logs --follow: output of a running turn is streamed as it is written, and the command returns when the turn ends.
using System.Text.Json;
using Zwarm.RealClients.Tests.Support;
using Zwarm.ScriptedModels.Scripting;

namespace Zwarm.RealClients.Tests.Sessions;

public abstract partial class AgentScenarios
{
    [Fact]
    public async Task Logs_follow_streams_a_running_turn_and_returns_when_it_ends()
    {
        // The model's second answer is held back until the test has seen the first step arrive through `logs -f`.
        using var release = new ManualResetEventSlim();
        var script = ModelScript.FromFunction(r =>
        {
            if (r.PendingToolResults.Count == 0) return Reply.Shell("echo step-one-output", preface: "Starting step one.");
            release.Wait(TimeSpan.FromSeconds(90));
            return Reply.Text("Both steps done.");
        });
        await using var world = await StartWorldAsync(script);
        try
        {
            await FollowTheTurnAsync(world, release);
        }
        finally
        {
            // Never leave the server's handler blocked: disposing the server would wait for it.
            release.Set();
        }
    }

    private async Task FollowTheTurnAsync(ZwarmWorld world, ManualResetEventSlim release)
    {
        var id = await world.SpawnAsync(Agent, "do it in two steps");

        using var follow = world.Start("logs", id, "--follow", "--json");
        // The finished command step (not just command_started): the command ran and its output was streamed.
        var sawCommand = await follow.WaitForOutputAsync(
            o => o.Contains("\"kind\":\"command\"", StringComparison.Ordinal) && o.Contains("step-one-output", StringComparison.Ordinal), Timeout);

        Assert.True(sawCommand, "logs -f ended before the command step arrived:\n" + follow.Out);
        Assert.False(follow.HasExited, "logs -f returned while the turn was still running");
        Assert.Equal("running", (await world.LsRowAsync(id)).GetProperty("status").GetString());
        release.Set();
        var logs = await follow.WaitAsync(TimeSpan.FromSeconds(90), Timeout);

        Assert.True(logs.ExitCode == 0 && !logs.TimedOut, logs.Describe());
        var steps = logs.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        var kinds = steps.Select(s => s.GetProperty("kind").GetString()).ToList();
        Assert.Contains("command", kinds);
        Assert.Equal("turn_completed", kinds[^1]);
        Assert.Contains(steps, s => s.GetProperty("kind").GetString() == "message" && s.GetProperty("text").GetString() == "Both steps done.");
        Assert.True(kinds.IndexOf("command") < kinds.IndexOf("turn_completed"));
        Assert.Equal("completed", (await world.LsRowAsync(id)).GetProperty("status").GetString());

        // Following a finished turn prints it and returns at once; the human form names the outcome.
        var again = await world.RunAsync("logs", id, "-f");
        Assert.True(again.ExitCode == 0, again.Describe());
        Assert.Contains("echo step-one-output", again.Out);
        Assert.Contains("turn 1 ended: completed", again.Err);
    }
}
