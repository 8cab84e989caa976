using Zwarm.Orchestration.Instances;

namespace Zwarm.Orchestration.Reset;

/// <summary>What a reset deletes: every session folder (damaged and half-made ones too), every instance, and with --all the files.</summary>
public sealed record ResetPlan(string StateDirectory, IReadOnlyList<string> SessionIds, IReadOnlyList<string> RunningSessionIds,
    IReadOnlyList<InstanceState> Instances, IReadOnlyList<string> Leftovers, IReadOnlyList<string> Files)
{
    public bool IsEmpty => SessionIds.Count == 0 && Instances.Count == 0 && Leftovers.Count == 0 && Files.Count == 0;

    /// <summary>"3 session(s) and 1 instance(s) ... in /p/.zwarm" for the question and the report.</summary>
    public string Summary =>
        $"{SessionIds.Count} session(s) and {Instances.Count} instance(s)" +
        (Leftovers.Count > 0 ? $" and {Leftovers.Count} leftover folder(s)" : "") +
        (Files.Count > 0 ? $" and {string.Join(", ", Files.Select(Path.GetFileName))}" : "") + $" in {StateDirectory}";
}
