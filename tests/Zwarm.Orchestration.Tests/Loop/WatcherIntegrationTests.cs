// Watchers inside the loop: a nudge reaches the model in its very next request; ABORT and PAUSE stop the run with
// its state saved; every verdict is logged.
using Microsoft.Extensions.AI;
using Zwarm.Orchestration.Instances;
using Zwarm.Orchestration.Loop;
using Zwarm.Orchestration.Tests.Support;
using Zwarm.ScriptedModels;
using Zwarm.ScriptedModels.Scripting;

namespace Zwarm.Orchestration.Tests.Loop;

public sealed class WatcherIntegrationTests
{
    private readonly CancellationToken _ct = TestTimeout.After(90);

    [Fact]
    public async Task A_repeated_call_gets_a_progress_nudge_in_the_next_request()
    {
        using var world = new OrchestrationWorld();
        var script = new OrchestratorScript()
            .Call("list_sessions", "{}").Call("list_sessions", "{}").Call("list_sessions", "{}")
            .Call("exit", """{"summary":"nothing to do"}""");
        await using var server = await ScriptedModelServer.StartAsync(script.ToModelScript(), _ct);

        var result = await world.Orchestrator(server).RunAsync(new OrchestratorRequest { Task = "poll" }, _ct);

        Assert.Equal(InstanceStatus.Completed, result.Status);
        var requests = script.Requests;
        Assert.Equal(4, requests.Count);
        for (var i = 0; i < 3; i++)
        {
            Assert.DoesNotContain(requests[i].Messages, m => m.Text.StartsWith("[WATCHER:", StringComparison.Ordinal));
        }
        var nudge = Assert.Single(requests[3].Messages, m => m.Text.StartsWith("[WATCHER: progress]", StringComparison.Ordinal));
        Assert.Contains("list_sessions", nudge.Text);
        Assert.Contains("3 times", nudge.Text);
        Assert.Equal("progress", Assert.Single(world.EventsOf<Nudged>()).Watcher);
        // Every watcher's verdict is logged before every step.
        var watchers = world.EventsOf<WatcherChecked>().ToList();
        Assert.Equal(4 * 6, watchers.Count);
        Assert.Equal(6, watchers.Select(w => w.Watcher).Distinct().Count());
        Assert.Contains(world.Store.ReadEvents(result.InstanceId), e => e.Kind == EventKinds.Nudge
            && e.Data.GetProperty("watcher").GetString() == "progress");
    }

    [Fact]
    public async Task Budget_abort_stops_the_run_with_its_state_saved()
    {
        using var world = new OrchestrationWorld("""
            [watchers.budget]
            max_tokens = 500
            """);
        var script = new OrchestratorScript()
            .Then(Reply.ToolCall("list_sessions", "{}") with { Usage = new ReplyUsage(400, 50) })
            .Then(Reply.ToolCall("list_sessions", """{"all":true}""") with { Usage = new ReplyUsage(400, 50) })
            .Call("exit", """{"summary":"should not get here"}""");
        await using var server = await ScriptedModelServer.StartAsync(script.ToModelScript(), _ct);

        var result = await world.Orchestrator(server).RunAsync(new OrchestratorRequest { Task = "spend" }, _ct);

        Assert.Equal(InstanceStatus.Aborted, result.Status);
        Assert.Contains("budget", result.Reason);
        Assert.Contains("900 of 500 tokens", result.Reason);
        Assert.Equal(2, script.Requests.Count);
        // The warning at 80% reached the model before the abort.
        Assert.Contains(script.Requests[1].Messages, m => m.Text.StartsWith("[WATCHER: budget]", StringComparison.Ordinal));
        var state = world.Store.LoadOrThrow(result.InstanceId);
        Assert.Equal(InstanceStatus.Aborted, state.Status);
        Assert.Equal(2, state.Steps);
        Assert.Equal(800, state.Usage.InputTokens);
        Assert.Null(state.Pid);
        var events = world.Store.ReadEvents(result.InstanceId).ToList();
        Assert.Contains(events, e => e.Kind == EventKinds.Abort && e.Data.GetProperty("watcher").GetString() == "budget");
        Assert.Equal("aborted", events[^1].Data.GetProperty("status").GetString());
        var messages = world.Store.LoadMessages(result.InstanceId);
        Assert.Equal(2, messages.SelectMany(m => m.Contents).OfType<FunctionResultContent>().Count());
    }

    [Fact]
    public async Task A_pattern_rule_can_pause_the_run_and_it_resumes_later()
    {
        using var world = new OrchestrationWorld("""
            [watchers.pattern.rules.destructive]
            regex = "DROP TABLE"
            action = "pause"
            message = "A destructive database change needs a human."
            """);
        var script = new OrchestratorScript()
            .Call("delegate", """{"task":"Run DROP TABLE users on the dev database"}""")
            .Call("exit", """{"summary":"resumed and finished"}""");
        await using var server = await ScriptedModelServer.StartAsync(script.ToModelScript(), _ct);

        var paused = await world.Orchestrator(server).RunAsync(new OrchestratorRequest { Task = "clean the db" }, _ct);
        Assert.Equal(InstanceStatus.Paused, paused.Status);
        Assert.Equal("pattern: A destructive database change needs a human.", paused.Reason);
        Assert.Single(script.Requests);
        Assert.Equal(InstanceStatus.Paused, world.Store.LoadOrThrow(paused.InstanceId).Status);

        var resumed = await world.Orchestrator(server, configure: c => c with { Watchers = c.Watchers with { Enabled = false } })
            .RunAsync(new OrchestratorRequest { Resume = true, InstanceId = paused.InstanceId }, _ct);

        Assert.Equal(InstanceStatus.Completed, resumed.Status);
        Assert.Equal(2, script.Requests.Count);
        Assert.Equal(2, world.Store.LoadOrThrow(paused.InstanceId).Runs);
    }

    [Fact]
    public async Task The_llm_watcher_reviews_every_n_steps_and_its_nudge_reaches_the_orchestrator()
    {
        using var world = new OrchestrationWorld("""
            [watchers.llm]
            enabled = true
            every = 2
            """);
        var script = new OrchestratorScript()
            .Call("list_sessions", "{}").Call("list_sessions", """{"status":"running"}""")
            .Call("exit", """{"summary":"ok"}""");
        var reviews = 0;
        await using var server = await ScriptedModelServer.StartAsync(script.ToModelScript(_ =>
        {
            reviews++;
            return Reply.Text("""{"action":"nudge","message":"You have delegated nothing yet."}""");
        }), _ct);

        var result = await world.Orchestrator(server).RunAsync(new OrchestratorRequest { Task = "review me" }, _ct);

        Assert.Equal(InstanceStatus.Completed, result.Status);
        Assert.Equal(1, reviews);
        Assert.Contains(script.Requests[2].Messages, m => m.Text == "[WATCHER: llm] You have delegated nothing yet.");
        Assert.DoesNotContain(script.Requests[1].Messages, m => m.Text.StartsWith("[WATCHER: llm]", StringComparison.Ordinal));
    }
}
