// Reasoning effort -> extended thinking. The API wants budget_tokens >= 1024 and max_tokens > budget_tokens;
// an explicit output limit is respected (the budget shrinks, leaving room for the answer), the default one grows.
using Microsoft.Extensions.AI;

namespace Zwarm.Orchestration.Llm.Anthropic;

internal static class ThinkingBudget
{
    /// <summary>The smallest budget the API accepts.</summary>
    public const int Minimum = 1024;

    /// <summary>Tokens kept for the visible answer and tool calls beyond the thinking budget.</summary>
    public const int AnswerRoom = 4096;

    public static int? For(ReasoningEffort? effort) => effort switch
    {
        null or ReasoningEffort.None => null,
        ReasoningEffort.Low => 2048,
        ReasoningEffort.Medium => 8192,
        ReasoningEffort.High => 16384,
        _ => 32768,
    };

    /// <summary>
    /// max_tokens and the thinking budget for a call: <paramref name="explicitMax"/> (ChatOptions.MaxOutputTokens) is
    /// kept as given and caps the budget; otherwise <paramref name="defaultMax"/> is raised when the budget needs it.
    /// A null budget means no thinking (none asked for, or no room for it under an explicit limit).
    /// </summary>
    public static (int MaxTokens, int? Budget) Fit(ReasoningEffort? effort, int? explicitMax, int defaultMax)
    {
        var budget = For(effort);
        if (budget is not { } wanted)
        {
            return (explicitMax ?? defaultMax, null);
        }
        if (explicitMax is { } max)
        {
            var room = Math.Min(wanted, max - Math.Min(AnswerRoom, max / 2));
            return room >= Minimum ? (max, room) : (max, null);
        }
        return (Math.Max(defaultMax, wanted + AnswerRoom), wanted);
    }
}
