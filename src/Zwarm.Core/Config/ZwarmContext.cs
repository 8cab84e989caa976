// The execution context every service gets: where the state lives, where the user is, the environment agents
// inherit, the clock, and the config. Tests build one over a temp dir and a fake TimeProvider.
using System.Collections;

namespace Zwarm.Core.Config;

public sealed record ZwarmContext
{
    /// <summary>Absolute path of the state directory (normally &lt;project&gt;/.zwarm).</summary>
    public required string StateDirectory { get; init; }

    /// <summary>The directory zwarm was invoked from; the default working directory of new sessions.</summary>
    public required string WorkingDirectory { get; init; }

    /// <summary>The environment agent processes inherit (zwarm's own, captured once).</summary>
    public required IReadOnlyDictionary<string, string?> Environment { get; init; }

    public TimeProvider Time { get; init; } = TimeProvider.System;

    public ZwarmConfig Config { get; init; } = ZwarmConfig.Default;

    /// <summary>
    /// zwarm's own executable, which a turn's supervisor runs as `__finalize` right after the agent exits, so the turn
    /// is recorded at once; null (tests, a host that is not zwarm) leaves it to the next zwarm that reads the session.
    /// </summary>
    public string? FinalizerPath { get; init; }

    public string SessionsDirectory => Path.Combine(StateDirectory, "sessions");

    public string ConfigPath => Path.Combine(StateDirectory, "config.toml");

    /// <summary>A snapshot of this process's environment.</summary>
    public static IReadOnlyDictionary<string, string?> CaptureEnvironment()
    {
        var env = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in System.Environment.GetEnvironmentVariables())
        {
            env[(string)entry.Key] = entry.Value as string;
        }
        return env;
    }

    /// <summary>
    /// The state directory to use: an explicit path, else $ZWARM_STATE_DIR, else the nearest `.zwarm` directory
    /// in <paramref name="workingDirectory"/> or its parents (like git), else &lt;workingDirectory&gt;/.zwarm.
    /// One owned by another user is refused (<see cref="StateDirectoryOwnership"/>), however it was found.
    /// </summary>
    public static string ResolveStateDirectory(string? explicitPath, string workingDirectory,
        IReadOnlyDictionary<string, string?> environment)
    {
        var dir = FindStateDirectory(explicitPath, workingDirectory, environment);
        StateDirectoryOwnership.Check(dir, environment);
        return dir;
    }

    /// <summary>Where the state directory is (no ownership check: for reports that name a refused one).</summary>
    public static string FindStateDirectory(string? explicitPath, string workingDirectory,
        IReadOnlyDictionary<string, string?> environment)
    {
        if (!string.IsNullOrWhiteSpace(explicitPath))
        {
            return Path.GetFullPath(explicitPath, workingDirectory);
        }
        if (environment.TryGetValue("ZWARM_STATE_DIR", out var fromEnv) && !string.IsNullOrWhiteSpace(fromEnv))
        {
            return Path.GetFullPath(fromEnv, workingDirectory);
        }
        for (var dir = new DirectoryInfo(workingDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, ".zwarm");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }
        return Path.Combine(workingDirectory, ".zwarm");
    }
}
