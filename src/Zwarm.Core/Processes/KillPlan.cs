namespace Zwarm.Core.Processes;

/// <summary>
/// What a kill signals, proven beforehand: a process group (null when the target is a single process), and processes
/// outside it (each signalled only while it is still the same process, same start time, as when the plan was made).
/// </summary>
internal sealed record KillPlan(int? ProcessGroup, IReadOnlyList<ProcessStat> Others);
