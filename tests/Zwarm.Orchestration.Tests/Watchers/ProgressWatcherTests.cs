using Zwarm.Orchestration.Tests.Support;
using Zwarm.Orchestration.Watchers;
using static Zwarm.Orchestration.Tests.Support.Contexts;

namespace Zwarm.Orchestration.Tests.Watchers;

public sealed class ProgressWatcherTests
{
    private readonly ProgressWatcher _watcher = new(new ProgressWatcherSettings { MaxRepeats = 3, AbortRepeats = 5, StallSteps = 4 });

    [Fact]
    public async Task Three_identical_calls_with_identical_results_nudge()
    {
        var history = Enumerable.Range(1, 3).Select(i => Step(i, Call("check_session", """{"id":"abc"}""", """{"status":"running"}""")));

        var verdict = await _watcher.CheckAsync(With(history), default);

        Assert.Equal(WatcherAction.Nudge, verdict.Action);
        Assert.Contains("check_session", verdict.Message);
        Assert.Contains("3 times", verdict.Message);
        Assert.Contains("wait_for_sessions", verdict.Message);
    }

    [Fact]
    public async Task Two_repeats_or_changing_results_do_not_nudge()
    {
        var two = Enumerable.Range(1, 2).Select(i => Step(i, Call("check_session", """{"id":"abc"}""", """{"status":"running"}""")));
        var changing = Enumerable.Range(1, 4).Select(i => Step(i, Call("check_session", """{"id":"abc"}""", $$"""{"turn":{{i}}}""")));
        var otherArgs = Enumerable.Range(1, 4).Select(i => Step(i, Call("check_session", $$"""{"id":"s{{i}}"}""")));

        Assert.Equal(WatcherAction.Continue, (await _watcher.CheckAsync(With(two), default)).Action);
        Assert.Equal(WatcherAction.Continue, (await _watcher.CheckAsync(With(changing), default)).Action);
        Assert.Equal(WatcherAction.Continue, (await _watcher.CheckAsync(With(otherArgs), default)).Action);
    }

    [Fact]
    public async Task Abort_repeats_abort()
    {
        var history = Enumerable.Range(1, 5).Select(i => Step(i, Call("delegate", """{"task":"x"}""", """{"error":"refused"}""", true)));

        var verdict = await _watcher.CheckAsync(With(history), default);

        Assert.Equal(WatcherAction.Abort, verdict.Action);
        Assert.Contains("5 times", verdict.Message);
    }

    [Fact]
    public async Task A_different_call_breaks_the_run_of_repeats()
    {
        var history = new[]
        {
            Step(1, Call("peek_session", """{"id":"a"}""")), Step(2, Call("peek_session", """{"id":"a"}""")),
            Step(3, Call("list_sessions")), Step(4, Call("peek_session", """{"id":"a"}""")),
        };

        Assert.Equal(WatcherAction.Continue, (await _watcher.CheckAsync(With(history), default)).Action);
    }

    [Fact]
    public async Task Repeated_identical_text_replies_nudge()
    {
        var history = Enumerable.Range(1, 3).Select(i => TextStep(i, "I am thinking about it."));

        var verdict = await _watcher.CheckAsync(With(history), default);

        Assert.Equal(WatcherAction.Nudge, verdict.Action);
        Assert.Contains("same text", verdict.Message);
    }

    [Fact]
    public async Task Steps_with_no_change_and_nothing_started_nudge_as_a_stall()
    {
        var stalled = Enumerable.Range(1, 4).Select(i => new Zwarm.Orchestration.Loop.StepRecord(i, null,
            [Call("get_trajectory", $$"""{"id":"s{{i}}"}""")], "same"));
        var moving = Enumerable.Range(1, 4).Select(i => new Zwarm.Orchestration.Loop.StepRecord(i, null,
            [Call("get_trajectory", $$"""{"id":"s{{i}}"}""")], i < 3 ? "same" : "changed"));
        var delegating = Enumerable.Range(1, 4).Select(i => new Zwarm.Orchestration.Loop.StepRecord(i, null,
            [Call(i == 2 ? "delegate" : "get_trajectory", $$"""{"id":"s{{i}}"}""")], "same"));

        Assert.Equal(WatcherAction.Nudge, (await _watcher.CheckAsync(With(stalled), default)).Action);
        Assert.Equal(WatcherAction.Continue, (await _watcher.CheckAsync(With(moving), default)).Action);
        Assert.Equal(WatcherAction.Continue, (await _watcher.CheckAsync(With(delegating), default)).Action);
    }

    [Fact]
    public async Task Empty_history_continues()
    {
        Assert.Equal(WatcherAction.Continue, (await _watcher.CheckAsync(With(), default)).Action);
    }
}
