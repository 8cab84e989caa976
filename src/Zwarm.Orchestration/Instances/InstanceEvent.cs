// The closed family of events written to events.jsonl (one JSON object per line: ts, step, kind, then the kind's
// fields) and handed to progress observers as the run goes. Kinds: run_started, resumed, step_started, llm_call,
// tool_call, tool_result, watcher, nudge, compaction, pause, abort, exit, step_limit, interrupted, error, run_ended,
// and for pilot: user_message, turn_end, rewind.
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Zwarm.Orchestration.Instances;

[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(RunStarted), EventKinds.RunStarted)]
[JsonDerivedType(typeof(RunResumed), EventKinds.Resumed)]
[JsonDerivedType(typeof(StepStarted), EventKinds.StepStarted)]
[JsonDerivedType(typeof(LlmCalled), EventKinds.LlmCall)]
[JsonDerivedType(typeof(ToolCalled), EventKinds.ToolCall)]
[JsonDerivedType(typeof(ToolReturned), EventKinds.ToolResult)]
[JsonDerivedType(typeof(WatcherChecked), EventKinds.Watcher)]
[JsonDerivedType(typeof(Nudged), EventKinds.Nudge)]
[JsonDerivedType(typeof(Compacted), EventKinds.Compaction)]
[JsonDerivedType(typeof(Paused), EventKinds.Pause)]
[JsonDerivedType(typeof(Aborted), EventKinds.Abort)]
[JsonDerivedType(typeof(Exited), EventKinds.Exit)]
[JsonDerivedType(typeof(StepLimitReached), EventKinds.StepLimit)]
[JsonDerivedType(typeof(Interrupted), EventKinds.Interrupted)]
[JsonDerivedType(typeof(ErrorOccurred), EventKinds.Error)]
[JsonDerivedType(typeof(RunEnded), EventKinds.RunEnded)]
[JsonDerivedType(typeof(UserMessage), EventKinds.UserMessage)]
[JsonDerivedType(typeof(TurnEnded), EventKinds.TurnEnd)]
[JsonDerivedType(typeof(Rewound), EventKinds.Rewind)]
public abstract record InstanceEvent
{
    [JsonPropertyName("ts"), JsonPropertyOrder(-2)] public DateTimeOffset Ts { get; init; }

    /// <summary>The step the event belongs to (0 before the first step).</summary>
    [JsonPropertyName("step"), JsonPropertyOrder(-1)] public int Step { get; init; }

    [JsonIgnore] public abstract string Kind { get; }
}

public sealed record RunStarted(
    [property: JsonPropertyName("instance")] string Instance,
    [property: JsonPropertyName("task")] string Task,
    [property: JsonPropertyName("provider")] string Provider,
    [property: JsonPropertyName("model")] string Model,
    [property: JsonPropertyName("endpoint")] string Endpoint,
    [property: JsonPropertyName("max_steps")] int MaxSteps,
    [property: JsonPropertyName("working_dir")] string WorkingDir) : InstanceEvent
{
    public override string Kind => EventKinds.RunStarted;
}

public sealed record RunResumed(
    [property: JsonPropertyName("instance")] string Instance,
    [property: JsonPropertyName("previous_status")] string PreviousStatus,
    [property: JsonPropertyName("messages")] int Messages,
    [property: JsonPropertyName("new_instruction")] string? NewInstruction,
    [property: JsonPropertyName("model")] string Model,
    [property: JsonPropertyName("max_steps")] int MaxSteps) : InstanceEvent
{
    public override string Kind => EventKinds.Resumed;
}

public sealed record StepStarted(
    [property: JsonPropertyName("steps_left")] int StepsLeft,
    [property: JsonPropertyName("running")] int Running,
    [property: JsonPropertyName("stopped")] int Stopped,
    [property: JsonPropertyName("needs_attention")] int NeedsAttention,
    [property: JsonPropertyName("total_tokens")] long TotalTokens,
    [property: JsonPropertyName("cost_usd")] decimal CostUsd,
    [property: JsonPropertyName("observation")] string Observation) : InstanceEvent
{
    public override string Kind => EventKinds.StepStarted;
}

internal sealed record LlmCalled(
    [property: JsonPropertyName("model")] string? Model,
    [property: JsonPropertyName("input_tokens")] long InputTokens,
    [property: JsonPropertyName("cached_input_tokens")] long CachedInputTokens,
    [property: JsonPropertyName("output_tokens")] long OutputTokens,
    [property: JsonPropertyName("reasoning_tokens")] long ReasoningTokens,
    [property: JsonPropertyName("duration_ms")] long DurationMs,
    [property: JsonPropertyName("finish_reason")] string? FinishReason,
    [property: JsonPropertyName("text")] string? Text,
    [property: JsonPropertyName("tool_calls")] int ToolCalls) : InstanceEvent
{
    public override string Kind => EventKinds.LlmCall;
}

public sealed record ToolCalled(
    [property: JsonPropertyName("call_id")] string CallId,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("arguments")] JsonElement Arguments) : InstanceEvent
{
    public override string Kind => EventKinds.ToolCall;
}

public sealed record ToolReturned(
    [property: JsonPropertyName("call_id")] string CallId,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("is_error")] bool IsError,
    [property: JsonPropertyName("summary")] string Summary,
    [property: JsonPropertyName("result")] string Result,
    [property: JsonPropertyName("duration_ms")] long DurationMs,
    [property: JsonPropertyName("sessions")] IReadOnlyList<string> Sessions) : InstanceEvent
{
    public override string Kind => EventKinds.ToolResult;
}

public sealed record WatcherChecked(
    [property: JsonPropertyName("watcher")] string Watcher,
    [property: JsonPropertyName("action")] string Action,
    [property: JsonPropertyName("message")] string? Message,
    [property: JsonPropertyName("priority")] int Priority) : InstanceEvent
{
    public override string Kind => EventKinds.Watcher;
}

public sealed record Nudged(
    [property: JsonPropertyName("watcher")] string Watcher,
    [property: JsonPropertyName("message")] string Message) : InstanceEvent
{
    public override string Kind => EventKinds.Nudge;
}

public sealed record Compacted(
    [property: JsonPropertyName("removed_messages")] int RemovedMessages,
    [property: JsonPropertyName("kept_messages")] int KeptMessages,
    [property: JsonPropertyName("tokens_before")] int TokensBefore,
    [property: JsonPropertyName("tokens_after")] int TokensAfter) : InstanceEvent
{
    public override string Kind => EventKinds.Compaction;
}

public sealed record Paused(
    [property: JsonPropertyName("watcher")] string Watcher,
    [property: JsonPropertyName("reason")] string Reason) : InstanceEvent
{
    public override string Kind => EventKinds.Pause;
}

public sealed record Aborted(
    [property: JsonPropertyName("watcher")] string Watcher,
    [property: JsonPropertyName("reason")] string Reason) : InstanceEvent
{
    public override string Kind => EventKinds.Abort;
}

public sealed record Exited([property: JsonPropertyName("summary")] string Summary) : InstanceEvent
{
    public override string Kind => EventKinds.Exit;
}

public sealed record StepLimitReached([property: JsonPropertyName("max_steps")] int MaxSteps) : InstanceEvent
{
    public override string Kind => EventKinds.StepLimit;
}

public sealed record Interrupted([property: JsonPropertyName("reason")] string Reason) : InstanceEvent
{
    public override string Kind => EventKinds.Interrupted;
}

public sealed record ErrorOccurred(
    [property: JsonPropertyName("message")] string Message,
    [property: JsonPropertyName("source")] string Source) : InstanceEvent
{
    public override string Kind => EventKinds.Error;
}

public sealed record RunEnded(
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("reason")] string? Reason,
    [property: JsonPropertyName("run_steps")] int RunSteps,
    [property: JsonPropertyName("total_steps")] int TotalSteps,
    [property: JsonPropertyName("input_tokens")] long InputTokens,
    [property: JsonPropertyName("output_tokens")] long OutputTokens,
    [property: JsonPropertyName("cost_usd")] decimal? CostUsd,
    [property: JsonPropertyName("duration_ms")] long DurationMs) : InstanceEvent
{
    public override string Kind => EventKinds.RunEnded;
}

/// <summary>Pilot: the human's message that opens turn <paramref name="Turn"/>.</summary>
public sealed record UserMessage(
    [property: JsonPropertyName("turn")] int Turn,
    [property: JsonPropertyName("text")] string Text) : InstanceEvent
{
    public override string Kind => EventKinds.UserMessage;
}

/// <summary>Pilot: a turn ended (answered, step_limit, interrupted, failed) and checkpoint T&lt;turn&gt; was taken.</summary>
public sealed record TurnEnded(
    [property: JsonPropertyName("turn")] int Turn,
    [property: JsonPropertyName("end")] string End,
    [property: JsonPropertyName("turn_steps")] int TurnSteps,
    [property: JsonPropertyName("messages")] int Messages,
    [property: JsonPropertyName("input_tokens")] long InputTokens,
    [property: JsonPropertyName("output_tokens")] long OutputTokens) : InstanceEvent
{
    public override string Kind => EventKinds.TurnEnd;
}

/// <summary>Pilot: `:goto` moved the conversation from checkpoint <paramref name="From"/> to <paramref name="To"/>.</summary>
internal sealed record Rewound(
    [property: JsonPropertyName("from")] int From,
    [property: JsonPropertyName("to")] int To,
    [property: JsonPropertyName("messages")] int Messages) : InstanceEvent
{
    public override string Kind => EventKinds.Rewind;
}

public static class EventKinds
{
    public const string RunStarted = "run_started";
    public const string Resumed = "resumed";
    public const string StepStarted = "step_started";
    public const string LlmCall = "llm_call";
    public const string ToolCall = "tool_call";
    public const string ToolResult = "tool_result";
    public const string Watcher = "watcher";
    public const string Nudge = "nudge";
    public const string Compaction = "compaction";
    public const string Pause = "pause";
    public const string Abort = "abort";
    public const string Exit = "exit";
    public const string StepLimit = "step_limit";
    public const string Interrupted = "interrupted";
    public const string Error = "error";
    public const string RunEnded = "run_ended";
    public const string UserMessage = "user_message";
    public const string TurnEnd = "turn_end";
    public const string Rewind = "rewind";

    public static IReadOnlyList<string> All { get; } =
    [
        RunStarted, Resumed, StepStarted, LlmCall, ToolCall, ToolResult, Watcher, Nudge, Compaction, Pause, Abort, Exit,
        StepLimit, Interrupted, Error, RunEnded, UserMessage, TurnEnd, Rewind,
    ];
}
