// The orchestrator delegating to an adapter other than Codex: `zwarm orchestrate`, its LLM on one scripted server,
// hands the task to the real opencode (whose model is a second scripted server), waits for the session and exits.
// The delegated session is opencode's, completed, and its work is on disk.
using Zwarm.RealClients.Tests.Support;
using Zwarm.ScriptedModels;
using Zwarm.ScriptedModels.Scripting;

namespace Zwarm.RealClients.Tests.Orchestration;

[Trait("Category", "RealClient")]
[Collection(Lanes.OpenCode)]
public sealed class OrchestratorDelegatesToOpenCodeTests
{
    private readonly CancellationToken _timeout = TestTimeout.After(240);

    [Fact]
    public async Task Orchestrate_delegates_to_opencode_waits_for_its_session_and_exits_with_the_work_done()
    {
        var agentModel = ModelScript.Empty
            .On(Match.PendingToolResults, Reply.Text("Wrote greeting.txt"))
            .Otherwise(Reply.Shell("echo hello-from-opencode > greeting.txt"));
        // One step per tool result the orchestrator has seen: delegate, wait, exit.
        var orchestratorModel = ModelScript.FromFunction(r => r.ToolResults.Count() switch
        {
            0 => Reply.ToolCall("delegate", """{"task":"Create greeting.txt with a greeting","adapter":"opencode"}"""),
            1 => Reply.ToolCall("wait_for_sessions", """{"timeout_seconds":90}"""),
            _ => Reply.ToolCall("exit", """{"summary":"opencode wrote greeting.txt"}"""),
        });
        await using var world = await ZwarmWorld.StartAsync(agentModel, [Agent.OpenCode], _timeout);
        await using var llm = await ScriptedModelServer.StartAsync(orchestratorModel, _timeout);
        File.AppendAllText(Path.Combine(world.StateDir, "config.toml"),
            $"\n[orchestrator]\nbase_url = \"{llm.OpenAIBaseUrl}\"\nmodel = \"gpt-test\"\nmax_retries = 0\n");
        var environment = new Dictionary<string, string>(world.Environment) { ["OPENAI_API_KEY"] = "zw-e2e-orchestrator" };

        using var orchestrate = ZwarmProcess.Start(
            ["--state-dir", world.StateDir, "orchestrate", "--task", "have greeting.txt written", "--json"], world.WorkDir, environment);
        var run = await orchestrate.WaitAsync(TimeSpan.FromSeconds(180), _timeout);

        Assert.True(run.ExitCode == 0 && !run.TimedOut, run.Describe());
        var summary = run.Json();
        Assert.Equal("completed", summary.GetProperty("status").GetString());
        Assert.Equal("opencode wrote greeting.txt", summary.GetProperty("summary").GetString());
        var id = Assert.Single(summary.GetProperty("sessions").EnumerateArray()).GetProperty("id").GetString()!;
        Assert.Equal("hello-from-opencode\n", File.ReadAllText(Path.Combine(world.WorkDir, "greeting.txt")));
        var row = await world.LsRowAsync(id);
        Assert.Equal("opencode", row.GetProperty("adapter").GetString());
        Assert.Equal("completed", row.GetProperty("status").GetString());
        Assert.StartsWith("orchestrator:", row.GetProperty("source").GetString());
        Assert.Equal(Agent.OpenCode.Model, row.GetProperty("model").GetString());
        // The orchestrator saw the session end through its wait tool, with opencode's closing message.
        var waited = llm.ModelCalls[^1].ToolResults.Last().Output;
        Assert.Contains("completed", waited);
        Assert.Contains("Wrote greeting.txt", waited);
        Assert.Equal(2, world.Server.ModelCalls.Count);
    }
}
