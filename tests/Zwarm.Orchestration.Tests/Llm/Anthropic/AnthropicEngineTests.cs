// The real orchestrator loop (ChatEngine and all) over zwarm's own Anthropic client, as the native build runs it:
// the full delegate/wait/check/converse/end/exit script, reasoning carried across steps, failures ending the run cleanly.
using System.Text.Json;
using Microsoft.Extensions.AI;
using Zwarm.Orchestration.Instances;
using Zwarm.Orchestration.Llm;
using Zwarm.Orchestration.Loop;
using Zwarm.Orchestration.Tests.Loop;
using Zwarm.Orchestration.Tests.Support;
using Zwarm.ScriptedModels;
using Zwarm.ScriptedModels.Requests;
using Zwarm.ScriptedModels.Scripting;

namespace Zwarm.Orchestration.Tests.Llm.Anthropic;

public sealed class AnthropicEngineTests : IDisposable
{
    private readonly CancellationToken _ct = TestTimeout.After(90);
    private readonly OrchestrationWorld _world = new();

    public void Dispose() => _world.Dispose();

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task The_full_orchestrator_run_works_over_the_own_client(bool stream)
    {
        var script = OrchestratorLoopTests.DelegateWaitCheckConverseEndExit();
        await using var server = await ScriptedModelServer.StartAsync(script.ToModelScript(), _ct);
        var orchestrator = _world.Orchestrator(server, LlmProvider.Anthropic, "claude-test", stream: stream,
            createClient: ChatClientFactory.CreateAnthropicMessages);

        var result = await orchestrator.RunAsync(new OrchestratorRequest { Task = "Create three files" }, _ct);

        Assert.True(result.Status == InstanceStatus.Completed, $"{result.Status}: {result.Reason}");
        Assert.Equal("a.txt, b.txt and c.txt exist", result.Summary);
        Assert.All(new[] { "a.txt", "b.txt", "c.txt" }, f => Assert.True(File.Exists(Path.Combine(_world.WorkDir, f)), f));
        var requests = script.Requests;
        Assert.Equal(8, requests.Count);
        Assert.All(requests, r => Assert.Equal(ModelApi.AnthropicMessages, r.Api));
        Assert.All(requests, r => Assert.Equal(stream, r.Stream));
        Assert.StartsWith("You are zwarm's orchestrator", requests[0].Messages[0].Text);
        Assert.Contains("fake reply #1 to: Create a.txt", requests[4].ToolResults.Last().Output);
        // Usage reached the instance: 8 calls, input 100 + n each.
        Assert.Equal(Enumerable.Range(1, 8).Sum(n => 100 + n), result.Usage.InputTokens);
    }

    [Fact]
    public async Task Reasoning_goes_back_signed_on_the_next_step_and_is_saved_with_its_signature()
    {
        var script = ModelScript.Empty
            .On(Match.CallNumber(1), Reply.Parts(new ReasoningPart("Nothing runs yet; list first."), new ToolCallPart("list_sessions", "{}")))
            .Otherwise(Reply.ToolCall("exit", """{"summary":"nothing to do"}"""));
        await using var server = await ScriptedModelServer.StartAsync(script, _ct);
        var orchestrator = _world.Orchestrator(server, LlmProvider.Anthropic, "claude-test",
            configure: c => c with
            {
                Orchestrator = c.Orchestrator with { Llm = c.Orchestrator.Llm with { ReasoningEffort = ReasoningEffort.Medium } },
            },
            createClient: ChatClientFactory.CreateAnthropicMessages);

        var result = await orchestrator.RunAsync(new OrchestratorRequest { Task = "Anything running?" }, _ct);

        Assert.True(result.Status == InstanceStatus.Completed, $"{result.Status}: {result.Reason}");
        Assert.Equal("nothing to do", result.Summary);
        using var body = JsonDocument.Parse(server.ModelCalls[1].Body);
        Assert.Equal(8192, body.RootElement.GetProperty("thinking").GetProperty("budget_tokens").GetInt32());
        var assistant = body.RootElement.GetProperty("messages").EnumerateArray().First(m => m.GetProperty("role").GetString() == "assistant");
        var thinking = assistant.GetProperty("content")[0];
        Assert.Equal("thinking", thinking.GetProperty("type").GetString());
        Assert.Equal("Nothing runs yet; list first.", thinking.GetProperty("thinking").GetString());
        Assert.Equal("scripted-signature-1", thinking.GetProperty("signature").GetString());
        // The saved conversation keeps the signature, so a resumed run can send it back too.
        var saved = File.ReadAllText(_world.Store.MessagesPath(result.InstanceId));
        Assert.Contains("scripted-signature-1", saved);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_stream_that_fails_or_breaks_off_fails_the_run_with_one_line(bool cut)
    {
        ScriptedReply reply = cut ? Reply.CutStream(new TextPart("Let me")) : Reply.StreamError("overloaded", new TextPart("Let me"));
        await using var server = await ScriptedModelServer.StartAsync(ModelScript.Always(reply), _ct);
        var orchestrator = _world.Orchestrator(server, LlmProvider.Anthropic, "claude-test", createClient: ChatClientFactory.CreateAnthropicMessages);

        var result = await orchestrator.RunAsync(new OrchestratorRequest { Task = "anything" }, _ct);

        Assert.True(result.Status == InstanceStatus.Failed, $"{result.Status}: {result.Reason}");
        Assert.Equal(0, result.TotalSteps);
        Assert.Contains(cut ? "the stream ended before the message was complete" : "api_error: overloaded", result.Reason);
        Assert.Contains(server.BaseUrl, result.Reason);
        Assert.DoesNotContain("\n", result.Reason);
    }

    [Fact]
    public async Task A_server_error_fails_the_run_with_status_and_message()
    {
        await using var server = await ScriptedModelServer.StartAsync(ModelScript.Always(Reply.ServerError("the model is on fire")), _ct);
        var orchestrator = _world.Orchestrator(server, LlmProvider.Anthropic, "claude-test", createClient: ChatClientFactory.CreateAnthropicMessages);

        var result = await orchestrator.RunAsync(new OrchestratorRequest { Task = "anything" }, _ct);

        Assert.Equal(InstanceStatus.Failed, result.Status);
        Assert.Contains("HTTP 500 api_error: the model is on fire", result.Reason);
        Assert.DoesNotContain("\n", result.Reason);
    }
}
