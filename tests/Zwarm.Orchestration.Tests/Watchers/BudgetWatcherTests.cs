using Zwarm.Core.Events;
using Zwarm.Core.Sessions;
using Zwarm.Orchestration.Watchers;
using static Zwarm.Orchestration.Tests.Support.Contexts;

namespace Zwarm.Orchestration.Tests.Watchers;

public sealed class BudgetWatcherTests
{
    private static BudgetWatcher Watcher(long tokens = 0, double cost = 0, int sessions = 0, int steps = 0) =>
        new(new BudgetWatcherSettings { MaxTokens = tokens, MaxCostUsd = cost, MaxSessions = sessions, MaxSteps = steps, WarnAt = 0.8 });

    [Fact]
    public async Task Tokens_of_orchestrator_and_sessions_past_the_limit_abort()
    {
        var context = With(usage: new TokenUsage(InputTokens: 600, OutputTokens: 100),
            sessions: [Session("a", input: 250, output: 50)]);

        var verdict = await Watcher(tokens: 1000).CheckAsync(context, default);

        Assert.Equal(WatcherAction.Abort, verdict.Action);
        Assert.Contains("1,000 of 1,000 tokens", verdict.Message);
    }

    [Fact]
    public async Task Near_the_token_limit_nudges_once()
    {
        var watcher = Watcher(tokens: 1000);
        var context = With(usage: new TokenUsage(InputTokens: 850));

        var first = await watcher.CheckAsync(context, default);
        var second = await watcher.CheckAsync(context, default);

        Assert.Equal(WatcherAction.Nudge, first.Action);
        Assert.Contains("850 of 1,000 tokens", first.Message);
        Assert.Equal(WatcherAction.Continue, second.Action);
    }

    [Fact]
    public async Task Under_every_limit_continues()
    {
        var context = With(usage: new TokenUsage(InputTokens: 100), cost: 0.5m, sessions: [Session("a", cost: 0.2m)], maxRunSteps: 50);

        var verdict = await Watcher(tokens: 1000, cost: 10, sessions: 5, steps: 100).CheckAsync(context, default);

        Assert.Equal(WatcherAction.Continue, verdict.Action);
    }

    [Fact]
    public async Task Cost_past_the_limit_aborts_and_counts_session_costs()
    {
        var context = With(cost: 0.75m, sessions: [Session("a", cost: 0.30m)]);

        var verdict = await Watcher(cost: 1.0).CheckAsync(context, default);

        Assert.Equal(WatcherAction.Abort, verdict.Action);
        Assert.Contains("$1.05 of $1.00", verdict.Message);
    }

    [Fact]
    public async Task Sessions_at_the_limit_nudge_and_past_it_abort()
    {
        var two = With(sessions: [Session("a"), Session("b", SessionStatus.Completed)]);
        var three = With(sessions: [Session("a"), Session("b"), Session("c")]);

        Assert.Equal(WatcherAction.Nudge, (await Watcher(sessions: 2).CheckAsync(two, default)).Action);
        Assert.Equal(WatcherAction.Abort, (await Watcher(sessions: 2).CheckAsync(three, default)).Action);
    }

    [Fact]
    public async Task Instance_step_limit_aborts()
    {
        var context = With(Enumerable.Range(1, 10).Select(i => Step(i)));

        var verdict = await Watcher(steps: 10).CheckAsync(context, default);

        Assert.Equal(WatcherAction.Abort, verdict.Action);
        Assert.Contains("10 of 10 steps", verdict.Message);
    }

    [Fact]
    public async Task Few_steps_left_in_the_run_nudge_to_wrap_up()
    {
        var watcher = Watcher();
        var early = With(Enumerable.Range(1, 3).Select(i => Step(i)), maxRunSteps: 10);
        var late = With(Enumerable.Range(1, 8).Select(i => Step(i)), maxRunSteps: 10);

        Assert.Equal(WatcherAction.Continue, (await watcher.CheckAsync(early, default)).Action);
        var verdict = await watcher.CheckAsync(late, default);
        Assert.Equal(WatcherAction.Nudge, verdict.Action);
        Assert.Contains("only 2 of 10 steps left", verdict.Message);
    }
}
