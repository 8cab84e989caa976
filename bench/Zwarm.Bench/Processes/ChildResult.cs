namespace Zwarm.Bench.Processes;

/// <summary>How one child process ended and what it cost: wall time, CPU time (user + system), peak RSS.</summary>
internal sealed record ChildResult(int ExitCode, double WallMs, double CpuMs, long MaxRssKb);
