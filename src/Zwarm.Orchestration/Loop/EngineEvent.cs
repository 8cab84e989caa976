// What the engine reports while it works, for live rendering (CLI progress, pilot's streaming) and for event logs.
// A closed family: observers switch over these records.
using Microsoft.Extensions.AI;
using Zwarm.Orchestration.Tools;

namespace Zwarm.Orchestration.Loop;

public abstract record EngineEvent;

/// <summary>A model call is about to be sent with <paramref name="Messages"/> messages.</summary>
internal sealed record ModelCallStarted(int Messages) : EngineEvent;

/// <summary>A piece of the model's visible text, as it streams.</summary>
public sealed record TextDelta(string Text) : EngineEvent;

/// <summary>A piece of the model's reasoning (summary) text, as it streams.</summary>
public sealed record ReasoningDelta(string Text) : EngineEvent;

/// <summary>The model call finished.</summary>
public sealed record ModelCallCompleted(ChatResponse Response, TimeSpan Duration) : EngineEvent;

/// <summary>A tool call is about to run.</summary>
public sealed record ToolCallStarted(string CallId, string Name, string ArgumentsJson) : EngineEvent;

/// <summary>A tool call finished (or was interrupted).</summary>
public sealed record ToolCallCompleted(string CallId, string Name, string ArgumentsJson, ToolOutcome Outcome, TimeSpan Duration) : EngineEvent;
