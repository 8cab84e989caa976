using Zwarm.Orchestration.Llm;

namespace Zwarm.Orchestration.Watchers;

/// <summary>[watchers.llm]: a cheap model reviews the recent trajectory every few steps. Off by default (it costs).</summary>
public sealed record LlmWatcherSettings
{
    public bool Enabled { get; init; }
    public int Priority { get; init; } = 30;

    /// <summary>Review before every N-th step.</summary>
    public int Every { get; init; } = 10;

    /// <summary>How many of the latest messages the reviewer reads.</summary>
    public int LastMessages { get; init; } = 30;

    /// <summary>The reviewer's LLM; unset keys follow [orchestrator], and the model defaults to a cheap one.</summary>
    public LlmSettings? Llm { get; init; }
}
