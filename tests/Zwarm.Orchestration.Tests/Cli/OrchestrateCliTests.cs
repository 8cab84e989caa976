// The commands as a user runs them (in-process, through the real command line parser): orchestrate with a task from
// a flag, a file or stdin; its exit codes; --resume; and instances / status / history reading what it left.
using System.Text.Json;
using Zwarm.Cli.Infrastructure;
using Zwarm.Orchestration.Tests.Support;
using Zwarm.ScriptedModels;
using Zwarm.ScriptedModels.Scripting;

namespace Zwarm.Orchestration.Tests.Cli;

public sealed class OrchestrateCliTests() : CliTestBase("zwarm-orch-cli-")
{
    [Fact]
    public async Task Orchestrate_with_a_task_runs_to_exit_and_prints_a_json_summary()
    {
        var script = new OrchestratorScript()
            .Call("delegate", """{"task":"write it @write=done.txt"}""")
            .Call("wait_for_sessions", """{"timeout_seconds":60}""")
            .Call("exit", """{"summary":"done.txt written"}""");
        await using var server = await ScriptedModelServer.StartAsync(script.ToModelScript(), Ct);
        Configure(server);

        var (code, stdout, stderr) = await RunAsync(null, "orchestrate", "--task", "write done.txt", "--json");

        Assert.True(code == 0, stderr);
        using var json = JsonDocument.Parse(stdout);
        Assert.Equal("completed", json.RootElement.GetProperty("status").GetString());
        Assert.Equal("done.txt written", json.RootElement.GetProperty("summary").GetString());
        Assert.Equal(3, json.RootElement.GetProperty("run_steps").GetInt32());
        Assert.Equal(1, json.RootElement.GetProperty("sessions").GetArrayLength());
        Assert.True(File.Exists(Path.Combine(WorkDir, "done.txt")));
        // Progress went to stderr: steps, tool calls with short results.
        Assert.Contains("step 1", stderr);
        Assert.Contains("→ delegate", stderr);
        Assert.Contains("started codex session", stderr);
        Assert.Contains("exit: done.txt written", stderr);
    }

    [Fact]
    public async Task The_task_can_come_from_stdin_or_a_file_and_without_one_it_is_a_usage_error()
    {
        var script = new OrchestratorScript().Call("exit", """{"summary":"one"}""").Call("exit", """{"summary":"two"}""");
        await using var server = await ScriptedModelServer.StartAsync(script.ToModelScript(), Ct);
        Configure(server);
        var file = Dir.Combine("task.md");
        File.WriteAllText(file, "task from a file");

        var piped = await RunAsync("task from stdin\n", "orchestrate");
        var fromFile = await RunAsync(null, "orchestrate", "--task-file", file);
        var none = await RunAsync("", "orchestrate");
        var both = await RunAsync(null, "orchestrate", "--task", "x", "--task-file", file);

        Assert.True(piped.Code == 0, piped.Err);
        Assert.Equal("task from stdin", script.Requests[0].Messages[1].Text);
        Assert.True(fromFile.Code == 0, fromFile.Err);
        Assert.Equal("task from a file", script.Requests[1].Messages[1].Text);
        Assert.Equal(ExitCodes.Usage, none.Code);
        Assert.Contains("no task", none.Err);
        Assert.Equal(ExitCodes.Usage, both.Code);
        Assert.Equal(2, script.Requests.Count);
    }

    [Fact]
    public async Task Step_limit_exits_11_resume_finishes_and_instances_status_history_read_the_instance()
    {
        var script = new OrchestratorScript()
            .Call("delegate", """{"task":"first @write=one.txt"}""")
            .Call("wait_for_sessions", """{"timeout_seconds":60}""")
            .Call("exit", """{"summary":"finished after resume"}""");
        await using var server = await ScriptedModelServer.StartAsync(script.ToModelScript(), Ct);
        Configure(server);

        var first = await RunAsync(null, "orchestrate", "--task", "two steps", "--max-steps", "1", "--json", "--instance", "demo-run");
        var resumed = await RunAsync(null, "orchestrate", "--resume", "--instance", "demo", "--json");
        var instances = await RunAsync(null, "instances", "--json");
        var status = await RunAsync(null, "status", "--json");
        var history = await RunAsync(null, "history", "--instance", "demo-run", "--kind", "tool_call,exit", "--json");
        var limited = await RunAsync(null, "history", "--limit", "2");
        var badKind = await RunAsync(null, "history", "--kind", "nonsense");

        Assert.Equal(ExitCodes.StepLimit, first.Code);
        Assert.Contains("\"status\": \"step_limit\"", first.Out);
        Assert.True(resumed.Code == 0, resumed.Err);
        Assert.Contains("\"summary\": \"finished after resume\"", resumed.Out);
        Assert.Contains("resuming demo-run", resumed.Err);

        using var list = JsonDocument.Parse(instances.Out);
        var instance = Assert.Single(list.RootElement.EnumerateArray());
        Assert.Equal("demo-run", instance.GetProperty("id").GetString());
        Assert.Equal("completed", instance.GetProperty("status").GetString());
        Assert.Equal(3, instance.GetProperty("steps").GetInt32());
        Assert.Equal(2, instance.GetProperty("runs").GetInt32());

        using var state = JsonDocument.Parse(status.Out);
        var session = Assert.Single(state.RootElement.GetProperty("sessions").EnumerateArray());
        Assert.Equal("orchestrator:demo-run", session.GetProperty("source").GetString());

        using var events = JsonDocument.Parse(history.Out);
        Assert.Equal(["tool_call", "tool_call", "tool_call", "exit"],
            events.RootElement.EnumerateArray().Select(e => e.GetProperty("kind").GetString()));
        Assert.Equal(0, limited.Code);
        Assert.Equal(2, limited.Out.Trim().Split('\n').Length);
        Assert.Contains("run_ended", limited.Out);
        Assert.Equal(ExitCodes.Usage, badKind.Code);
        Assert.Contains("known: run_started", badKind.Err);
    }

    [Fact]
    public async Task A_failing_model_server_exits_10_with_one_line_and_a_missing_key_exits_8()
    {
        await using var server = await ScriptedModelServer.StartAsync(ModelScript.Always(Reply.ServerError("boom")), Ct);
        Configure(server);

        var failed = await RunAsync(null, "orchestrate", "--task", "x");
        Environment.Remove("OPENAI_API_KEY");
        // No endpoint configured anywhere: the public API would need a key (nothing is sent anywhere).
        var noKey = await RunAsync(null, "--set", "orchestrator.base_url=\"\"", "orchestrate", "--task", "x");

        Assert.Equal(ExitCodes.External, failed.Code);
        var line = Assert.Single(failed.Err.Split('\n'), l => l.StartsWith("zwarm: ", StringComparison.Ordinal));
        Assert.Contains("HTTP 500", line);
        Assert.Contains("boom", line);
        Assert.DoesNotContain("   at ", failed.Err);
        Assert.Equal(ExitCodes.ConfigError, noKey.Code);
        Assert.StartsWith("zwarm: OPENAI_API_KEY is not set", noKey.Err);
        Assert.Single(server.ModelCalls);
    }

    [Fact]
    public async Task Unknown_or_bad_orchestrator_keys_are_reported_clearly()
    {
        await using var server = await ScriptedModelServer.StartAsync(ModelScript.Always(Reply.Text("x")), Ct);
        Configure(server, """
            max_stepz = 3
            provider = "gemini"
            [watchers.progress]
            max_repeats = -1
            """);

        var (code, _, stderr) = await RunAsync(null, "orchestrate", "--task", "x");

        Assert.Equal(ExitCodes.ConfigError, code);
        Assert.Contains("unknown key 'orchestrator.max_stepz'", stderr);
        Assert.Contains("orchestrator.provider: must be one of openai, openai-chat, anthropic", stderr);
        Assert.Contains("watchers.progress.max_repeats: must be between 0 and 1000", stderr);
        Assert.Empty(server.ModelCalls);
    }

    [Fact]
    public async Task Set_overrides_reach_the_orchestrator_and_the_flags_win()
    {
        var script = new OrchestratorScript().Call("exit", """{"summary":"ok"}""");
        await using var server = await ScriptedModelServer.StartAsync(script.ToModelScript(), Ct);
        Configure(server);

        var (code, _, stderr) = await RunAsync(null, "--set", "orchestrator.model=from-set", "--set", "orchestrator.bash=false",
            "orchestrate", "--task", "x", "--reasoning-effort", "high");
        var (code2, _, _) = await RunAsync(null, "--set", "orchestrator.model=from-set", "orchestrate", "--task", "y", "--model", "from-flag");

        Assert.True(code == 0, stderr);
        Assert.Equal(0, code2);
        Assert.Equal("from-set", script.Requests[0].Model);
        Assert.False(script.Requests[0].AdvertisesTool("bash"));
        Assert.Contains("\"effort\":\"high\"", script.Requests[0].Body.Replace(" ", ""));
        Assert.Equal("from-flag", script.Requests[1].Model);
        Assert.True(script.Requests[1].AdvertisesTool("bash"));
    }
}
