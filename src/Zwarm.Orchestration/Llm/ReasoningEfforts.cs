using Microsoft.Extensions.AI;

namespace Zwarm.Orchestration.Llm;

/// <summary>Config/flag names of reasoning effort levels.</summary>
internal static class ReasoningEfforts
{
    public static IReadOnlyList<string> Names { get; } = ["none", "low", "medium", "high", "xhigh"];

    public static bool TryParse(string? text, out ReasoningEffort effort)
    {
        switch (text?.Trim().ToLowerInvariant())
        {
            case "none" or "off":
                effort = ReasoningEffort.None;
                return true;
            case "low" or "minimal":
                effort = ReasoningEffort.Low;
                return true;
            case "medium":
                effort = ReasoningEffort.Medium;
                return true;
            case "high":
                effort = ReasoningEffort.High;
                return true;
            case "xhigh" or "extra-high" or "extra_high" or "max":
                effort = ReasoningEffort.ExtraHigh;
                return true;
            default:
                effort = ReasoningEffort.Medium;
                return false;
        }
    }

    public static string ToName(this ReasoningEffort effort) => effort switch
    {
        ReasoningEffort.None => "none",
        ReasoningEffort.Low => "low",
        ReasoningEffort.High => "high",
        ReasoningEffort.ExtraHigh => "xhigh",
        _ => "medium",
    };
}
