// Stopping and resuming: a run stopped mid-way (step limit, Ctrl-C during a wait, a crash that left the state
// "running") continues from its saved conversation and finishes.
using Microsoft.Extensions.AI;
using Zwarm.Core;
using Zwarm.Orchestration.Instances;
using Zwarm.Orchestration.Loop;
using Zwarm.Orchestration.Tests.Support;
using Zwarm.ScriptedModels;
using Zwarm.ScriptedModels.Scripting;

namespace Zwarm.Orchestration.Tests.Loop;

public sealed class ResumeTests : IDisposable
{
    private readonly CancellationToken _ct = TestTimeout.After(90);
    private readonly OrchestrationWorld _world = new();

    public void Dispose() => _world.Dispose();

    [Fact]
    public async Task A_run_stopped_at_its_step_limit_resumes_from_its_saved_messages_and_finishes()
    {
        var script = new OrchestratorScript()
            .Call("delegate", """{"task":"Create a.txt @write=a.txt"}""")
            .Call("wait_for_sessions", """{"timeout_seconds":60}""")
            .Then(r => Reply.ToolCall("check_session", $$"""{"id":{{OrchestratorScript.Json(OrchestratorScript.SessionIds(r)[0])}}}"""))
            .Call("exit", """{"summary":"a.txt created"}""");
        await using var server = await ScriptedModelServer.StartAsync(script.ToModelScript(), _ct);

        var first = await _world.Orchestrator(server).RunAsync(new OrchestratorRequest { Task = "make a.txt", MaxSteps = 2 }, _ct);

        Assert.Equal(InstanceStatus.StepLimit, first.Status);
        Assert.Equal(2, first.TotalSteps);
        Assert.Equal(InstanceStatus.StepLimit, _world.Store.LoadOrThrow(first.InstanceId).Status);

        var second = await _world.Orchestrator(server)
            .RunAsync(new OrchestratorRequest { Resume = true, InstanceId = first.InstanceId[..4] }, _ct);

        Assert.Equal(InstanceStatus.Completed, second.Status);
        Assert.Equal(first.InstanceId, second.InstanceId);
        Assert.Equal(2, second.RunSteps);
        Assert.Equal(4, second.TotalSteps);
        Assert.True(File.Exists(Path.Combine(_world.WorkDir, "a.txt")));
        // The resumed request carries the whole earlier conversation: task, the delegate call and its result.
        var resumed = script.Requests[2];
        Assert.Equal("make a.txt", resumed.Messages[1].Text);
        Assert.Contains(resumed.ToolCalls, c => c.Name == "delegate");
        Assert.Contains(resumed.ToolResults, r => r.Output.Contains("session_id"));
        // The session it started before the stop is still known as its own.
        Assert.Single(second.Sessions);
        var state = _world.Store.LoadOrThrow(first.InstanceId);
        Assert.Equal(2, state.Runs);
        Assert.Equal(4, state.Steps);
        var kinds = _world.Store.ReadEvents(first.InstanceId).Select(e => e.Kind).ToList();
        Assert.Equal(1, kinds.Count(k => k == EventKinds.Resumed));
        Assert.Equal(2, kinds.Count(k => k == EventKinds.RunEnded));
    }

    [Fact]
    public async Task Ctrl_c_during_a_wait_saves_a_consistent_state_and_the_run_resumes()
    {
        var script = new OrchestratorScript()
            .Call("delegate", """{"task":"slow work @sleep=30"}""")
            .Call("wait_for_sessions", """{"timeout_seconds":120}""")
            .Then(r => Reply.ToolCall("end_session", $$"""{"id":{{OrchestratorScript.Json(OrchestratorScript.SessionIds(r)[0])}}}"""))
            .Call("exit", """{"summary":"stopped the slow work"}""");
        await using var server = await ScriptedModelServer.StartAsync(script.ToModelScript(), _ct);
        using var ctrlC = CancellationTokenSource.CreateLinkedTokenSource(_ct);
        var orchestrator = _world.Orchestrator(server);

        var run = orchestrator.RunAsync(new OrchestratorRequest { Task = "slow" }, ctrlC.Token);
        while (!_world.Events.OfType<ToolCalled>().Any(e => e.Name == "wait_for_sessions"))
        {
            await Task.Delay(20, _ct);
        }
        ctrlC.Cancel();
        var interrupted = await run;

        Assert.Equal(InstanceStatus.Interrupted, interrupted.Status);
        Assert.Contains("--resume --instance " + interrupted.InstanceId, interrupted.Reason);
        var saved = _world.Store.LoadMessages(interrupted.InstanceId);
        var calls = saved.SelectMany(m => m.Contents).OfType<FunctionCallContent>().Select(c => c.CallId).ToList();
        var results = saved.SelectMany(m => m.Contents).OfType<FunctionResultContent>().ToList();
        Assert.Equal(calls, results.Select(r => r.CallId));
        Assert.Contains("interrupted", MessageCodec.ResultText(results[^1].Result));
        Assert.Equal(InstanceStatus.Interrupted, _world.Store.LoadOrThrow(interrupted.InstanceId).Status);

        var resumed = await _world.Orchestrator(server).RunAsync(new OrchestratorRequest { Resume = true, InstanceId = interrupted.InstanceId }, _ct);

        Assert.Equal(InstanceStatus.Completed, resumed.Status);
        Assert.Equal("killed", Assert.Single(resumed.Sessions).Status.ToString().ToLowerInvariant());
    }

    [Fact]
    public async Task A_crashed_run_left_running_is_resumed_and_a_dangling_call_gets_a_result()
    {
        var script = new OrchestratorScript().Call("exit", """{"summary":"recovered"}""");
        await using var server = await ScriptedModelServer.StartAsync(script.ToModelScript(), _ct);
        // A run that died mid-step: state says running (a dead pid), the last call has no result.
        var store = _world.Store;
        var now = DateTimeOffset.UtcNow;
        store.Create(new InstanceState
        {
            Id = "crashed", Task = "t", Status = InstanceStatus.Running, CreatedAt = now, UpdatedAt = now, WorkingDir = _world.WorkDir,
            Steps = 1, Runs = 1, Pid = int.MaxValue,
        });
        store.SaveMessages("crashed", [
            new ChatMessage(ChatRole.System, "old prompt"), new ChatMessage(ChatRole.User, "t"),
            new ChatMessage(ChatRole.Assistant, [new FunctionCallContent("call_x", "list_sessions", new Dictionary<string, object?>())]),
        ]);
        Assert.Equal(InstanceStatus.Interrupted, store.LoadOrThrow("crashed").LiveStatus());

        var result = await _world.Orchestrator(server).RunAsync(new OrchestratorRequest { Resume = true, InstanceId = "crashed" }, _ct);

        Assert.Equal(InstanceStatus.Completed, result.Status);
        var request = Assert.Single(script.Requests);
        Assert.Contains(request.ToolResults, r => r.CallId == "call_x" && r.Output.Contains("interrupted"));
        Assert.StartsWith("You are zwarm's orchestrator", request.Messages[0].Text);
        Assert.Equal("running", _world.Store.ReadEvents("crashed").First(e => e.Kind == EventKinds.Resumed).Data.GetProperty("previous_status").GetString());
    }

    [Fact]
    public async Task A_completed_instance_resumes_only_with_a_new_instruction()
    {
        var script = new OrchestratorScript().Call("exit", """{"summary":"first"}""").Call("exit", """{"summary":"second"}""");
        await using var server = await ScriptedModelServer.StartAsync(script.ToModelScript(), _ct);
        var done = await _world.Orchestrator(server).RunAsync(new OrchestratorRequest { Task = "one" }, _ct);

        var refused = await Assert.ThrowsAsync<ZwarmException>(() => _world.Orchestrator(server)
            .RunAsync(new OrchestratorRequest { Resume = true, InstanceId = done.InstanceId }, _ct));
        var again = await _world.Orchestrator(server)
            .RunAsync(new OrchestratorRequest { Resume = true, InstanceId = done.InstanceId, Task = "now do two" }, _ct);

        Assert.Equal(ErrorKind.Conflict, refused.Kind);
        Assert.Contains("--task", refused.Message);
        Assert.Equal(InstanceStatus.Completed, again.Status);
        Assert.Equal("second", again.Summary);
        Assert.Contains(script.Requests[1].Messages, m => m.Text == "New instruction from the user: now do two");
    }

    [Fact]
    public async Task An_instance_run_by_another_process_cannot_be_resumed()
    {
        var script = new OrchestratorScript().Call("exit", """{"summary":"x"}""");
        await using var server = await ScriptedModelServer.StartAsync(script.ToModelScript(), _ct);
        var done = await _world.Orchestrator(server).RunAsync(new OrchestratorRequest { Task = "one", MaxSteps = 1 }, _ct);
        using var held = await _world.Store.LockAsync(done.InstanceId, _ct);

        var e = await Assert.ThrowsAsync<ZwarmException>(() => _world.Orchestrator(server)
            .RunAsync(new OrchestratorRequest { Resume = true, InstanceId = done.InstanceId, Task = "more" }, _ct));

        Assert.Equal(ErrorKind.Conflict, e.Kind);
        Assert.Contains("another zwarm process", e.Message);
    }
}
