// `zwarm demo` in miniature: both real CLIs do visible work driven by the built-in demo script, then a follow-up.
using Zwarm.ScriptedModels.Agents;
using Zwarm.ScriptedModels.Demo;
using Zwarm.ScriptedModels.Tests.Support;

namespace Zwarm.ScriptedModels.Tests.RealClients;

[Trait("Category", "RealClient")]
[Collection(RealCli.Collection)]
public sealed class DemoScriptRealClientTests : IDisposable
{
    private const string Task = "Please run `echo demo-ok > demo.txt && cat demo.txt` and tell me what it printed.";

    private readonly CancellationToken _ct = TestTimeout.After(180);
    private readonly TempDirectory _temp = new("zwarm-demo-");
    private readonly string _work;

    public DemoScriptRealClientTests()
    {
        _work = _temp.CreateSubdirectory("work");
    }

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Codex_runs_the_command_summarizes_it_and_answers_a_follow_up()
    {
        var codex = RealCli.Require(AgentCli.Codex);
        await using var server = await ScriptedModelServer.StartAsync(DemoScript.Create(), _ct);
        var env = RealCli.CodexEnvironment(server, _temp.Path);

        var first = await AgentProcess.RunAsync(codex, RealCli.CodexExec(Task, "-s", "workspace-write"), _work, env, RealCli.ProcessTimeout, _ct);
        Assert.True(first.ExitCode == 0, first.Describe());
        var threadId = (string)first.OfType("thread.started").Single()["thread_id"]!;
        var second = await AgentProcess.RunAsync(codex, RealCli.CodexResume(threadId, "Thanks! What did I ask before?"), _work, env, RealCli.ProcessTimeout, _ct);

        Assert.Equal("demo-ok\n", File.ReadAllText(Path.Combine(_work, "demo.txt")));
        var items = first.OfType("item.completed").Select(e => e["item"]!).ToList();
        Assert.Equal(["reasoning", "agent_message", "command_execution", "agent_message"], items.Select(i => (string?)i["type"]));
        Assert.Equal("I ran `echo demo-ok > demo.txt && cat demo.txt`. It printed:\n\n```\ndemo-ok\n```\n\nExit code 0 (success).",
            (string?)items[^1]["text"]);
        Assert.True(second.ExitCode == 0, second.Describe());
        var followUp = (string?)second.OfType("item.completed").Single()["item"]!["text"];
        Assert.Contains("Got it: \"Thanks! What did I ask before?\"", followUp);
        Assert.Contains("earlier you asked: \"Please run `echo demo-ok", followUp);
    }

    [Fact]
    public async Task Claude_runs_the_command_summarizes_it_and_answers_a_follow_up()
    {
        var claude = RealCli.Require(AgentCli.ClaudeCode);
        await using var server = await ScriptedModelServer.StartAsync(DemoScript.Create(), _ct);
        var env = RealCli.ClaudeEnvironment(server, _temp.Path);

        var first = await AgentProcess.RunAsync(claude, RealCli.ClaudePrint(Task, "--permission-mode", "acceptEdits"), _work, env, RealCli.ProcessTimeout, _ct);
        Assert.True(first.ExitCode == 0, first.Describe());
        var sessionId = (string)first.OfType("result").Single()["session_id"]!;
        var second = await AgentProcess.RunAsync(claude, RealCli.ClaudePrint("Thanks! What did I ask before?", "--resume", sessionId), _work, env, RealCli.ProcessTimeout, _ct);

        Assert.Equal("demo-ok\n", File.ReadAllText(Path.Combine(_work, "demo.txt")));
        var blocks = first.OfType("assistant").Select(e => (string?)e["message"]!["content"]![0]!["type"]).ToList();
        Assert.Equal(["thinking", "text", "tool_use", "text"], blocks);
        Assert.Equal("I ran `echo demo-ok > demo.txt && cat demo.txt`. It printed:\n\n```\ndemo-ok\n```",
            (string?)first.OfType("result").Single()["result"]);
        Assert.True(second.ExitCode == 0, second.Describe());
        var followUp = (string?)second.OfType("result").Single()["result"];
        Assert.Contains("Got it: \"Thanks! What did I ask before?\"", followUp);
        Assert.Contains("earlier you asked: \"Please run `echo demo-ok", followUp);
    }
}
