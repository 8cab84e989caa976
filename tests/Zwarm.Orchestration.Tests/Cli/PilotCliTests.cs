// `zwarm pilot` as a script drives it (in-process, piped stdin, through the real command line parser): a conversation
// that delegates to the fake agent and reports, rewinds with :goto, and continues after a restart with --resume;
// plus bad input, a failing endpoint and a missing key.
using System.Text.Json;
using Zwarm.Cli.Infrastructure;
using Zwarm.Orchestration.Tests.Support;
using Zwarm.ScriptedModels;
using Zwarm.ScriptedModels.Scripting;

namespace Zwarm.Orchestration.Tests.Cli;

public sealed class PilotCliTests() : CliTestBase("zwarm-pilot-cli-")
{
    private static string Lines(params string[] lines) => string.Join('\n', lines) + "\n";

    [Fact]
    public async Task A_conversation_delegates_reports_rewinds_with_goto_and_resumes_after_a_restart()
    {
        var script = new OrchestratorScript { AfterLast = Reply.Text("(script finished)") }
            .Call("delegate", """{"task":"write it @write=hello.txt"}""")
            .Call("wait_for_sessions", """{"timeout_seconds":60}""")
            .Then(Reply.Text("hello.txt is written."))
            .Then(Reply.Text("Nothing else is running."))
            .Then(Reply.ReasoningThenText("pondering the rewind", "Answer after the rewind."))
            .Then(Reply.ReasoningThenText("secret thoughts", "Got both lines."))
            .Then(Reply.Text("Welcome back."));
        await using var server = await ScriptedModelServer.StartAsync(script.ToModelScript(), Ct);
        Configure(server);

        var first = await RunAsync(Lines(
            "please write hello.txt",
            "anything else running?",
            ":goto T1",
            "a different question",
            ":history all",
            ":status",
            ":sessions",
            ":reasoning off",
            "\"\"\"",
            "first line",
            "second line",
            "\"\"\"",
            ":quit",
            "never sent"), "pilot", "--instance", "talk");

        Assert.True(first.Code == 0, first.Err);
        Assert.DoesNotContain("zwarm: ", first.Err);
        var o = first.Out;
        Assert.Contains("pilot talk · new conversation", o);
        Assert.Contains("you: please write hello.txt\n  → delegate", o);
        Assert.Contains("you: first line\nsecond line\n", o);
        Assert.Contains("→ delegate task=write it @write=hello.txt", o);
        Assert.Contains("✓ started codex session", o);
        Assert.Contains("pilot: hello.txt is written.", o);
        Assert.Contains("── T1 sessions: 0 running · 1 completed · 0 failed/killed", o);
        Assert.Contains("⟲ T2 → T1: 2 messages set aside", o);
        Assert.Contains("(1 later checkpoint discarded)", o);
        Assert.Contains("thinking: pondering the rewind", o);
        Assert.DoesNotContain("secret thoughts", o);
        Assert.Contains("pilot: Got both lines.", o);
        Assert.Contains("── T3", o);
        // :history all after the rewind: turn 1 and the new turn 2, never the rewound one.
        Assert.Contains("T1   you: please write hello.txt", o);
        Assert.Contains("T2   you: a different question", o);
        Assert.DoesNotContain("T2   you: anything else running?", o);
        Assert.Contains("checkpoint  T2 of T2", o);           // :status
        Assert.Contains("context", o);
        Assert.Contains("write it @write=hello.txt", o);      // :sessions table
        Assert.Contains("continue with: zwarm pilot --resume --instance talk", first.Err);
        Assert.True(File.Exists(Path.Combine(WorkDir, "hello.txt")));
        Assert.Equal(6, script.Requests.Count);               // "never sent" was after :quit
        var afterRewind = script.Requests[4].Messages.Select(m => m.Text).ToList();
        Assert.Contains("hello.txt is written.", afterRewind);
        Assert.DoesNotContain("anything else running?", afterRewind);
        Assert.Equal("first line\nsecond line", script.Requests[5].Messages[^1].Text);

        var instances = await RunAsync(null, "instances", "--json");
        var status = await RunAsync(null, "status", "--instance", "talk", "--json");
        var history = await RunAsync(null, "history", "--instance", "talk", "--kind", "user_message,rewind");
        using (var list = JsonDocument.Parse(instances.Out))
        {
            var instance = Assert.Single(list.RootElement.EnumerateArray());
            Assert.Equal(("pilot", "paused"), (instance.GetProperty("kind").GetString(), instance.GetProperty("status").GetString()));
            Assert.Equal("please write hello.txt", instance.GetProperty("task").GetString());
        }
        using (var state = JsonDocument.Parse(status.Out))
        {
            var session = Assert.Single(state.RootElement.GetProperty("sessions").EnumerateArray());
            Assert.Equal("pilot:talk", session.GetProperty("source").GetString());
        }
        Assert.Contains("T2 you: anything else running?", history.Out);
        Assert.Contains("T2 -> T1", history.Out);

        var resumed = await RunAsync(Lines("how about now?"), "pilot", "--resume", "--instance", "ta");

        Assert.True(resumed.Code == 0, resumed.Err);
        Assert.Contains("pilot talk · resumed at T3 of T3", resumed.Out);
        Assert.Contains("pilot: Welcome back.", resumed.Out);
        Assert.Contains("── T4", resumed.Out);
        var again = script.Requests[6].Messages.Select(m => m.Text).ToList();
        Assert.Equal(["please write hello.txt", "a different question", "first line\nsecond line", "how about now?"],
            script.Requests[6].Messages.Where(m => m.IsPrompt).Select(m => m.Text));
        Assert.Contains("Got both lines.", again);
        Assert.DoesNotContain("anything else running?", again);
    }

    [Fact]
    public async Task Bad_input_is_one_line_each_and_the_conversation_goes_on()
    {
        var script = new OrchestratorScript { AfterLast = Reply.Text("still here") };
        await using var server = await ScriptedModelServer.StartAsync(script.ToModelScript(), Ct);
        Configure(server);

        var result = await RunAsync(Lines(":goto T9", ":frobnicate", ":goto", ":history lots", ":reasoning maybe", "hello",
            "\"\"\"", ":a message, not a command", "\"\"\""), "pilot");

        Assert.Equal(0, result.Code);
        var errors = result.Err.Split('\n').Where(l => l.StartsWith("zwarm: ", StringComparison.Ordinal)).ToList();
        Assert.Equal(5, errors.Count);
        Assert.Equal("zwarm: no checkpoint T9 (there are: T0)", errors[0]);
        Assert.StartsWith("zwarm: unknown command ':frobnicate'; commands: :goto, :status, :history", errors[1]);
        Assert.Contains(":goto takes a checkpoint", errors[2]);
        Assert.Contains("pilot: still here", result.Out);
        Assert.Equal(2, script.Requests.Count);
        Assert.Equal(":a message, not a command", script.Requests[1].Messages[^1].Text);
    }

    [Fact]
    public async Task A_first_message_argument_runs_first_and_a_failing_endpoint_keeps_the_repl_alive()
    {
        var script = new OrchestratorScript { AfterLast = Reply.Text("recovered") }.Then(Reply.ServerError("boom"));
        await using var server = await ScriptedModelServer.StartAsync(script.ToModelScript(), Ct);
        Configure(server);

        var result = await RunAsync(Lines("try again", ":status"), "pilot", "hello from the command line");

        Assert.Equal(0, result.Code);
        var line = Assert.Single(result.Err.Split('\n'), l => l.StartsWith("zwarm: ", StringComparison.Ordinal));
        Assert.Contains("HTTP 500", line);
        Assert.Contains("boom", line);
        Assert.DoesNotContain("   at ", result.Err);
        Assert.Equal("hello from the command line", script.Requests[0].Messages[^1].Text);
        Assert.Equal(["try again"], script.Requests[1].Messages.Where(m => m.IsPrompt).Select(m => m.Text));
        Assert.Contains("pilot: recovered", result.Out);
    }

    [Fact]
    public async Task A_script_whose_last_turn_failed_exits_10_and_a_missing_key_exits_8()
    {
        await using var server = await ScriptedModelServer.StartAsync(ModelScript.Always(Reply.ServerError("down")), Ct);
        Configure(server);

        var failed = await RunAsync(Lines("hello"), "pilot");
        Environment.Remove("OPENAI_API_KEY");
        var noKey = await RunAsync(Lines("hello"), "--set", "orchestrator.base_url=\"\"", "pilot");
        var unknown = await RunAsync(null, "pilot", "--resume", "--instance", "nope");
        var mistyped = await RunAsync(null, "pilot", "--resum");

        Assert.Equal(ExitCodes.External, failed.Code);
        Assert.Equal(ExitCodes.Usage, mistyped.Code);
        Assert.Contains("unknown option '--resum'", mistyped.Err);
        Assert.Equal(ExitCodes.ConfigError, noKey.Code);
        Assert.Equal("zwarm: OPENAI_API_KEY is not set", noKey.Err.Split(':')[0] + ":" + noKey.Err.Split(':')[1]);
        Assert.Single(noKey.Err.Trim().Split('\n'));
        Assert.Equal(ExitCodes.NotFound, unknown.Code);
        Assert.Single(server.ModelCalls);
    }
}
