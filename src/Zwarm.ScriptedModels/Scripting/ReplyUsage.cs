namespace Zwarm.ScriptedModels.Scripting;

/// <summary>Token usage reported with a reply. Unset, the server reports input 100 + call number, output 20.</summary>
public sealed record ReplyUsage(int InputTokens, int OutputTokens, int CachedInputTokens = 0, int ReasoningTokens = 0)
{
    public int TotalTokens => InputTokens + OutputTokens;

    /// <summary>The deterministic default for the n-th model call of a server.</summary>
    public static ReplyUsage DefaultFor(int callNumber) => new(100 + callNumber, 20);
}
