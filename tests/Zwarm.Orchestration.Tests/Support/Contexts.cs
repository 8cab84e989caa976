// Builders of watcher contexts and step records for watcher unit tests.
using Zwarm.Core.Events;
using Zwarm.Core.Sessions;
using Zwarm.Orchestration.Loop;
using Zwarm.Orchestration.Watchers;

namespace Zwarm.Orchestration.Tests.Support;

internal static class Contexts
{
    public static ToolCallRecord Call(string name, string args = "{}", string result = """{"ok":true}""", bool error = false) =>
        new(name, args, result, error);

    public static StepRecord Step(int n, params ToolCallRecord[] calls) => new(n, null, calls, $"fp-{n}");

    public static StepRecord TextStep(int n, string text) => new(n, text, [], $"fp-{n}");

    public static WatcherContext With(IEnumerable<StepRecord>? history = null, IReadOnlyList<SessionSummary>? sessions = null,
        int maxRunSteps = 50, TokenUsage? usage = null, decimal? cost = null)
    {
        var steps = history?.ToList() ?? [];
        return new WatcherContext
        {
            InstanceId = "test",
            Task = "the task",
            Step = steps.Count + 1,
            RunSteps = steps.Count,
            MaxRunSteps = maxRunSteps,
            History = steps,
            Sessions = sessions ?? [],
            OrchestratorUsage = usage ?? TokenUsage.Zero,
            OrchestratorCostUsd = cost,
            Now = DateTimeOffset.UnixEpoch,
        };
    }

    public static SessionSummary Session(string id, SessionStatus status = SessionStatus.Running, long input = 0, long output = 0,
        decimal? cost = null, int turns = 1) => new()
    {
        Id = id,
        Status = status,
        Adapter = "codex",
        Turns = turns,
        Task = "t",
        Source = "orchestrator:test",
        InputTokens = input,
        OutputTokens = output,
        CostUsd = cost,
    };
}
