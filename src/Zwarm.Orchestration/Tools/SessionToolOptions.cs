// What the tool surface may do, and on whose behalf. The orchestrator and pilot build one each; tests build their own.
using Zwarm.Orchestration.Config;

namespace Zwarm.Orchestration.Tools;

public sealed record SessionToolOptions
{
    /// <summary>Recorded on every session started through the tools: "orchestrator:&lt;instance&gt;", "pilot:&lt;id&gt;".</summary>
    public required string Source { get; init; }

    /// <summary>Absolute directories (subfolders included) that sessions may work in.</summary>
    public required IReadOnlyList<string> AllowedDirectories { get; init; }

    /// <summary>Where bash runs and where sessions work when no working_dir is given.</summary>
    public required string WorkingDirectory { get; init; }

    /// <summary>Sessions of this source that may run at once.</summary>
    public int MaxRunningSessions { get; init; } = 8;

    /// <summary>converse and end_session only act on sessions of <see cref="Source"/> (reading any session stays allowed).</summary>
    public bool OwnSessionsOnly { get; init; } = true;

    public bool ExitEnabled { get; init; } = true;

    public bool BashEnabled { get; init; } = true;

    public TimeSpan BashTimeout { get; init; } = TimeSpan.FromMinutes(2);

    public int BashMaxOutputChars { get; init; } = 16_000;

    public TimeSpan MaxWait { get; init; } = TimeSpan.FromMinutes(30);

    public TimeSpan DefaultWait { get; init; } = TimeSpan.FromMinutes(5);

    public TimeSpan MaxSleep { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Options from [orchestrator]: <see cref="OrchestratorSettings.AllowedDirs"/> are resolved against
    /// <paramref name="projectDirectory"/>.
    /// </summary>
    public static SessionToolOptions From(OrchestratorSettings settings, string source, string projectDirectory,
        string workingDirectory) => new()
    {
        Source = source,
        AllowedDirectories = [.. settings.AllowedDirs.Select(d => Path.GetFullPath(ExpandHome(d), projectDirectory))],
        WorkingDirectory = workingDirectory,
        MaxRunningSessions = settings.MaxRunningSessions,
        BashEnabled = settings.BashEnabled,
        BashTimeout = settings.BashTimeout,
        BashMaxOutputChars = settings.BashMaxOutputChars,
        MaxWait = settings.MaxWait,
        DefaultWait = settings.MaxWait < TimeSpan.FromMinutes(5) ? settings.MaxWait : TimeSpan.FromMinutes(5),
        MaxSleep = settings.MaxSleep,
    };

    /// <summary>The project directory of a state directory: the folder holding `.zwarm`, else the working directory.</summary>
    public static string ProjectDirectory(string stateDirectory, string workingDirectory) =>
        Path.GetFileName(stateDirectory.TrimEnd('/')) == ".zwarm" && Path.GetDirectoryName(stateDirectory.TrimEnd('/')) is { } parent
            ? parent
            : workingDirectory;

    private static string ExpandHome(string path) =>
        path == "~" || path.StartsWith("~/", StringComparison.Ordinal)
            ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), path.TrimStart('~').TrimStart('/'))
            : path;
}
