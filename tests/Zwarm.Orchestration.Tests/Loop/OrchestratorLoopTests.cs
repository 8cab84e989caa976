// The loop end to end over the fake agent: the scripted orchestrator delegates, waits, checks, converses, ends and
// exits; the files exist and the instance's files tell the story.
using System.Text.Json;
using Zwarm.Orchestration.Instances;
using Zwarm.Orchestration.Llm;
using Zwarm.Orchestration.Loop;
using Zwarm.Orchestration.Tests.Support;
using Zwarm.ScriptedModels;
using Zwarm.ScriptedModels.Requests;
using Zwarm.ScriptedModels.Scripting;

namespace Zwarm.Orchestration.Tests.Loop;

public sealed class OrchestratorLoopTests : IDisposable
{
    private readonly CancellationToken _ct = TestTimeout.After(90);
    private readonly OrchestrationWorld _world = new();

    public void Dispose() => _world.Dispose();

    internal static OrchestratorScript DelegateWaitCheckConverseEndExit() => new OrchestratorScript()
        .Call("delegate", """{"task":"Create a.txt @write=a.txt"}""")
        .Call("delegate", """{"task":"Create b.txt @write=b.txt","adapter":"claude_code"}""")
        .Call("wait_for_sessions", """{"mode":"all","timeout_seconds":60}""")
        .Then(r => Reply.ToolCall("check_session", $$"""{"id":{{OrchestratorScript.Json(OrchestratorScript.SessionIds(r)[0])}}}"""))
        .Then(r => Reply.ToolCall("converse", $$"""{"session_id":{{OrchestratorScript.Json(OrchestratorScript.SessionIds(r)[0])}},"message":"Also create c.txt @write=c.txt"}"""))
        .Call("wait_for_sessions", """{"timeout_seconds":60}""")
        .Then(r => Reply.Parts(
            new ToolCallPart("end_session", $$"""{"id":{{OrchestratorScript.Json(OrchestratorScript.SessionIds(r)[0])}},"reason":"done"}"""),
            new ToolCallPart("end_session", $$"""{"id":{{OrchestratorScript.Json(OrchestratorScript.SessionIds(r)[1])}}}""")))
        .Call("exit", """{"summary":"a.txt, b.txt and c.txt exist"}""");

    [Theory]
    [InlineData(LlmProvider.OpenAI)]
    [InlineData(LlmProvider.OpenAIChat)]
    [InlineData(LlmProvider.Anthropic)]
    public async Task Full_run_delegates_waits_checks_converses_ends_and_exits(LlmProvider provider)
    {
        var script = DelegateWaitCheckConverseEndExit();
        await using var server = await ScriptedModelServer.StartAsync(script.ToModelScript(), _ct);
        var orchestrator = _world.Orchestrator(server, provider);

        var result = await orchestrator.RunAsync(new OrchestratorRequest { Task = "Create three files" }, _ct);

        Assert.True(result.Status == InstanceStatus.Completed, $"{result.Status}: {result.Reason}");
        Assert.Equal("a.txt, b.txt and c.txt exist", result.Summary);
        Assert.Equal(8, result.RunSteps);
        foreach (var file in new[] { "a.txt", "b.txt", "c.txt" })
        {
            Assert.True(File.Exists(Path.Combine(_world.WorkDir, file)), $"{file} was not written; the tool results: " + string.Join("\n",
                Directory.GetFiles(_world.StateDir, "events.jsonl", SearchOption.AllDirectories).SelectMany(File.ReadAllLines)
                    .Where(l => l.Contains("tool_result", StringComparison.Ordinal))));
        }
        Assert.Equal(2, result.Sessions.Count);
        Assert.All(result.Sessions, s => Assert.Equal(InstanceIds.Source(result.InstanceId), s.Source));
        Assert.Contains(result.Sessions, s => s.Adapter == "claude_code");
        Assert.Equal(2, result.Sessions.Single(s => s.Adapter == "codex").Turns);

        // The model saw what happened: each step's request carries the results of the previous steps.
        var requests = script.Requests;
        Assert.Equal(8, requests.Count);
        Assert.All(requests, r => Assert.Equal(ExpectedApi(provider), r.Api));
        // The observation is the latest prompt, so the previous step's results sit just before it.
        var check = requests[4].ToolResults.Last();
        Assert.Contains("fake reply #1 to: Create a.txt", check.Output);
        Assert.Contains("[OBSERVATION] Step 8 of at most 50", requests[7].LastUserText);
        Assert.StartsWith("You are zwarm's orchestrator", requests[0].Messages[0].Text);
        Assert.Equal("Create three files", requests[0].Messages[1].Text);

        // events.jsonl tells the story in order.
        var events = _world.Store.ReadEvents(result.InstanceId).ToList();
        var calls = events.Where(e => e.Kind == EventKinds.ToolCall).Select(e => e.Data.GetProperty("name").GetString()).ToList();
        Assert.Equal(["delegate", "delegate", "wait_for_sessions", "check_session", "converse", "wait_for_sessions", "end_session",
            "end_session", "exit"], calls);
        Assert.Equal(EventKinds.RunStarted, events[0].Kind);
        Assert.Equal(EventKinds.RunEnded, events[^1].Kind);
        Assert.Equal("completed", events[^1].Data.GetProperty("status").GetString());
        Assert.Equal(8, events.Count(e => e.Kind == EventKinds.StepStarted));
        Assert.Equal(8, events.Count(e => e.Kind == EventKinds.LlmCall));
        Assert.All(events.Where(e => e.Kind == EventKinds.ToolResult), e => Assert.False(e.Data.GetProperty("is_error").GetBoolean(), e.Data.GetRawText()));
        Assert.Contains(events, e => e.Kind == EventKinds.Exit);
        Assert.True(events.Select(e => e.Step).SequenceEqual(events.Select(e => e.Step).Order()), "steps go forward");

        // State and conversation are saved.
        var state = _world.Store.LoadOrThrow(result.InstanceId);
        Assert.Equal(InstanceStatus.Completed, state.Status);
        Assert.Equal(8, state.Steps);
        Assert.Null(state.Pid);
        Assert.Equal(2, state.Sessions.Count);
        var messages = _world.Store.LoadMessages(result.InstanceId);
        Assert.Equal(2 + 8 * 2, messages.Count);
    }

    private static ModelApi ExpectedApi(LlmProvider provider) => provider switch
    {
        LlmProvider.OpenAIChat => ModelApi.OpenAIChatCompletions,
        LlmProvider.Anthropic => ModelApi.AnthropicMessages,
        _ => ModelApi.OpenAIResponses,
    };
}
