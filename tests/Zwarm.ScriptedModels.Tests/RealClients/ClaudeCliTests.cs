// The real Claude Code 2.1.330 against the scripted Messages endpoint: what zwarm's Claude adapter will see.
using Zwarm.ScriptedModels.Agents;
using Zwarm.ScriptedModels.Requests;
using Zwarm.ScriptedModels.Scripting;
using Zwarm.ScriptedModels.Tests.Support;

namespace Zwarm.ScriptedModels.Tests.RealClients;

[Trait("Category", "RealClient")]
[Collection(RealCli.Collection)]
public sealed class ClaudeCliTests : IDisposable
{
    private readonly CancellationToken _ct = TestTimeout.After(180);
    // Before the temp folder: a missing CLI fails the constructor, and nothing would dispose the folder.
    private readonly string _claude = RealCli.Require(AgentCli.ClaudeCode);
    private readonly TempDirectory _temp = new("zwarm-claude-");
    private readonly string _work;

    public ClaudeCliTests()
    {
        _work = _temp.CreateSubdirectory("work");
    }

    public void Dispose() => _temp.Dispose();

    private async Task<AgentRunResult> RunAsync(ScriptedModelServer server, string[] arguments, AgentCliEnvironment? env = null)
    {
        env ??= RealCli.ClaudeEnvironment(server, _temp.Path);
        return await AgentProcess.RunAsync(_claude, arguments, _work, env, RealCli.ProcessTimeout, _ct);
    }

    [Fact]
    public async Task Plain_reply_becomes_an_assistant_line_and_a_successful_result()
    {
        await using var server = await ScriptedModelServer.StartAsync(ModelScript.Always(Reply.ReasoningThenText("pondering", "Hello from the script")), _ct);

        var run = await RunAsync(server, RealCli.ClaudePrint("say hello"));

        Assert.True(run.ExitCode == 0, run.Describe());
        var init = run.Events[0];
        Assert.Equal("init", (string?)init["subtype"]);
        Assert.Equal(_work, (string?)init["cwd"]);
        var blocks = run.OfType("assistant").Select(e => e["message"]!["content"]![0]!).ToList();
        Assert.Equal(["thinking", "text"], blocks.Select(b => (string?)b["type"]));
        Assert.Equal("pondering", (string?)blocks[0]["thinking"]);
        var result = Assert.Single(run.OfType("result"));
        Assert.Equal("success", (string?)result["subtype"]);
        Assert.False((bool)result["is_error"]!);
        Assert.Equal("Hello from the script", (string?)result["result"]);
        Assert.Equal((string?)init["session_id"], (string?)result["session_id"]);
        Assert.Equal(101, (int)result["usage"]!["input_tokens"]!);

        var request = Assert.Single(server.Requests); // nothing but the model call: no probes, no count_tokens
        Assert.Equal(ModelApi.AnthropicMessages, request.Api);
        Assert.Equal("/v1/messages?beta=true", request.Path);
        Assert.True(request.Stream);
        Assert.True(request.HasAuthorization);
        Assert.Equal("say hello", request.LastUserText);
        Assert.Equal(_work, request.WorkingDirectory);
        Assert.True(request.AdvertisesTool("Bash"));
        Assert.True(request.AdvertisesTool("Write"));
    }

    [Fact]
    public async Task Bash_tool_call_writes_a_file_in_accept_edits_mode_and_its_output_goes_back()
    {
        var script = ModelScript.Empty
            .On(Match.PendingToolResults, r => Reply.Text("Done: " + r.PendingToolResults[0].Output))
            .Otherwise(Reply.Shell("echo hello-from-claude > out.txt && cat out.txt", preface: "Running it."));
        await using var server = await ScriptedModelServer.StartAsync(script, _ct);

        var run = await RunAsync(server, RealCli.ClaudePrint("write the file", "--permission-mode", "acceptEdits"));

        Assert.True(run.ExitCode == 0, run.Describe());
        Assert.Equal("hello-from-claude\n", File.ReadAllText(Path.Combine(_work, "out.txt")));
        var toolUse = run.OfType("assistant").Select(e => e["message"]!["content"]![0]!).Single(b => (string?)b["type"] == "tool_use");
        Assert.Equal("Bash", (string?)toolUse["name"]);
        Assert.Equal("echo hello-from-claude > out.txt && cat out.txt", (string?)toolUse["input"]!["command"]);
        var toolResult = run.OfType("user").Select(e => e["message"]!["content"]![0]!).Single();
        Assert.Equal("hello-from-claude", (string?)toolResult["content"]);
        Assert.False((bool)toolResult["is_error"]!);
        var result = Assert.Single(run.OfType("result"));
        Assert.Equal("Done: hello-from-claude", (string?)result["result"]);
        Assert.Equal(2, (int)result["num_turns"]!);
        Assert.Empty(result["permission_denials"]!.AsArray());
        // usage of an invocation sums its model calls: 101 + 102.
        Assert.Equal(203, (int)result["usage"]!["input_tokens"]!);

        Assert.Equal("hello-from-claude", Assert.Single(server.ModelCalls[1].PendingToolResults).Output);
    }

    [Fact]
    public async Task Write_tool_call_creates_the_file_in_accept_edits_mode()
    {
        var script = ModelScript.Empty
            .On(Match.PendingToolResults, r => Reply.Text("Wrote it: " + r.PendingToolResults[0].Output))
            .Otherwise(Reply.WriteFile("notes.txt", "written by claude\n"));
        await using var server = await ScriptedModelServer.StartAsync(script, _ct);

        var run = await RunAsync(server, RealCli.ClaudePrint("create notes", "--permission-mode", "acceptEdits"));

        Assert.True(run.ExitCode == 0, run.Describe());
        Assert.Equal("written by claude\n", File.ReadAllText(Path.Combine(_work, "notes.txt")));
        var toolUse = run.OfType("assistant").Select(e => e["message"]!["content"]![0]!).Single(b => (string?)b["type"] == "tool_use");
        Assert.Equal(Path.Combine(_work, "notes.txt"), (string?)toolUse["input"]!["file_path"]);
        Assert.Contains("File created successfully", Assert.Single(server.ModelCalls[1].PendingToolResults).Output);
    }

    [Fact]
    public async Task Resume_sends_the_earlier_exchange_and_keeps_the_session_id()
    {
        var script = ModelScript.Empty
            .On(Match.FollowUp, r => Reply.Text($"second answer (history has {r.EarlierPrompts.Count} prompt)"))
            .Otherwise(Reply.Text("first answer"));
        await using var server = await ScriptedModelServer.StartAsync(script, _ct);
        var env = RealCli.ClaudeEnvironment(server, _temp.Path);

        var first = await RunAsync(server, RealCli.ClaudePrint("first message"), env);
        Assert.True(first.ExitCode == 0, first.Describe());
        var sessionId = (string)first.OfType("result").Single()["session_id"]!;
        var second = await RunAsync(server, RealCli.ClaudePrint("second message", "--resume", sessionId), env);

        Assert.True(second.ExitCode == 0, second.Describe());
        var result = second.OfType("result").Single();
        Assert.Equal(sessionId, (string?)result["session_id"]);
        Assert.Equal("second answer (history has 1 prompt)", (string?)result["result"]);
        var followUp = server.ModelCalls[1];
        Assert.Equal("second message", followUp.LastUserText);
        Assert.Equal(["first message"], followUp.EarlierPrompts);
        Assert.Equal(["first answer"], followUp.EarlierAssistantTexts);
        // Unlike Codex, `usage` covers this invocation only.
        Assert.Equal(102, (int)result["usage"]!["input_tokens"]!);
    }

    [Fact]
    public async Task Unauthorized_is_reported_as_an_error_result_with_exit_code_1()
    {
        await using var server = await ScriptedModelServer.StartAsync(ModelScript.Always(Reply.Unauthorized()), _ct);

        var run = await RunAsync(server, RealCli.ClaudePrint("hi"));

        Assert.True(run.ExitCode == 1, run.Describe());
        var result = Assert.Single(run.OfType("result"));
        Assert.True((bool)result["is_error"]!);
        Assert.Equal(401, (int?)result["api_error_status"]);
        Assert.Equal("<synthetic>", (string?)run.OfType("assistant").Single()["message"]!["model"]);
        Assert.Single(server.ModelCalls); // CLAUDE_CODE_MAX_RETRIES=0: no retry
    }

    [Fact]
    public async Task Stream_cut_after_some_text_is_continued_with_a_synthetic_prompt_then_fails()
    {
        await using var server = await ScriptedModelServer.StartAsync(ModelScript.Always(Reply.CutStream(new TextPart("partial"))), _ct);

        var run = await RunAsync(server, RealCli.ClaudePrint("hi"));

        Assert.True(run.ExitCode == 1, run.Describe());
        var result = Assert.Single(run.OfType("result"));
        Assert.True((bool)result["is_error"]!);
        Assert.Contains("Connection lost mid-response", (string?)result["result"]);
        // Despite CLAUDE_CODE_MAX_RETRIES=0, Claude Code keeps the partial text and asks the model to go on, 3 times,
        // and these synthetic prompts appear as "user" lines in its stream.
        Assert.Equal(4, server.ModelCalls.Count);
        Assert.All(server.ModelCalls.Skip(1), r => Assert.StartsWith("Your response above was cut off mid-stream", r.LastUserText));
        Assert.Equal(3, run.OfType("user").Count());
    }

    [Fact]
    public async Task Stream_error_before_any_content_is_retried_once_without_streaming()
    {
        await using var server = await ScriptedModelServer.StartAsync(ModelScript.Always(Reply.StreamError("model exploded")), _ct);

        var run = await RunAsync(server, RealCli.ClaudePrint("hi"));

        Assert.True(run.ExitCode == 1, run.Describe());
        Assert.Contains("500 model exploded", (string?)Assert.Single(run.OfType("result"))["result"]);
        Assert.Equal([true, false], server.ModelCalls.Select(r => r.Stream));
    }

    [Fact]
    public async Task Stalled_model_call_leaves_claude_waiting_until_it_is_terminated()
    {
        await using var server = await ScriptedModelServer.StartAsync(ModelScript.Always(Reply.Stall()), _ct);
        var env = RealCli.ClaudeEnvironment(server, _temp.Path);
        using var claude = AgentProcess.Start(_claude, RealCli.ClaudePrint("hi"), _work, env);

        await server.WaitForRequestAsync(r => r.CallNumber == 1, _ct);
        await Task.Delay(500, _ct);
        Assert.DoesNotContain(claude.StdoutLines, l => l.Contains("\"type\":\"result\""));
        claude.Signal(AgentProcess.SigTerm);
        var run = await claude.WaitAsync(TimeSpan.FromSeconds(15), _ct);

        Assert.False(run.TimedOut, run.Describe());
        Assert.Equal(143, run.ExitCode);
        Assert.Empty(run.OfType("result"));
    }
}
