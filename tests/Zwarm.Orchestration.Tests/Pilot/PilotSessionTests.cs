// A pilot conversation against the scripted model server and the fake agent: turns that delegate and report, the
// checkpoint after each, :goto changing what the model sees next, saving and resuming, and turns that fail or are
// interrupted without breaking the conversation.
using Microsoft.Extensions.AI;
using Zwarm.Core;
using Zwarm.Orchestration.Instances;
using Zwarm.Orchestration.Llm;
using Zwarm.Orchestration.Loop;
using Zwarm.Orchestration.Pilot;
using Zwarm.Orchestration.Tests.Support;
using Zwarm.ScriptedModels;
using Zwarm.ScriptedModels.Scripting;

namespace Zwarm.Orchestration.Tests.Pilot;

public sealed class PilotSessionTests : IDisposable
{
    private readonly CancellationToken _ct = TestTimeout.After(90);
    private readonly OrchestrationWorld _world = new();

    public void Dispose() => _world.Dispose();

    private OrchestratorSetup Setup(ScriptedModelServer server)
    {
        var llm = OrchestrationWorld.Llm(server);
        var endpoint = new ChatClientFactory(_world.Context.Environment).Resolve(llm);
        return new OrchestratorSetup
        {
            Sessions = _world.Sessions,
            Client = ChatClientFactory.Create(llm, endpoint),
            Endpoint = endpoint,
            Config = _world.Config with { Pilot = _world.Config.Pilot with { Llm = llm } },
        };
    }

    private static OrchestratorScript Script() => new() { AfterLast = Reply.Text("(script finished)") };

    [Fact]
    public async Task Turns_delegate_report_and_checkpoint_and_goto_changes_what_the_model_sees_next()
    {
        var script = Script()
            .Call("delegate", """{"task":"write it @write=hello.txt"}""")
            .Call("wait_for_sessions", """{"timeout_seconds":60}""")
            .Then(Reply.Text("hello.txt is written."))
            .Then(Reply.Text("Nothing else is running."))
            .Then(Reply.Text("Answer after the rewind."));
        await using var server = await ScriptedModelServer.StartAsync(script.ToModelScript(), _ct);
        var texts = new List<string>();
        using var pilot = await PilotSession.OpenAsync(Setup(server), new PilotRequest { InstanceId = "chat" }, _ct);

        var first = await pilot.RunTurnAsync("please write hello.txt", e => { if (e is TextDelta t) { texts.Add(t.Text); } }, _ct);
        var second = await pilot.RunTurnAsync("anything else running?", null, _ct);
        pilot.Goto(1);
        var third = await pilot.RunTurnAsync("a different question", null, _ct);

        Assert.Equal((PilotTurnEnd.Answered, "T1", 3), (first.End, first.Checkpoint!.Label, first.Steps));
        Assert.Equal("hello.txt is written.", string.Concat(texts));
        Assert.Equal("T2", second.Checkpoint!.Label);
        Assert.Equal(("T2", 1), (third.Checkpoint!.Label, third.DroppedCheckpoints));
        Assert.True(File.Exists(Path.Combine(_world.WorkDir, "hello.txt")));
        var session = Assert.Single(await pilot.SessionsAsync(_ct));
        Assert.Equal("pilot:chat", session.Source);
        // No exit and no bash for the pilot by default.
        Assert.False(script.Requests[0].AdvertisesTool("exit"));
        Assert.False(script.Requests[0].AdvertisesTool("bash"));
        Assert.StartsWith("You are zwarm's pilot", script.Requests[0].Messages[0].Text);
        // After :goto T1 the model sees turn 1 and the new message, not the rewound turn 2.
        var afterRewind = script.Requests[4].Messages.Select(m => m.Text).ToList();
        Assert.Contains("please write hello.txt", afterRewind);
        Assert.Contains("hello.txt is written.", afterRewind);
        Assert.Equal("a different question", afterRewind[^1]);
        Assert.DoesNotContain("anything else running?", afterRewind);
        Assert.DoesNotContain("Nothing else is running.", afterRewind);

        var state = _world.Store.LoadOrThrow("chat");
        Assert.Equal(InstanceKind.Pilot, state.Kind);
        Assert.Equal([1, 2], state.Checkpoints!.Select(c => c.Turn));
        Assert.Equal(2, state.Head);
        Assert.Equal(5, state.Steps);
        Assert.Single(state.Sessions);
        Assert.Equal("please write hello.txt", state.Task);
    }

    [Fact]
    public async Task A_closed_conversation_resumes_with_its_history_checkpoints_and_head()
    {
        var script = Script().Then(Reply.Text("one")).Then(Reply.Text("two")).Then(Reply.Text("three"));
        await using var server = await ScriptedModelServer.StartAsync(script.ToModelScript(), _ct);
        using (var pilot = await PilotSession.OpenAsync(Setup(server), new PilotRequest { InstanceId = "again" }, _ct))
        {
            await pilot.RunTurnAsync("first", null, _ct);
            await pilot.RunTurnAsync("second", null, _ct);
            pilot.Goto(1);
        }
        Assert.Equal(InstanceStatus.Paused, _world.Store.LoadOrThrow("again").Status);

        using var resumed = await PilotSession.OpenAsync(Setup(server), new PilotRequest { Resume = true, InstanceId = "ag" }, _ct);
        Assert.Equal((1, 2), (resumed.Conversation.Head, resumed.Conversation.Latest));
        resumed.Goto(2);
        resumed.Goto(1);
        var turn = await resumed.RunTurnAsync("third", null, _ct);

        Assert.Equal("T2", turn.Checkpoint!.Label);
        Assert.Equal(["first", "one", "third"], script.Requests[2].Messages.Skip(1).Select(m => m.Text));
        Assert.Equal(2, resumed.State.Runs);
        var kinds = _world.Store.ReadEvents("again").Select(e => e.Kind).ToList();
        Assert.Equal(3, kinds.Count(k => k == EventKinds.UserMessage));
        Assert.Equal(3, kinds.Count(k => k == EventKinds.Rewind));
        Assert.Contains(EventKinds.Resumed, kinds);
    }

    [Fact]
    public async Task A_failing_model_call_keeps_nothing_and_the_same_message_can_be_sent_again()
    {
        var script = Script().Then(Reply.ServerError("boom")).Then(Reply.Text("fine now"));
        await using var server = await ScriptedModelServer.StartAsync(script.ToModelScript(), _ct);
        using var pilot = await PilotSession.OpenAsync(Setup(server), new PilotRequest(), _ct);

        var failed = await pilot.RunTurnAsync("hello", null, _ct);
        var retried = await pilot.RunTurnAsync("hello", null, _ct);

        Assert.Equal(PilotTurnEnd.Failed, failed.End);
        Assert.Null(failed.Checkpoint);
        Assert.Contains("boom", failed.Error);
        Assert.Equal(PilotTurnEnd.Answered, retried.End);
        Assert.Equal("T1", retried.Checkpoint!.Label);
        Assert.Equal(["hello"], script.Requests[1].Messages.Skip(1).Select(m => m.Text));
    }

    [Fact]
    public async Task An_interrupted_turn_keeps_what_it_did_with_every_call_answered()
    {
        var script = Script()
            .Call("delegate", """{"task":"slow @sleep=30"}""")
            .Call("wait_for_sessions", """{"timeout_seconds":120}""")
            .Then(Reply.Text("still working"));
        await using var server = await ScriptedModelServer.StartAsync(script.ToModelScript(), _ct);
        using var pilot = await PilotSession.OpenAsync(Setup(server), new PilotRequest(), _ct);
        using var ctrlC = CancellationTokenSource.CreateLinkedTokenSource(_ct);

        // Ctrl-C arrives as the wait starts.
        var interrupted = await pilot.RunTurnAsync("start the slow job",
            e => { if (e is ToolCallStarted { Name: "wait_for_sessions" }) { ctrlC.Cancel(); } }, ctrlC.Token);
        var next = await pilot.RunTurnAsync("how is it going?", null, _ct);

        Assert.Equal(PilotTurnEnd.Interrupted, interrupted.End);
        Assert.Equal("interrupted", interrupted.Checkpoint!.End);
        var saved = _world.Store.LoadMessages(pilot.State.Id);
        var calls = saved.SelectMany(m => m.Contents).OfType<FunctionCallContent>().Select(c => c.CallId).ToList();
        Assert.Equal(calls, saved.SelectMany(m => m.Contents).OfType<FunctionResultContent>().Select(r => r.CallId));
        Assert.Equal(("T2", PilotTurnEnd.Answered), (next.Checkpoint!.Label, next.End));
        Assert.Contains(script.Requests[2].ToolResults, r => r.Output.Contains("interrupted"));
    }

    [Fact]
    public async Task Pilot_and_orchestrate_refuse_to_resume_each_others_instances()
    {
        var script = Script().Then(Reply.Text("hi")).Call("exit", """{"summary":"done"}""");
        await using var server = await ScriptedModelServer.StartAsync(script.ToModelScript(), _ct);
        using (var pilot = await PilotSession.OpenAsync(Setup(server), new PilotRequest { InstanceId = "talk" }, _ct))
        {
            await pilot.RunTurnAsync("hi", null, _ct);
        }
        var run = await _world.Orchestrator(server).RunAsync(new OrchestratorRequest { Task = "t", InstanceId = "auto" }, _ct);

        var byOrchestrator = await Assert.ThrowsAsync<ZwarmException>(() => _world.Orchestrator(server)
            .RunAsync(new OrchestratorRequest { Resume = true, InstanceId = "talk", Task = "more" }, _ct));
        var byPilot = await Assert.ThrowsAsync<ZwarmException>(() =>
            PilotSession.OpenAsync(Setup(server), new PilotRequest { Resume = true, InstanceId = run.InstanceId }, _ct));
        using var newest = await PilotSession.OpenAsync(Setup(server), new PilotRequest { Resume = true }, _ct);

        Assert.Equal(ErrorKind.Conflict, byOrchestrator.Kind);
        Assert.Contains("zwarm pilot --resume --instance talk", byOrchestrator.Message);
        Assert.Equal(ErrorKind.Conflict, byPilot.Kind);
        Assert.Equal("talk", newest.State.Id);
    }
}
