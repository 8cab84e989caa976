using Microsoft.Extensions.AI;

namespace Zwarm.Orchestration.Loop;

/// <summary>
/// One step of the engine: one model call and the execution of every tool call in its reply.
/// <see cref="AddedMessages"/> are the messages the step appended to the conversation (the reply, then the results).
/// </summary>
public sealed record EngineStep(ChatResponse Response, IReadOnlyList<ExecutedToolCall> ToolCalls, TimeSpan ModelDuration,
    IReadOnlyList<ChatMessage> AddedMessages)
{
    /// <summary>The model's visible text in this step.</summary>
    public string Text => Response.Text;

    public UsageDetails? Usage => Response.Usage;

    public bool HasToolCalls => ToolCalls.Count > 0;

    /// <summary>Set when the model called exit (the summary it gave).</summary>
    public string? ExitSummary => ToolCalls.FirstOrDefault(c => c.Outcome.ExitRequested)?.Outcome.ExitSummary;

    /// <summary>Cancellation arrived while tools ran: unfinished calls got an "interrupted" result.</summary>
    public bool Interrupted { get; init; }
}
