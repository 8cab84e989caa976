namespace Zwarm.ScriptedModels.Agents;

/// <summary>Settings for <see cref="AgentCliEnvironment.ForClaude"/>.</summary>
public sealed record ClaudeEnvironmentOptions
{
    public string ApiKey { get; init; } = AgentCliEnvironment.DefaultApiKey;

    /// <summary>Sets <c>ANTHROPIC_MODEL</c> when given; Claude Code otherwise asks for its own default model.</summary>
    public string? Model { get; init; }

    /// <summary>
    /// Sets <c>IS_SANDBOX=1</c>, without which Claude Code refuses <c>--dangerously-skip-permissions</c> and
    /// <c>--permission-mode bypassPermissions</c> when running as root (only the value <c>1</c> works).
    /// </summary>
    public bool IsSandbox { get; init; }

    /// <summary>
    /// Points <c>HOME</c> at a fresh folder: hermetic runs (tests, the demo) that do not read the user's dotfiles.
    /// It also makes Claude Code's Bash tool faster when the user's shell profile is slow (Claude Code snapshots a
    /// login shell; a profile running <c>pyenv init</c> added ~2.5 s per run on the build machine).
    /// Real sessions should keep the user's HOME (git identity, credentials, tool caches).
    /// </summary>
    public bool IsolatedHome { get; init; }
}
