namespace Zwarm.Bench.Processes;

/// <summary>Runs the zwarm binary under test as a measured child process (no colours; stdout to a file or /dev/null).</summary>
internal sealed class ZwarmProcess(BenchEnvironment env)
{
    public ChildResult Run(IReadOnlyList<string> args, string? stdoutPath = null, bool measureMemory = false) =>
        ChildProcess.Run([env.EnsureZwarm(), .. args], stdoutPath, env.ChildEnvironment, measureMemory);

    public ChildResult RunChecked(IReadOnlyList<string> args, string? stdoutPath = null, bool measureMemory = false) =>
        ChildProcess.RunChecked([env.EnsureZwarm(), .. args], stdoutPath, env.ChildEnvironment, measureMemory);
}
