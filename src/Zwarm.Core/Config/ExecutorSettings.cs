using Zwarm.Core.Agents;

namespace Zwarm.Core.Config;

/// <summary>[executor]: defaults for new sessions and how sessions are stopped.</summary>
public sealed record ExecutorSettings
{
    /// <summary>Adapter used when spawn/delegate names none.</summary>
    public string Adapter { get; init; } = "codex";

    /// <summary>Model used when none is given and the adapter's own settings name none; null lets the CLI decide.</summary>
    public string? Model { get; init; }

    public SandboxMode Sandbox { get; init; } = SandboxMode.WorkspaceWrite;

    /// <summary>How long `kill` waits after SIGINT (and again after SIGTERM) before escalating.</summary>
    public TimeSpan KillGrace { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>Default isolation of new sessions (spawn/exec): none, worktree or auto.</summary>
    public IsolationMode Isolation { get; init; } = IsolationMode.None;

    public static ExecutorSettings Read(ConfigSection? section)
    {
        var result = new ExecutorSettings();
        if (section is null)
        {
            return result;
        }
        var sandboxName = section.GetString("sandbox");
        var sandbox = result.Sandbox;
        if (sandboxName is not null && !SandboxModes.TryParse(sandboxName, out sandbox))
        {
            section.Error("sandbox", $"must be one of {string.Join(", ", SandboxModes.Names)}");
        }
        var grace = section.GetNumber("kill_grace_seconds");
        if (grace is < 0 or > 600)
        {
            section.Error("kill_grace_seconds", "must be between 0 and 600");
            grace = null;
        }
        var isolationName = section.GetString("isolation");
        var isolation = result.Isolation;
        if (isolationName is not null && !IsolationModes.TryParse(isolationName, out isolation))
        {
            section.Error("isolation", $"must be one of {string.Join(", ", IsolationModes.Names)}");
        }
        return result with
        {
            Isolation = isolation,
            Adapter = ZwarmConfig.NullIfEmpty(section.GetString("adapter")) ?? result.Adapter,
            Model = ZwarmConfig.NullIfEmpty(section.GetString("model")),
            Sandbox = sandbox,
            KillGrace = grace is { } g ? TimeSpan.FromSeconds(g) : result.KillGrace,
        };
    }
}
