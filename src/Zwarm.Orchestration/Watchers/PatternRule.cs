using System.Text.RegularExpressions;

namespace Zwarm.Orchestration.Watchers;

/// <summary>
/// [watchers.pattern.rules.NAME]: when <see cref="Pattern"/> matches the <see cref="Target"/> of a step, do
/// <see cref="Action"/> with <see cref="Message"/>. Targets: all, text, tool_calls, tool_results, bash.
/// </summary>
public sealed record PatternRule(string Name, Regex Pattern, WatcherAction Action, string? Message, string Target = "all")
{
    public static IReadOnlyList<string> Targets { get; } = ["all", "text", "tool_calls", "tool_results", "bash"];
}
