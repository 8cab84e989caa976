// Compaction inside a run: once the context passes the threshold, the next request is shorter, starts with the
// system prompt and task, carries the marker, and has no call without its result; the event is logged.
using Zwarm.Orchestration.Instances;
using Zwarm.Orchestration.Loop;
using Zwarm.Orchestration.Tests.Support;
using Zwarm.ScriptedModels;

namespace Zwarm.Orchestration.Tests.Loop;

public sealed class CompactionInLoopTests
{
    [Fact]
    public async Task A_long_run_is_compacted_with_calls_and_results_kept_together()
    {
        var ct = TestTimeout.After(90);
        using var world = new OrchestrationWorld("""
            [orchestrator]
            context_window = 6000
            compaction_threshold = 0.5
            keep_last = 4
            [watchers]
            enabled = false
            """);
        var script = new OrchestratorScript();
        for (var i = 0; i < 8; i++)
        {
            // bash output makes each step big (about 400 tokens).
            script.Call("bash", $$"""{"command":"seq 1 400 | head -c 1600; echo step{{i}}"}""");
        }
        script.Call("exit", """{"summary":"done"}""");
        await using var server = await ScriptedModelServer.StartAsync(script.ToModelScript(), ct);

        var result = await world.Orchestrator(server).RunAsync(new OrchestratorRequest { Task = "print a lot" }, ct);

        Assert.Equal(InstanceStatus.Completed, result.Status);
        var compactions = world.EventsOf<Compacted>().ToList();
        Assert.NotEmpty(compactions);
        Assert.All(compactions, c => Assert.True(c.TokensAfter < c.TokensBefore));
        var after = script.Requests[compactions[0].Step - 1];
        Assert.StartsWith("You are zwarm's orchestrator", after.Messages[0].Text);
        Assert.Equal("print a lot", after.Messages[1].Text);
        Assert.StartsWith("[CONTEXT COMPACTED]", after.Messages[2].Text);
        var calls = after.ToolCalls.Select(c => c.CallId).ToHashSet();
        var results = after.ToolResults.Select(r => r.CallId).ToHashSet();
        Assert.True(calls.SetEquals(results), "every call kept has its result and vice versa");
        Assert.True(after.Messages.Count < script.Requests[compactions[0].Step - 2].Messages.Count);
        Assert.Contains(world.Store.ReadEvents(result.InstanceId), e => e.Kind == EventKinds.Compaction);
    }
}
