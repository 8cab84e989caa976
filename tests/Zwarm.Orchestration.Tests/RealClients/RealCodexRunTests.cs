// The whole thing for real: the scripted server plays BOTH the orchestrator's LLM (Responses API, requests that offer
// `delegate`) and the model behind two real Codex CLI sessions (requests that offer `exec_command`). The orchestrator
// delegates two sub-tasks, waits, checks, converses once with a correction, ends the sessions and exits; the files
// exist and events.jsonl tells the story.
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
public sealed class RealCodexRunTests
{
    /// <summary>The Codex side: run the shell command the prompt names in backticks, then report its output.</summary>
    private static ScriptedReply Codex(ModelRequest request)
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
    public async Task Orchestrator_delegates_to_two_real_codex_sessions_checks_corrects_and_finishes()
    {
        var ct = TestTimeout.After(300);
        var codex = AgentBinaries.TryLocate(AgentCli.Codex);
        Assert.True(codex is not null, $"The real codex CLI is not installed: run {AgentBinaries.InstallScript}. RealClient tests never pass without it.");

        string Id(ModelRequest r, int i) => OrchestratorScript.Json(OrchestratorScript.SessionIds(r)[i]);
        var script = new OrchestratorScript()
            .Then(Reply.Parts(
                new TextPart("Two independent files: I will delegate both."),
                new ToolCallPart("delegate", """{"task":"Create alpha.txt containing 'alpha'. Run exactly: `echo alpha > alpha.txt`"}"""),
                new ToolCallPart("delegate", """{"task":"Create beta.txt containing 'beta'. Run exactly: `echo beta > beta.txt`"}""")))
            .Call("wait_for_sessions", """{"mode":"all","timeout_seconds":120}""")
            .Then(r => Reply.Parts(
                new ToolCallPart("check_session", $$"""{"id":{{Id(r, 0)}}}"""),
                new ToolCallPart("check_session", $$"""{"id":{{Id(r, 1)}}}""")))
            .Call("bash", """{"command":"cat alpha.txt beta.txt"}""")
            .Then(r => Reply.ToolCall("converse", $$"""{"session_id":{{Id(r, 1)}},"message":"beta.txt must also say 'beta, corrected'. Run exactly: `echo 'beta, corrected' >> beta.txt`"}"""))
            .Call("wait_for_sessions", """{"timeout_seconds":120}""")
            .Then(r => Reply.ToolCall("check_session", $$"""{"id":{{Id(r, 1)}}}"""))
            .Then(r => Reply.Parts(
                new ToolCallPart("end_session", $$"""{"id":{{Id(r, 0)}},"reason":"verified"}"""),
                new ToolCallPart("end_session", $$"""{"id":{{Id(r, 1)}},"reason":"verified"}""")))
            .Call("exit", """{"summary":"alpha.txt and beta.txt written and verified; beta corrected once."}""");
        await using var server = await ScriptedModelServer.StartAsync(
            script.ToModelScript(r => r.AdvertisesTool("exec_command") ? Codex(r) : Reply.Text("unexpected request")), ct);

        using var temp = new TempDirectory("zwarm-orch-real-");
        var env = AgentCliEnvironment.ForCodex(server.BaseUrl, temp.Path);
        using var world = new OrchestrationWorld(env: env.Variables, codexExecutable: codex);

        var result = await world.Orchestrator(server).RunAsync(new OrchestratorRequest { Task = "Write alpha.txt and beta.txt" }, ct);

        Assert.True(result.Status == InstanceStatus.Completed, $"{result.Status}: {result.Reason}");
        Assert.Equal("alpha\n", File.ReadAllText(Path.Combine(world.WorkDir, "alpha.txt")));
        Assert.Equal("beta\nbeta, corrected\n", File.ReadAllText(Path.Combine(world.WorkDir, "beta.txt")));
        Assert.Equal(2, result.Sessions.Count);
        Assert.All(result.Sessions, s =>
        {
            Assert.Equal("codex", s.Adapter);
            Assert.Equal(InstanceIds.Source(result.InstanceId), s.Source);
            Assert.Equal(SessionStatus.Completed, s.Status);
            Assert.True(s.InputTokens > 0, "usage was recorded");
        });
        Assert.Equal([1, 2], result.Sessions.Select(s => s.Turns).Order());

        // Codex really ran: its model calls came to the same server.
        Assert.True(server.ModelCalls.Count(r => r.AdvertisesTool("exec_command")) >= 6);
        // The correction reached the resumed Codex thread with its earlier history.
        var resumed = server.ModelCalls.First(r => r.AdvertisesTool("exec_command") && r.LastUserText.Contains("corrected"));
        Assert.Contains(resumed.EarlierPrompts, p => p.Contains("beta.txt"));

        var events = world.Store.ReadEvents(result.InstanceId).ToList();
        var story = events.Where(e => e.Kind == EventKinds.ToolCall).Select(e => e.Data.GetProperty("name").GetString()).ToList();
        Assert.Equal(["delegate", "delegate", "wait_for_sessions", "check_session", "check_session", "bash", "converse",
            "wait_for_sessions", "check_session", "end_session", "end_session", "exit"], story);
        Assert.All(events.Where(e => e.Kind == EventKinds.ToolResult), e => Assert.False(e.Data.GetProperty("is_error").GetBoolean(), e.Data.GetRawText()));
        var checks = events.Where(e => e.Kind == EventKinds.ToolResult && e.Data.GetProperty("name").GetString() == "check_session").ToList();
        Assert.Contains("Done. Output:", checks[0].Data.GetProperty("result").GetString());
        Assert.Equal("completed", events[^1].Data.GetProperty("status").GetString());
    }
}
