// OpenTelemetry in place of Weave: with an OTLP endpoint, the run's spans (run, steps, watchers, tool calls) reach
// it over OTLP/HTTP — for the orchestrator and, composed by the same ModelHost, for pilot. The collector is a
// loopback HttpListener that records what is posted.
using Zwarm.Orchestration.Hosting;
using Zwarm.Orchestration.Instances;
using Zwarm.Orchestration.Loop;
using Zwarm.Orchestration.Pilot;
using Zwarm.Orchestration.Telemetry;
using Zwarm.Orchestration.Tests.Support;
using Zwarm.ScriptedModels;
using Zwarm.ScriptedModels.Scripting;

namespace Zwarm.Orchestration.Tests.Telemetry;

public sealed class TracingTests
{
    [Fact]
    public async Task Steps_and_tool_calls_are_exported_over_otlp()
    {
        var ct = TestTimeout.After(60);
        var collector = new OtlpCollector(ct);
        using var world = new OrchestrationWorld();
        var script = new OrchestratorScript().Call("list_sessions", "{}").Call("exit", """{"summary":"traced"}""");
        await using var server = await ScriptedModelServer.StartAsync(script.ToModelScript(), ct);
        OrchestratorResult result;
        using (Tracing.Start(collector.Endpoint, "http/protobuf", "test"))
        {
            result = await world.Orchestrator(server).RunAsync(new OrchestratorRequest { Task = "trace me" }, ct);
        }
        await collector.DisposeAsync();

        Assert.Equal(InstanceStatus.Completed, result.Status);
        var all = AllTraces(collector);
        Assert.Contains("orchestrator.run", all);
        Assert.Contains("orchestrator.step", all);
        Assert.Contains("tool list_sessions", all);
        Assert.Contains("tool exit", all);
        Assert.Contains(result.InstanceId, all);
    }

    [Fact]
    public async Task Pilot_turns_and_tool_calls_are_exported_over_otlp_by_the_shared_model_host()
    {
        var ct = TestTimeout.After(60);
        var collector = new OtlpCollector(ct);
        using var world = new OrchestrationWorld();
        var script = new OrchestratorScript { AfterLast = Reply.Text("(script finished)") }
            .Call("list_sessions", "{}")
            .Then(Reply.Text("No sessions yet."));
        await using var server = await ScriptedModelServer.StartAsync(script.ToModelScript(), ct);
        var llm = OrchestrationWorld.Llm(server);
        var config = world.Config with
        {
            Pilot = world.Config.Pilot with { Llm = llm },
            Orchestrator = world.Config.Orchestrator with { OtlpEndpoint = collector.Endpoint, OtlpProtocol = "http/protobuf" },
        };
        PilotTurnResult turn;
        using (var model = ModelHost.Start(world.Context.Environment, llm, config.Orchestrator, "pilot-test"))
        {
            using var pilot = await PilotSession.OpenAsync(model.Setup(world.Sessions, config), new PilotRequest { InstanceId = "traced" }, ct);
            turn = await pilot.RunTurnAsync("what is running?", null, ct);
        }
        await collector.DisposeAsync();

        Assert.Equal(PilotTurnEnd.Answered, turn.End);
        var all = AllTraces(collector);
        Assert.Contains("pilot.turn", all);
        Assert.Contains("tool list_sessions", all);
        Assert.Contains("traced", all);
        Assert.Contains("gpt-test", all);
    }

    private static string AllTraces(OtlpCollector collector)
    {
        var received = collector.Received;
        Assert.NotEmpty(received);
        Assert.All(received, r => Assert.Equal("/v1/traces", r.Path));
        return string.Concat(received.Select(r => r.Body));
    }
}
