// What the tool surface may do, and on whose behalf. The orchestrator and pilot build one each; tests build their own.
using Zwarm.Core.Agents;
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

    /// <summary>
    /// delegate's default isolation (its `isolation` argument overrides it): auto gives each delegated session its own git
    /// worktree when the directory is in a git repository with a commit, so parallel delegated work never shares a tree.
    /// </summary>
    public Zwarm.Core.Config.IsolationMode Isolation { get; init; } = Zwarm.Core.Config.IsolationMode.Auto;

    /// <summary>converse and end_session only act on sessions of <see cref="Source"/> (reading any session stays allowed).</summary>
    public bool OwnSessionsOnly { get; init; } = true;

    public bool ExitEnabled { get; init; } = true;

    public bool BashEnabled { get; init; } = true;

    /// <summary>Offer bash even where its commands cannot be made read-only ([orchestrator] bash_unsandboxed).</summary>
    public bool BashUnsandboxed { get; init; }

    /// <summary>How bash commands run; null = detect this machine's (<see cref="BashSandbox.Detect"/>).</summary>
    public BashSandbox? Sandbox { get; init; }

    public TimeSpan BashTimeout { get; init; } = TimeSpan.FromMinutes(2);

    public int BashMaxOutputChars { get; init; } = 16_000;

    public TimeSpan MaxWait { get; init; } = TimeSpan.FromMinutes(30);

    public TimeSpan DefaultWait { get; init; } = TimeSpan.FromMinutes(5);

    public TimeSpan MaxSleep { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Only the inspection tools (no delegate, converse, end_session): `zwarm mcp --read-only`.</summary>
    public bool ReadOnly { get; init; }

    /// <summary>sleep and exit, which only make sense inside an LLM loop (off for MCP).</summary>
    public bool LoopToolsEnabled { get; init; } = true;

    /// <summary>The most access a delegated session may get; asking for more is refused, a higher default is lowered.</summary>
    public SandboxMode? MaxSandbox { get; init; }

    /// <summary>
    /// Which sessions count against <see cref="MaxRunningSessions"/>: those whose source starts with this prefix
    /// (MCP: "mcp:", every client's server process together); default exactly <see cref="Source"/>.
    /// </summary>
    public string? CountedSourcePrefix { get; init; }

    /// <summary>A lock file held while counting running sessions and starting one, so separate processes sharing the
    /// cap cannot both pass it (MCP); null = no cross-process lock (one orchestrator owns its source).</summary>
    public string? StartLockPath { get; init; }

    /// <summary>Whether these options offer <paramref name="tool"/>.</summary>
    public bool Offers(SessionTool tool) => tool.Kind switch
    {
        ToolKind.Inspect => true,
        ToolKind.Act => !ReadOnly,
        ToolKind.Shell => BashEnabled,
        ToolKind.Loop => LoopToolsEnabled && (tool.Name != ToolNames.Exit || ExitEnabled),
        _ => false,
    };

    /// <summary>Whether a session of <paramref name="source"/> counts against <see cref="MaxRunningSessions"/>.</summary>
    public bool Counts(string source) =>
        CountedSourcePrefix is { } prefix ? source.StartsWith(prefix, StringComparison.Ordinal) : source == Source;

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
        BashUnsandboxed = settings.BashUnsandboxed,
        BashTimeout = settings.BashTimeout,
        BashMaxOutputChars = settings.BashMaxOutputChars,
        MaxWait = settings.MaxWait,
        DefaultWait = settings.MaxWait < TimeSpan.FromMinutes(5) ? settings.MaxWait : TimeSpan.FromMinutes(5),
        MaxSleep = settings.MaxSleep,
        Isolation = settings.Isolation,
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
