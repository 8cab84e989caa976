// The real Qwen Code 0.24.4 against the scripted Chat Completions endpoint: what zwarm's Qwen adapter will see.
using System.Text.Json.Nodes;
using Zwarm.ScriptedModels.Agents;
using Zwarm.ScriptedModels.Requests;
using Zwarm.ScriptedModels.Scripting;
using Zwarm.ScriptedModels.Tests.Support;

namespace Zwarm.ScriptedModels.Tests.RealClients;

[Trait("Category", "RealClient")]
[Collection(RealCli.SecondCollection)]
public sealed class QwenCliTests : IDisposable
{
    private readonly CancellationToken _ct = TestTimeout.After(240);
    // Before the temp folder: a missing CLI fails the constructor, and nothing would dispose the folder.
    private readonly string _qwen = RealCli.Require(AgentCli.QwenCode);
    private readonly TempDirectory _temp = new("zwarm-qwen-");
    private readonly string _work;

    public QwenCliTests()
    {
        _work = _temp.CreateSubdirectory("work");
    }

    public void Dispose() => _temp.Dispose();

    private async Task<AgentRunResult> RunAsync(string[] arguments, AgentCliEnvironment env) =>
        await AgentProcess.RunAsync(_qwen, arguments, _work, env, RealCli.ProcessTimeout, _ct);

    [Fact]
    public async Task Shell_call_in_auto_edit_with_the_shell_allowed_writes_the_file_and_reports_usage_per_call()
    {
        var script = ModelScript.Empty
            .On(Match.PendingToolResults, Reply.Text("Done."))
            .Otherwise(Reply.Shell("echo hello-from-qwen > out.txt && cat out.txt", preface: "Running it."));
        await using var server = await ScriptedModelServer.StartAsync(script, _ct);
        var sessionId = Guid.NewGuid().ToString();

        var run = await RunAsync(RealCli.QwenPrompt("write the file", "--session-id", sessionId, "--approval-mode", "auto-edit",
            "--allowed-tools=run_shell_command"), RealCli.QwenEnvironment(server, _temp.Path));

        Assert.True(run.ExitCode == 0, run.Describe());
        Assert.Equal("hello-from-qwen\n", File.ReadAllText(Path.Combine(_work, "out.txt")));
        var init = run.OfType("system").First();
        Assert.Equal(sessionId, (string?)init["session_id"]);
        Assert.Equal("qwen3-coder-plus", (string?)init["model"]);
        Assert.Equal(_work, (string?)init["cwd"]);
        // The reply's text and its tool call are two assistant lines; only the last carries the call's usage.
        var usages = run.OfType("assistant").Select(e => (int)e["message"]!["usage"]!["input_tokens"]!).ToList();
        Assert.Equal([0, 101, 102], usages);
        // The stream's tool_result is the bare output in some runs and the model's full report in others (seen both
        // with the same command); zwarm's parser reads either. On a loaded machine Qwen Code 0.24.4 also reports a
        // command that ran (the file above is written) with "Output: (empty)": its capture lost the output (seen in
        // CI), which is the CLI's doing, not the server's.
        var toolResult = (string?)run.OfType("user").Select(e => e["message"]!["content"]![0]!).Single()["content"];
        Assert.True(toolResult is "hello-from-qwen" || toolResult!.StartsWith("Command: echo hello-from-qwen", StringComparison.Ordinal)
            && (toolResult.Contains("\nOutput: hello-from-qwen\n", StringComparison.Ordinal)
                || toolResult.Contains("\nOutput: (empty)\n", StringComparison.Ordinal)), toolResult);
        var result = Assert.Single(run.OfType("result"));
        Assert.Equal("Done.", (string?)result["result"]);
        Assert.Equal(203, (int)result["usage"]!["input_tokens"]!);

        // Nothing but the two model calls: no probes, no background requests.
        Assert.Equal(2, server.Requests.Count);
        var first = server.ModelCalls[0];
        Assert.Equal(ModelApi.OpenAIChatCompletions, first.Api);
        Assert.Equal("/v1/chat/completions", first.Path);
        Assert.Equal("qwen3-coder-plus", first.Model);
        Assert.True(first.Stream);
        Assert.Equal("write the file", first.LastUserText);
        Assert.True(first.AdvertisesTool("run_shell_command"));
        Assert.True(first.AdvertisesTool("write_file"));
        // The model gets a fuller report than the stream's tool_result (which holds only the output).
        var sent = Assert.Single(server.ModelCalls[1].PendingToolResults).Output;
        Assert.StartsWith("Command: echo hello-from-qwen", sent);
        Assert.True(sent.Contains("Output: hello-from-qwen", StringComparison.Ordinal)
            || sent.Contains("Output: (empty)", StringComparison.Ordinal), sent);
    }

    [Fact]
    public async Task WriteFile_reply_is_qwens_write_file_with_the_path_in_the_announced_working_directory()
    {
        var script = ModelScript.Empty
            .On(Match.PendingToolResults, Reply.Text("Written."))
            .Otherwise(Reply.WriteFile("notes.txt", "from the script\n"));
        await using var server = await ScriptedModelServer.StartAsync(script, _ct);

        var run = await RunAsync(RealCli.QwenPrompt("write notes", "--approval-mode", "auto-edit"), RealCli.QwenEnvironment(server, _temp.Path));

        Assert.True(run.ExitCode == 0, run.Describe());
        Assert.Equal(_work, server.ModelCalls[0].WorkingDirectory);
        Assert.Equal("from the script\n", File.ReadAllText(Path.Combine(_work, "notes.txt")));
        var call = Assert.Single(server.ModelCalls[1].ToolCalls);
        Assert.Equal("write_file", call.Name);
        Assert.Contains(Path.Combine(_work, "notes.txt"), call.Arguments);
    }

    [Fact]
    public async Task Default_approval_mode_offers_no_shell_or_write_tools()
    {
        await using var server = await ScriptedModelServer.StartAsync(ModelScript.Always(Reply.Text("read only")), _ct);

        var run = await RunAsync(RealCli.QwenPrompt("look around", "--approval-mode", "default"), RealCli.QwenEnvironment(server, _temp.Path));

        Assert.True(run.ExitCode == 0, run.Describe());
        var call = Assert.Single(server.ModelCalls);
        Assert.True(call.AdvertisesTool("read_file"));
        Assert.False(call.AdvertisesTool("run_shell_command"));
        Assert.False(call.AdvertisesTool("write_file"));
        Assert.False(call.AdvertisesTool("edit"));
    }

    [Fact]
    public async Task Resume_sends_the_history_and_its_result_usage_is_cumulative_while_the_assistant_usage_is_per_call()
    {
        var script = ModelScript.Sequence(Reply.Text("first answer"), Reply.Text("second answer"));
        await using var server = await ScriptedModelServer.StartAsync(script, _ct);
        var env = RealCli.QwenEnvironment(server, _temp.Path);
        // The memory subagents on (Qwen's default): their calls must not take "second answer".
        File.WriteAllText(Path.Combine(env.ConfigDirectory, "settings.json"),
            AgentCliEnvironment.QwenSettings.Replace("\"enableManagedAutoMemory\": false", "\"enableManagedAutoMemory\": true", StringComparison.Ordinal));
        var sessionId = Guid.NewGuid().ToString();

        var first = await RunAsync(RealCli.QwenPrompt("first message", "--session-id", sessionId, "--approval-mode", "auto-edit"), env);
        Assert.True(first.ExitCode == 0, first.Describe());
        var second = await RunAsync(RealCli.QwenPrompt("second message", "--resume", sessionId, "--approval-mode", "auto-edit"), env);

        Assert.True(second.ExitCode == 0, second.Describe());
        var result = second.OfType("result").Single();
        Assert.Equal(sessionId, (string?)result["session_id"]);
        Assert.Equal("second answer", (string?)result["result"]);
        var followUp = server.ModelCalls[1];
        Assert.Equal("second message", followUp.LastUserText);
        Assert.Equal(["first message"], followUp.EarlierPrompts);
        Assert.Equal(["first answer"], followUp.EarlierAssistantTexts);
        Assert.Equal(2, server.ModelCalls.Count);
        Assert.Contains(server.Requests, r => r.MatchedRule == "side request: qwen managed memory");
        Assert.Equal(102, (int)second.OfType("assistant").Single()["message"]!["usage"]!["input_tokens"]!);
        // result.usage covers the whole session: turn 1's call too (side requests report zero usage).
        Assert.Equal(101 + 102, (int)result["usage"]!["input_tokens"]!);
    }

    [Fact]
    public async Task Unauthorized_is_an_api_error_text_and_an_error_result_with_exit_code_1()
    {
        await using var server = await ScriptedModelServer.StartAsync(ModelScript.Always(Reply.Unauthorized("bad key for qwen")), _ct);

        var run = await RunAsync(RealCli.QwenPrompt("hi", "--approval-mode", "auto-edit"), RealCli.QwenEnvironment(server, _temp.Path));

        Assert.Equal(1, run.ExitCode);
        var text = (string?)run.OfType("assistant").Single()["message"]!["content"]![0]!["text"];
        Assert.StartsWith("[API Error: 401", text);
        Assert.Contains("bad key for qwen", text);
        var result = run.OfType("result").Single();
        Assert.Equal("error_during_execution", (string?)result["subtype"]);
        Assert.True((bool)result["is_error"]!);
        Assert.Equal(text, (string?)result["error"]!["message"]);
        Assert.Single(server.ModelCalls); // no retry
    }
}
