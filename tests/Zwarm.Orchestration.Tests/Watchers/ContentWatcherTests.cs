// scope, pattern, delegation and delegation_reminder: each fires on what it is for, and stays quiet otherwise.
using Zwarm.Orchestration.Loop;
using Zwarm.Orchestration.Watchers;
using static Zwarm.Orchestration.Tests.Support.Contexts;

namespace Zwarm.Orchestration.Tests.Watchers;

public sealed class ContentWatcherTests
{
    [Fact]
    public async Task Scope_keyword_in_a_delegated_task_triggers_the_configured_action()
    {
        var watcher = new ScopeWatcher(new ScopeWatcherSettings { Keywords = ["billing", "Payments API"], Action = WatcherAction.Pause });
        var context = With([Step(1, Call("delegate", """{"task":"Refactor the payments api client"}"""))]);

        var verdict = await watcher.CheckAsync(context, default);

        Assert.Equal(WatcherAction.Pause, verdict.Action);
        Assert.Contains("'Payments API'", verdict.Message);
        Assert.Contains("delegate call", verdict.Message);
    }

    [Fact]
    public async Task Scope_ignores_tool_results_and_clean_steps()
    {
        var watcher = new ScopeWatcher(new ScopeWatcherSettings { Keywords = ["billing"] });
        var inResult = With([Step(1, Call("check_session", """{"id":"a"}""", """{"last_reply":"I did not touch billing"}"""))]);
        var clean = With([Step(1, Call("delegate", """{"task":"fix the parser"}"""))]);

        Assert.Equal(WatcherAction.Continue, (await watcher.CheckAsync(inResult, default)).Action);
        Assert.Equal(WatcherAction.Continue, (await watcher.CheckAsync(clean, default)).Action);
    }

    [Fact]
    public async Task Pattern_rule_matching_its_target_fires_with_its_message()
    {
        var settings = new PatternWatcherSettings
        {
            Rules =
            [
                new PatternRule("force", PatternWatcher.Compile("git push (-f|--force)"), WatcherAction.Abort, "Never force-push.", "bash"),
                new PatternRule("denied", PatternWatcher.Compile("(?i)permission denied"), WatcherAction.Nudge, null, "tool_results"),
            ],
        };
        var watcher = new PatternWatcher(settings);
        var push = With([Step(1, Call("bash", """{"command":"git push --force origin main"}"""))]);
        var denied = With([Step(1, Call("check_session", """{"id":"a"}""", """{"error":"Permission denied"}"""))]);
        var pushInTask = With([Step(1, Call("delegate", """{"task":"never git push --force"}"""))]);

        var abort = await watcher.CheckAsync(push, default);
        Assert.Equal(WatcherAction.Abort, abort.Action);
        Assert.Equal("Never force-push.", abort.Message);
        var nudge = await watcher.CheckAsync(denied, default);
        Assert.Equal(WatcherAction.Nudge, nudge.Action);
        Assert.Contains("Permission denied", nudge.Message);
        // The force-push rule targets bash only.
        Assert.Equal(WatcherAction.Continue, (await watcher.CheckAsync(pushInTask, default)).Action);
    }

    [Theory]
    [InlineData("echo hi > src/app.py")]
    [InlineData("cat >> notes.md")]
    [InlineData("sed -i 's/a/b/' main.c")]
    [InlineData("git commit -am wip")]
    [InlineData("cd src && rm -rf build")]
    [InlineData("cat <<EOF > x.py")]
    [InlineData("npm install left-pad")]
    [InlineData("python3 -c \"open('a','w').write('x')\"")]
    [InlineData("ls | tee listing.txt")]
    public async Task Delegation_watcher_catches_bash_that_writes(string command)
    {
        var watcher = new DelegationWatcher(new DelegationWatcherSettings());
        var context = With([Step(1, Call("bash", System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, string> { ["command"] = command })))]);

        var verdict = await watcher.CheckAsync(context, default);

        Assert.Equal(WatcherAction.Nudge, verdict.Action);
        Assert.Contains("delegate", verdict.Message);
    }

    [Theory]
    [InlineData("dotnet test 2>&1 | tail -20")]
    [InlineData("git status && git diff --stat")]
    [InlineData("grep -rn \"a > b\" src")]
    [InlineData("ls -la > /dev/null")]
    [InlineData("cat README.md")]
    [InlineData("pytest -q 2>/dev/null")]
    [InlineData("[ \"$x\" -gt 1 ] && echo big")]
    public async Task Delegation_watcher_lets_read_only_checks_pass(string command)
    {
        var watcher = new DelegationWatcher(new DelegationWatcherSettings());
        var context = With([Step(1, Call("bash", System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, string> { ["command"] = command })))]);

        Assert.Equal(WatcherAction.Continue, (await watcher.CheckAsync(context, default)).Action);
    }

    [Fact]
    public async Task Delegation_watcher_aborts_after_the_configured_number_of_violations()
    {
        var watcher = new DelegationWatcher(new DelegationWatcherSettings { AbortAfter = 2 });
        var write = Call("bash", """{"command":"echo x > a.txt"}""");

        Assert.Equal(WatcherAction.Nudge, (await watcher.CheckAsync(With([Step(1, write)]), default)).Action);
        Assert.Equal(WatcherAction.Abort, (await watcher.CheckAsync(With([Step(1, write), Step(2, write)]), default)).Action);
    }

    [Fact]
    public async Task Reminder_fires_after_steps_of_own_work_but_polling_is_not_drift()
    {
        var watcher = new DelegationReminderWatcher(new DelegationReminderSettings { Steps = 3 });
        var drift = new[] { Step(1, Call("delegate")), Step(2, Call("bash", """{"command":"ls"}""")), TextStep(3, "hmm"), Step(4, Call("bash", """{"command":"cat a"}""")) };
        var polling = new[]
        {
            Step(1, Call("delegate")), Step(2, Call("wait_for_sessions")), Step(3, Call("check_session")),
            Step(4, Call("peek_session")), Step(5, Call("sleep")), Step(6, Call("bash", """{"command":"ls"}""")),
        };
        var delegatedLately = new[] { Step(1, Call("bash")), Step(2, Call("bash")), Step(3, Call("bash")), Step(4, Call("converse")) };
        var failedDelegate = new[] { Step(1, Call("bash")), Step(2, Call("bash")), Step(3, Call("delegate", error: true)) };

        var verdict = await watcher.CheckAsync(With(drift), default);
        Assert.Equal(WatcherAction.Nudge, verdict.Action);
        Assert.Contains("3 steps", verdict.Message);
        Assert.Equal(WatcherAction.Continue, (await watcher.CheckAsync(With(polling), default)).Action);
        Assert.Equal(WatcherAction.Continue, (await watcher.CheckAsync(With(delegatedLately), default)).Action);
        Assert.Equal(WatcherAction.Nudge, (await watcher.CheckAsync(With(failedDelegate), default)).Action);
    }
}
