// The orchestrator delegating to a non-Codex agent for real: the scripted server plays the orchestrator's LLM (Responses
// API, requests that offer `delegate`) and the Gemini API model behind a real Gemini CLI session (requests that offer
// `run_shell_command`). The orchestrator delegates with adapter "gemini" and the sandbox whose approval mode offers a
// shell, waits, converses once (Gemini's --resume), checks, ends the session and exits.
using Zwarm.Core.Sessions;
using Zwarm.Orchestration.Instances;
using Zwarm.Orchestration.Loop;
using Zwarm.Orchestration.Tests.Support;
using Zwarm.ScriptedModels;
using Zwarm.ScriptedModels.Agents;
using Zwarm.ScriptedModels.Requests;
using Zwarm.ScriptedModels.Scripting;

namespace Zwarm.Orchestration.Tests.RealClients;

[Trait("Category", "RealClient")]
public sealed class RealGeminiRunTests
{
    /// <summary>The Gemini side: run the shell command the prompt names in backticks, then report its output.</summary>
    private static ScriptedReply Gemini(ModelRequest request)
    {
        if (request.PendingToolResults.Count > 0)
        {
            return Reply.Text("Done. Output: " + request.PendingToolResults[^1].Output.Trim());
        }
        var prompt = request.LastUserText;
        var start = prompt.IndexOf('`');
        var end = start >= 0 ? prompt.IndexOf('`', start + 1) : -1;
        return end > start ? Reply.Shell(prompt[(start + 1)..end], preface: "Running it.") : Reply.Text("Nothing to run.");
    }

    [Fact]
    public async Task Orchestrator_delegates_to_a_real_gemini_session_converses_and_finishes()
    {
        var ct = TestTimeout.After(300);
        var gemini = AgentBinaries.TryLocate(AgentCli.Gemini);
        Assert.True(gemini is not null, $"The real gemini CLI is not installed: run {AgentBinaries.InstallScript}. RealClient tests never pass without it.");

        string Id(ModelRequest r) => OrchestratorScript.Json(OrchestratorScript.SessionIds(r)[0]);
        var script = new OrchestratorScript()
            .Call("delegate", """{"task":"Create gamma.txt. Run exactly: `echo gamma > gamma.txt`","adapter":"gemini","sandbox":"danger-full-access"}""")
            .Call("wait_for_sessions", """{"mode":"all","timeout_seconds":120}""")
            .Then(r => Reply.ToolCall("converse", $$"""{"session_id":{{Id(r)}},"message":"Append a line. Run exactly: `echo 'gamma, again' >> gamma.txt`"}"""))
            .Call("wait_for_sessions", """{"timeout_seconds":120}""")
            .Then(r => Reply.ToolCall("check_session", $$"""{"id":{{Id(r)}}}"""))
            .Then(r => Reply.ToolCall("end_session", $$"""{"id":{{Id(r)}},"reason":"verified"}"""))
            .Call("exit", """{"summary":"gamma.txt written by Gemini CLI and extended once."}""");
        await using var server = await ScriptedModelServer.StartAsync(
            script.ToModelScript(r => r.AdvertisesTool("run_shell_command") ? Gemini(r) : Reply.Text("unexpected request")), ct);

        using var temp = new TempDirectory("zwarm-orch-gemini-");
        var env = AgentCliEnvironment.ForGemini(server.BaseUrl, temp.Path, new GeminiEnvironmentOptions { Model = "gemini-2.5-flash" });
        using var world = new OrchestrationWorld($"[adapters.gemini]\nexecutable = \"{gemini}\"", env.Variables);

        var result = await world.Orchestrator(server).RunAsync(new OrchestratorRequest { Task = "Write gamma.txt" }, ct);

        Assert.True(result.Status == InstanceStatus.Completed, $"{result.Status}: {result.Reason}");
        Assert.Equal("gamma\ngamma, again\n", File.ReadAllText(Path.Combine(world.WorkDir, "gamma.txt")));
        var session = Assert.Single(result.Sessions);
        Assert.Equal("gemini", session.Adapter);
        Assert.Equal(InstanceIds.Source(result.InstanceId), session.Source);
        Assert.Equal(SessionStatus.Completed, session.Status);
        Assert.Equal(2, session.Turns);
        Assert.True(session.InputTokens > 0, "usage was recorded");

        // Gemini CLI really ran both turns against the same server, and the second resumed the first conversation.
        var agentCalls = server.ModelCalls.Where(r => r.AdvertisesTool("run_shell_command")).ToList();
        Assert.Equal(4, agentCalls.Count);
        var resumed = agentCalls.First(r => r.LastUserText.Contains("gamma, again"));
        Assert.Contains(resumed.EarlierPrompts, p => p.Contains("gamma.txt"));

        var events = world.Store.ReadEvents(result.InstanceId).ToList();
        var story = events.Where(e => e.Kind == EventKinds.ToolCall).Select(e => e.Data.GetProperty("name").GetString()).ToList();
        Assert.Equal(["delegate", "wait_for_sessions", "converse", "wait_for_sessions", "check_session", "end_session", "exit"], story);
        Assert.All(events.Where(e => e.Kind == EventKinds.ToolResult), e => Assert.False(e.Data.GetProperty("is_error").GetBoolean(), e.Data.GetRawText()));
        var check = Assert.Single(events, e => e.Kind == EventKinds.ToolResult && e.Data.GetProperty("name").GetString() == "check_session");
        Assert.Contains("Done. Output:", check.Data.GetProperty("result").GetString());
    }
}
