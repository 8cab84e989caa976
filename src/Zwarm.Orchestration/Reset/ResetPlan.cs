using Zwarm.Orchestration.Instances;

namespace Zwarm.Orchestration.Reset;

/// <summary>What a reset deletes: every session folder (damaged and half-made ones too), every instance, and with --all the files.</summary>
public sealed record ResetPlan(string StateDirectory, IReadOnlyList<string> SessionIds, IReadOnlyList<string> RunningSessionIds,
    IReadOnlyList<InstanceState> Instances, IReadOnlyList<string> Leftovers, IReadOnlyList<string> Files)
{
    public bool IsEmpty => SessionIds.Count == 0 && Instances.Count == 0 && Leftovers.Count == 0 && Files.Count == 0;

    /// <summary>"3 sessions and 1 instance ... in /p/.zwarm" for the question and the report.</summary>
    public string Summary =>
        $"{Count(SessionIds.Count, "session")} and {Count(Instances.Count, "instance")}" +
        (Leftovers.Count > 0 ? $" and {Count(Leftovers.Count, "leftover folder")}" : "") +
        (Files.Count > 0 ? $" and {string.Join(", ", Files.Select(Path.GetFileName))}" : "") + $" in {StateDirectory}";

    private static string Count(int n, string singular) => n == 1 ? $"1 {singular}" : $"{n} {singular}s";
}
