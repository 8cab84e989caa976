// The mutable state of one run of an instance while the loop drives it: conversation, step records, usage, the
// instance's files (event log, run lock). Owned by a single Orchestrator.RunAsync call.
using Microsoft.Extensions.AI;
using Zwarm.Core.Events;
using Zwarm.Core.Sessions;
using Zwarm.Orchestration.Instances;
using Zwarm.Orchestration.Tools;

namespace Zwarm.Orchestration.Loop;

internal sealed class OrchestratorRun(InstanceState state, List<ChatMessage> messages, SessionTools tools, ChatEngine engine,
    EventLog events, FileLock runLock) : IDisposable
{
    /// <summary>System prompt and task: never compacted away.</summary>
    public const int ProtectedHead = 2;

    public InstanceState State { get; set; } = state;

    public List<ChatMessage> Messages { get; set; } = messages;

    public SessionTools Tools { get; } = tools;

    public ChatEngine Engine { get; } = engine;

    public EventLog Events { get; } = events;

    public List<StepRecord> History { get; init; } = [];

    /// <summary>Messages added since the last checkpoint, for the append-only transcript.</summary>
    public List<ChatMessage> Untranscribed { get; } = [];

    public TokenUsage Usage { get; set; } = TokenUsage.Zero;

    /// <summary>The input tokens the provider reported for the last call (a better context estimate than ours).</summary>
    public long? LastInputTokens { get; set; }

    public int RunSteps { get; set; }

    public required int MaxSteps { get; init; }

    /// <summary>The step being worked on (for event stamps).</summary>
    public int CurrentStep { get; set; }

    public long StartedAt { get; init; }

    public void Add(ChatMessage message)
    {
        Messages.Add(message);
        Untranscribed.Add(message);
    }

    public void Dispose()
    {
        Events.Dispose();
        runLock.Dispose();
    }
}
