using Microsoft.Extensions.AI;

namespace Zwarm.Orchestration.Compaction;

/// <summary>The conversation after compaction, and what was dropped.</summary>
internal sealed record CompactionResult(IReadOnlyList<ChatMessage> Messages, int RemovedMessages, int TokensBefore, int TokensAfter);
