using Zwarm.Orchestration.Watchers;
using static Zwarm.Orchestration.Tests.Support.Contexts;

namespace Zwarm.Orchestration.Tests.Watchers;

public sealed class WatcherPanelTests
{
    private sealed class Fixed(string name, WatcherAction action, int priority, string? message = "m") : IWatcher
    {
        public string Name => name;
        public int Priority => priority;
        public Task<WatcherVerdict> CheckAsync(WatcherContext context, CancellationToken cancellationToken) =>
            Task.FromResult(new WatcherVerdict(name, action, message, priority));
    }

    private sealed class Throwing : IWatcher
    {
        public string Name => "broken";
        public int Priority => 1;
        public Task<WatcherVerdict> CheckAsync(WatcherContext context, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("boom");
    }

    private sealed class Slow(TimeSpan delay) : IWatcher
    {
        public string Name => "slow";
        public int Priority => 1;
        public async Task<WatcherVerdict> CheckAsync(WatcherContext context, CancellationToken cancellationToken)
        {
            await Task.Delay(delay, cancellationToken);
            return new WatcherVerdict(Name, WatcherAction.Abort, "too late");
        }
    }

    [Fact]
    public async Task Most_severe_wins_then_priority()
    {
        var panel = new WatcherPanel([
            new Fixed("a", WatcherAction.Nudge, 100), new Fixed("b", WatcherAction.Pause, 1), new Fixed("c", WatcherAction.Pause, 5),
            new Fixed("d", WatcherAction.Continue, 1000),
        ]);

        var outcome = await panel.RunAsync(With(), default);

        Assert.Equal(WatcherAction.Pause, outcome.Action);
        Assert.Equal("c", outcome.Decisive!.Watcher);
        Assert.Equal(4, outcome.Verdicts.Count);
    }

    [Fact]
    public async Task All_nudges_are_kept_most_important_first()
    {
        var panel = new WatcherPanel([new Fixed("low", WatcherAction.Nudge, 1), new Fixed("high", WatcherAction.Nudge, 9)]);

        var outcome = await panel.RunAsync(With(), default);

        Assert.Equal(["high", "low"], outcome.Nudges.Select(n => n.Watcher));
    }

    [Fact]
    public async Task A_failing_or_slow_watcher_is_a_continue_with_a_note()
    {
        var panel = new WatcherPanel([new Throwing(), new Slow(TimeSpan.FromSeconds(30))]) { Timeout = TimeSpan.FromMilliseconds(200) };

        var outcome = await panel.RunAsync(With(), default);

        Assert.Equal(WatcherAction.Continue, outcome.Action);
        Assert.Contains(outcome.Verdicts, v => v.Watcher == "broken" && v.Message!.Contains("boom"));
        Assert.Contains(outcome.Verdicts, v => v.Watcher == "slow" && v.Message!.Contains("timed out"));
    }

    [Fact]
    public void Disabled_watchers_are_not_created()
    {
        var settings = new WatchersSettings
        {
            Progress = new ProgressWatcherSettings { Enabled = false },
            Scope = new ScopeWatcherSettings { Enabled = false },
        };

        var names = WatcherPanel.Create(settings, reviewer: null).Watchers.Select(w => w.Name).ToList();

        Assert.Equal(["budget", "pattern", "delegation", "delegation_reminder"], names);
        Assert.Empty(WatcherPanel.Create(settings with { Enabled = false }, null).Watchers);
    }
}
