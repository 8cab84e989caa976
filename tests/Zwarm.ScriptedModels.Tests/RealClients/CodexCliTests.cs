// The real Codex CLI 0.169.0 against the scripted Responses endpoint: what zwarm's Codex adapter will see.
using System.Text.Json.Nodes;
using Zwarm.ScriptedModels.Agents;
using Zwarm.ScriptedModels.Requests;
using Zwarm.ScriptedModels.Scripting;
using Zwarm.ScriptedModels.Tests.Support;

namespace Zwarm.ScriptedModels.Tests.RealClients;

[Trait("Category", "RealClient")]
[Collection(RealCli.Collection)]
public sealed class CodexCliTests : IDisposable
{
    private readonly CancellationToken _ct = TestTimeout.After(180);
    // Before the temp folder: a missing CLI fails the constructor, and nothing would dispose the folder.
    private readonly string _codex = RealCli.Require(AgentCli.Codex);
    private readonly TempDirectory _temp = new("zwarm-codex-");
    private readonly string _work;

    public CodexCliTests()
    {
        _work = _temp.CreateSubdirectory("work");
    }

    public void Dispose() => _temp.Dispose();

    private async Task<AgentRunResult> RunAsync(ScriptedModelServer server, string[] arguments, AgentCliEnvironment? env = null)
    {
        env ??= RealCli.CodexEnvironment(server, _temp.Path);
        return await AgentProcess.RunAsync(_codex, arguments, _work, env, RealCli.ProcessTimeout, _ct);
    }

    [Fact]
    public async Task Plain_reply_becomes_an_agent_message_and_turn_completed()
    {
        await using var server = await ScriptedModelServer.StartAsync(ModelScript.Always(Reply.Text("Hello from the script")), _ct);

        var run = await RunAsync(server, RealCli.CodexExec("say hello"));

        Assert.True(run.ExitCode == 0, run.Describe());
        Assert.Equal("thread.started", (string?)run.Events[0]["type"]);
        var message = Assert.Single(run.OfType("item.completed"), e => (string?)e["item"]!["type"] == "agent_message");
        Assert.Equal("Hello from the script", (string?)message["item"]!["text"]);
        var usage = Assert.Single(run.OfType("turn.completed"))["usage"]!;
        Assert.Equal(101, (int)usage["input_tokens"]!);
        Assert.Equal(20, (int)usage["output_tokens"]!);

        var request = Assert.Single(server.Requests); // nothing but the model call: no probes, no model listing
        Assert.Equal(ModelApi.OpenAIResponses, request.Api);
        Assert.Equal("/v1/responses", request.Path);
        Assert.True(request.Stream);
        Assert.True(request.HasAuthorization);
        Assert.Equal("gpt-5.5", request.Model);
        Assert.Equal("say hello", request.LastUserText);
        Assert.Equal(_work, request.WorkingDirectory);
        Assert.True(request.AdvertisesTool("exec_command"));
        Assert.True(request.AdvertisesTool("apply_patch"));
    }

    [Fact]
    public async Task Shell_tool_call_runs_the_command_and_its_output_goes_back_to_the_model()
    {
        var script = ModelScript.Empty
            .On(Match.PendingToolResults, r => Reply.Text("Done: " + r.PendingToolResults[0].Output))
            .Otherwise(Reply.Shell("echo hello-from-codex > out.txt && cat out.txt", preface: "Running it."));
        await using var server = await ScriptedModelServer.StartAsync(script, _ct);

        var run = await RunAsync(server, RealCli.CodexExec("write the file", "-s", "workspace-write"));

        Assert.True(run.ExitCode == 0, run.Describe());
        Assert.Equal("hello-from-codex\n", File.ReadAllText(Path.Combine(_work, "out.txt")));
        var command = Assert.Single(run.OfType("item.completed"), e => (string?)e["item"]!["type"] == "command_execution")["item"]!;
        Assert.Contains("echo hello-from-codex > out.txt", (string?)command["command"]);
        Assert.Equal("hello-from-codex\n", (string?)command["aggregated_output"]);
        Assert.Equal(0, (int?)command["exit_code"]);
        Assert.Contains(run.OfType("item.started"), e => (string?)e["item"]!["type"] == "command_execution");

        Assert.Equal(2, server.ModelCalls.Count);
        var result = Assert.Single(server.ModelCalls[1].PendingToolResults);
        Assert.Equal("call_1_2", result.CallId);
        Assert.Contains("hello-from-codex", result.Output);
        Assert.Equal("exec_command", server.ModelCalls[1].FindToolCall("call_1_2")!.Name);
        // Usage is summed over the turn's model calls: (100+1) + (100+2) in, 20 + 20 out.
        var usage = Assert.Single(run.OfType("turn.completed"))["usage"]!;
        Assert.Equal(203, (int)usage["input_tokens"]!);
        Assert.Equal(40, (int)usage["output_tokens"]!);
    }

    [Fact]
    public async Task Apply_patch_call_creates_the_file_as_a_file_change()
    {
        var script = ModelScript.Empty
            .On(Match.PendingToolResults, Reply.Text("Created notes.txt"))
            .Otherwise(Reply.WriteFile("notes.txt", "line one\nline two\n"));
        await using var server = await ScriptedModelServer.StartAsync(script, _ct);

        var run = await RunAsync(server, RealCli.CodexExec("create notes", "-s", "workspace-write"));

        Assert.True(run.ExitCode == 0, run.Describe());
        Assert.Equal("line one\nline two\n", File.ReadAllText(Path.Combine(_work, "notes.txt")));
        var change = Assert.Single(run.OfType("item.completed"), e => (string?)e["item"]!["type"] == "file_change")["item"]!;
        Assert.Equal("add", (string?)change["changes"]![0]!["kind"]);
        Assert.EndsWith("notes.txt", (string?)change["changes"]![0]!["path"]);
        Assert.Equal("apply_patch", server.ModelCalls[1].FindToolCall("call_1_1")!.Name);
    }

    [Fact]
    public async Task Resume_sends_the_earlier_exchange_and_keeps_the_thread_id()
    {
        var script = ModelScript.Empty
            .On(Match.FollowUp, r => Reply.Text($"second answer (history has {r.EarlierPrompts.Count} prompt)"))
            .Otherwise(Reply.Text("first answer"));
        await using var server = await ScriptedModelServer.StartAsync(script, _ct);
        var env = RealCli.CodexEnvironment(server, _temp.Path);

        var first = await RunAsync(server, RealCli.CodexExec("first message"), env);
        Assert.True(first.ExitCode == 0, first.Describe());
        var threadId = (string)first.OfType("thread.started").Single()["thread_id"]!;
        var second = await RunAsync(server, RealCli.CodexResume(threadId, "second message"), env);

        Assert.True(second.ExitCode == 0, second.Describe());
        Assert.Equal(threadId, (string?)second.OfType("thread.started").Single()["thread_id"]);
        var message = second.OfType("item.completed").Single(e => (string?)e["item"]!["type"] == "agent_message");
        Assert.Equal("second answer (history has 1 prompt)", (string?)message["item"]!["text"]);
        var followUp = server.ModelCalls[1];
        Assert.Equal("second message", followUp.LastUserText);
        Assert.Equal(["first message"], followUp.EarlierPrompts);
        Assert.Equal(["first answer"], followUp.EarlierAssistantTexts);
        // turn.completed usage is cumulative for the thread: 101 + 102 input tokens after the resume.
        Assert.Equal(203, (int)second.OfType("turn.completed").Single()["usage"]!["input_tokens"]!);
    }

    [Fact]
    public async Task Unauthorized_fails_the_turn_with_exit_code_1()
    {
        await using var server = await ScriptedModelServer.StartAsync(ModelScript.Always(Reply.Unauthorized()), _ct);

        var run = await RunAsync(server, RealCli.CodexExec("hi"));

        Assert.True(run.ExitCode == 1, run.Describe());
        var failed = Assert.Single(run.OfType("turn.failed"));
        Assert.Contains("401", (string?)failed["error"]!["message"]);
        Assert.Empty(run.OfType("turn.completed"));
        Assert.Single(server.ModelCalls); // request_max_retries = 0: no retry
    }

    [Fact]
    public async Task Stream_cut_before_completion_fails_the_turn()
    {
        await using var server = await ScriptedModelServer.StartAsync(ModelScript.Always(Reply.CutStream(new TextPart("partial"))), _ct);

        var run = await RunAsync(server, RealCli.CodexExec("hi"));

        Assert.True(run.ExitCode == 1, run.Describe());
        Assert.Contains("response.completed", (string?)Assert.Single(run.OfType("turn.failed"))["error"]!["message"]);
    }

    [Fact]
    public async Task In_band_stream_error_fails_the_turn_with_its_message()
    {
        await using var server = await ScriptedModelServer.StartAsync(ModelScript.Always(Reply.StreamError("model exploded")), _ct);

        var run = await RunAsync(server, RealCli.CodexExec("hi"));

        Assert.True(run.ExitCode == 1, run.Describe());
        Assert.Equal("stream disconnected before completion: model exploded",
            (string?)Assert.Single(run.OfType("turn.failed"))["error"]!["message"]);
        Assert.Single(server.ModelCalls); // stream_max_retries = 0
    }

    [Fact]
    public async Task Stalled_model_call_leaves_codex_waiting_until_it_is_terminated()
    {
        await using var server = await ScriptedModelServer.StartAsync(ModelScript.Always(Reply.Stall()), _ct);
        var env = RealCli.CodexEnvironment(server, _temp.Path);
        using var codex = AgentProcess.Start(_codex, RealCli.CodexExec("hi"), _work, env);

        await server.WaitForRequestAsync(r => r.CallNumber == 1, _ct);
        await Task.Delay(500, _ct);
        Assert.DoesNotContain(codex.StdoutLines, l => l.Contains("turn.completed") || l.Contains("turn.failed"));
        codex.Signal(AgentProcess.SigTerm);
        var run = await codex.WaitAsync(TimeSpan.FromSeconds(15), _ct);

        Assert.False(run.TimedOut, run.Describe());
        Assert.Equal(143, run.ExitCode);
        Assert.Empty(run.OfType("turn.completed"));
    }
}
