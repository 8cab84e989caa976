// Model calls an agent CLI makes on its own, beside the agent's turn: they must not take a scripted reply meant for
// the turn, nor count among the server's ModelCalls. Known (checked against the pinned CLIs):
//   Qwen Code 0.24.4: the managed auto-memory extraction and auto-dream consolidation requests, sent after a turn
//   when the user's settings enable them (the default; AgentCliEnvironment.ForQwen turns them off); known by the
//   opening words of their system prompts.
// They get a short plain answer with zero usage, so they add nothing to what the CLI reports.
using Zwarm.ScriptedModels.Requests;
using Zwarm.ScriptedModels.Scripting;

namespace Zwarm.ScriptedModels.Hosting;

internal static class SideRequests
{
    public static readonly ScriptedReply Reply =
        Scripting.Reply.Text("Nothing to do.") with { Usage = new ReplyUsage(0, 0) };

    // The opening words of the system prompts of Qwen Code's memory subagents (extraction, dream).
    private static readonly string[] QwenMemoryPrompts =
    [
        "You are now acting as the managed memory extraction subagent",
        "You are performing a managed memory dream",
    ];

    /// <summary>Why the request is a side request ("qwen managed memory"), or null when it is the agent's own call.</summary>
    public static string? Reason(IReadOnlyList<ModelMessage> messages) =>
        messages.Count > 0 && messages[0].Role == "system"
        && QwenMemoryPrompts.Any(p => messages[0].Text.StartsWith(p, StringComparison.Ordinal))
            ? "qwen managed memory"
            : null;
}
