// The tool surface on its own: the running-session cap, own-sessions-only changes, needs-attention tracking, bash
// limits, sleep on an injected clock, and offering bash/exit only when enabled.
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using Zwarm.Core.Config;
using Zwarm.Core.Sessions;
using Zwarm.Orchestration.Tests.Support;
using Zwarm.Orchestration.Tools;

namespace Zwarm.Orchestration.Tests.Tools;

public sealed class SessionToolsTests : IDisposable
{
    private readonly CancellationToken _ct = TestTimeout.After(60);
    private readonly OrchestrationWorld _world = new();

    public void Dispose() => _world.Dispose();

    private SessionTools Tools(int maxRunning = 8, bool bash = true, bool exit = true, SessionService? sessions = null) =>
        new(sessions ?? _world.Sessions, new SessionToolOptions
        {
            Source = "orchestrator:t", AllowedDirectories = [_world.WorkDir], WorkingDirectory = _world.WorkDir,
            MaxRunningSessions = maxRunning, BashEnabled = bash, ExitEnabled = exit, BashTimeout = TimeSpan.FromSeconds(2),
            BashMaxOutputChars = 200, BashUnsandboxed = true, // offered read-only where Landlock is, plain elsewhere
        });

    private static Dictionary<string, object?> Args(string json) =>
        JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(json)!.ToDictionary(kv => kv.Key, kv => (object?)kv.Value);

    [Fact]
    public async Task Delegate_beyond_the_running_cap_is_refused_until_a_session_stops()
    {
        var tools = Tools(maxRunning: 1);

        var first = await tools.InvokeAsync("delegate", Args("""{"task":"slow @sleep=20"}"""), _ct);
        var second = await tools.InvokeAsync("delegate", Args("""{"task":"another"}"""), _ct);
        var ended = await tools.InvokeAsync("end_session", Args($$"""{"id":"{{first.SessionIds[0]}}"}"""), _ct);
        var third = await tools.InvokeAsync("delegate", Args("""{"task":"now it fits"}"""), _ct);

        Assert.False(first.IsError, first.ResultJson);
        Assert.True(second.IsError);
        Assert.Contains("the limit is 1", second.ResultJson);
        Assert.False(ended.IsError, ended.ResultJson);
        Assert.Contains("stopped", ended.ResultJson);
        Assert.False(third.IsError, third.ResultJson);
    }

    [Fact]
    public async Task Sessions_of_others_can_be_read_but_not_continued_or_ended()
    {
        var user = await _world.Sessions.StartAsync(new StartRequest("user work"), _ct);
        await _world.Sessions.WaitAsync([user.Id], WaitMode.All, TimeSpan.FromSeconds(30), _ct);
        var tools = Tools();

        var check = await tools.InvokeAsync("check_session", Args($$"""{"id":"{{user.Id[..8]}}"}"""), _ct);
        var converse = await tools.InvokeAsync("converse", Args($$"""{"session_id":"{{user.Id}}","message":"more"}"""), _ct);
        var end = await tools.InvokeAsync("end_session", Args($$"""{"id":"{{user.Id}}"}"""), _ct);
        var own = await tools.InvokeAsync("list_sessions", Args("{}"), _ct);
        var all = await tools.InvokeAsync("list_sessions", Args("""{"all":true}"""), _ct);

        Assert.False(check.IsError);
        Assert.Contains("fake reply #1 to: user work", check.ResultJson);
        Assert.True(converse.IsError);
        Assert.Contains("not started by you", converse.ResultJson);
        Assert.True(end.IsError);
        Assert.Contains("\"sessions\":[]", own.ResultJson);
        Assert.Contains(user.Id, all.ResultJson);
    }

    [Fact]
    public async Task A_finished_turn_needs_attention_until_it_is_read_with_check_session()
    {
        var tools = Tools();
        var started = await tools.InvokeAsync("delegate", Args("""{"task":"quick"}"""), _ct);
        var id = started.SessionIds[0];
        var waited = await tools.InvokeAsync("wait_for_sessions", Args("""{"timeout_seconds":30}"""), _ct);

        var before = await tools.InvokeAsync("list_sessions", Args("{}"), _ct);
        await tools.InvokeAsync("check_session", Args($$"""{"id":"{{id}}"}"""), _ct);
        var after = await tools.InvokeAsync("list_sessions", Args("{}"), _ct);

        Assert.Contains(id, waited.ResultJson);
        Assert.Contains("\"timed_out\":false", waited.ResultJson);
        Assert.Contains($"\"needs_attention\":[\"{id}\"]", before.ResultJson);
        Assert.Contains("\"needs_attention\":[]", after.ResultJson);
        Assert.Equal(1, tools.SeenTurns[id]);
    }

    [Fact]
    public async Task Bash_returns_exit_code_and_output_tail_and_is_killed_at_its_timeout()
    {
        var tools = Tools();

        var ok = await tools.InvokeAsync("bash", Args("""{"command":"seq 1 1000; echo err >&2; exit 3"}"""), _ct);
        var slow = await tools.InvokeAsync("bash", Args("""{"command":"sleep 30"}"""), _ct);

        using var result = JsonDocument.Parse(ok.ResultJson);
        Assert.Equal(3, result.RootElement.GetProperty("exit_code").GetInt32());
        Assert.EndsWith("1000\n", result.RootElement.GetProperty("stdout").GetString());
        Assert.True(result.RootElement.GetProperty("stdout").GetString()!.Length <= 201);
        Assert.True(result.RootElement.GetProperty("truncated").GetBoolean());
        Assert.Equal("err\n", result.RootElement.GetProperty("stderr").GetString());
        Assert.True(slow.IsError);
        Assert.Contains("\"timed_out\":true", slow.ResultJson);
    }

    [Fact]
    public void Bash_and_exit_are_offered_only_when_enabled()
    {
        Assert.Contains(Tools().Declarations, d => d.Name == "bash");
        Assert.DoesNotContain(Tools(bash: false, exit: false).Declarations, d => d.Name is "bash" or "exit");
        Assert.Equal(14, Tools().Declarations.Count);
    }

    [Fact]
    public async Task Disabled_or_unknown_tools_and_bad_arguments_are_error_results()
    {
        var tools = Tools(bash: false);

        var bash = await tools.InvokeAsync("bash", Args("""{"command":"ls"}"""), _ct);
        var missing = await tools.InvokeAsync("delegate", Args("{}"), _ct);
        var badMode = await tools.InvokeAsync("wait_for_sessions", Args("""{"mode":"some"}"""), _ct);
        var noSuch = await tools.InvokeAsync("check_session", Args("""{"id":"deadbeef"}"""), _ct);

        Assert.Contains("unknown tool 'bash'", bash.ResultJson);
        Assert.Contains("'task' is required", missing.ResultJson);
        Assert.Contains("expected arguments", missing.ResultJson);
        Assert.Contains("mode must be", badMode.ResultJson);
        Assert.Contains("list_sessions", noSuch.ResultJson);
        Assert.All(new[] { bash, missing, badMode, noSuch }, o => Assert.True(o.IsError));
    }

    [Fact]
    public async Task Sleep_waits_on_the_injected_clock_and_is_capped()
    {
        var time = new FakeTimeProvider();
        var sessions = new SessionService(_world.Context with { Time = time });
        var tools = new SessionTools(sessions, new SessionToolOptions
        {
            Source = "orchestrator:t", AllowedDirectories = [_world.WorkDir], WorkingDirectory = _world.WorkDir,
            MaxSleep = TimeSpan.FromSeconds(300),
        });

        var sleeping = tools.InvokeAsync("sleep", Args("""{"seconds":1000}"""), _ct);
        await Task.Delay(100, _ct);
        Assert.False(sleeping.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(299));
        await Task.Delay(50, _ct);
        Assert.False(sleeping.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(1));
        var result = await sleeping.WaitAsync(TimeSpan.FromSeconds(10), _ct);

        Assert.Contains("\"slept_seconds\":300", result.ResultJson);
        Assert.Contains("capped from 1000s", result.Summary);
    }
}
