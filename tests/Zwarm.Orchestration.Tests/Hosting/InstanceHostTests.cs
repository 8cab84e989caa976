// The lifecycle orchestrate and pilot share (InstanceHost): a resumed instance of either kind is marked running by
// this process and updated now (before the shared host, only pilot's Running() set updated_at).
using Zwarm.Orchestration.Instances;
using Zwarm.Orchestration.Llm;
using Zwarm.Orchestration.Loop;
using Zwarm.Orchestration.Pilot;
using Zwarm.Orchestration.Tests.Support;
using Zwarm.ScriptedModels;
using Zwarm.ScriptedModels.Scripting;

namespace Zwarm.Orchestration.Tests.Hosting;

public sealed class InstanceHostTests : IDisposable
{
    private static readonly DateTimeOffset LongAgo = new(2020, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly CancellationToken _ct = TestTimeout.After(90);
    private readonly OrchestrationWorld _world = new();

    public void Dispose() => _world.Dispose();

    [Fact]
    public async Task A_resumed_orchestrator_instance_is_updated_now_and_running_here()
    {
        var script = new OrchestratorScript().Call("exit", """{"summary":"one"}""").Call("exit", """{"summary":"two"}""");
        await using var server = await ScriptedModelServer.StartAsync(script.ToModelScript(), _ct);
        var first = await _world.Orchestrator(server).RunAsync(new OrchestratorRequest { Task = "do one", InstanceId = "orch" }, _ct);
        Age("orch");
        InstanceState? whileRunning = null;
        var before = DateTimeOffset.UtcNow;

        var setup = Setup(server) with
        {
            // The first step starts right after the resume's save: what state.json says while the run goes on.
            OnEvent = e => whileRunning ??= e is StepStarted ? _world.Store.Load("orch") : null,
        };
        var second = await new Orchestrator(setup).RunAsync(new OrchestratorRequest { Resume = true, InstanceId = "orch", Task = "now two" }, _ct);

        Assert.Equal((InstanceStatus.Completed, InstanceStatus.Completed), (first.Status, second.Status));
        AssertUpdatedNow(_world.Store.LoadOrThrow("orch"), before);
        Assert.NotNull(whileRunning);
        Assert.Equal((InstanceStatus.Running, Environment.ProcessId, 2), (whileRunning.Status, whileRunning.Pid, whileRunning.Runs));
        AssertUpdatedNow(whileRunning, before);
    }

    [Fact]
    public async Task A_resumed_pilot_conversation_is_updated_now_and_running_here()
    {
        await using var server = await ScriptedModelServer.StartAsync(new OrchestratorScript().ToModelScript(), _ct);
        var setup = Setup(server);
        using (await PilotSession.OpenAsync(setup, new PilotRequest { InstanceId = "talk" }, _ct))
        {
        }
        Age("talk");
        var before = DateTimeOffset.UtcNow;

        using var pilot = await PilotSession.OpenAsync(setup, new PilotRequest { Resume = true, InstanceId = "talk" }, _ct);

        var saved = _world.Store.LoadOrThrow("talk");
        Assert.Equal((InstanceStatus.Running, Environment.ProcessId, 2), (saved.Status, saved.Pid, saved.Runs));
        AssertUpdatedNow(saved, before);
        AssertUpdatedNow(pilot.State, before);
    }

    /// <summary>Pretends the instance was last saved long ago (as a run from yesterday would be).</summary>
    private void Age(string id)
    {
        var state = _world.Store.LoadOrThrow(id);
        _world.Store.Save(state with { UpdatedAt = LongAgo, CreatedAt = LongAgo });
    }

    private static void AssertUpdatedNow(InstanceState state, DateTimeOffset before)
    {
        Assert.Equal(LongAgo, state.CreatedAt);
        Assert.InRange(state.UpdatedAt, before, DateTimeOffset.UtcNow);
    }

    private OrchestratorSetup Setup(ScriptedModelServer server)
    {
        var llm = OrchestrationWorld.Llm(server);
        var endpoint = new ChatClientFactory(_world.Context.Environment).Resolve(llm);
        return new OrchestratorSetup
        {
            Sessions = _world.Sessions,
            Client = ChatClientFactory.Create(llm, endpoint),
            Endpoint = endpoint,
            Config = _world.Config with { Orchestrator = _world.Config.Orchestrator with { Llm = llm }, Pilot = _world.Config.Pilot with { Llm = llm } },
        };
    }
}
