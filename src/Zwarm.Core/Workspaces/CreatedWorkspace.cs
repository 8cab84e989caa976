using Zwarm.Core.Processes;

namespace Zwarm.Core.Workspaces;

/// <summary>A new session's worktree: what meta.json records, where the agent works, and the setup to run first.</summary>
internal sealed record CreatedWorkspace(SessionWorkspace Record, string WorkingDirectory, string? Setup)
{
    /// <summary>The agent's first turn, with worktree.setup run before it.</summary>
    public ProcessSpec Wrap(ProcessSpec spec) => WorktreeSetup.Wrap(spec, Setup);
}
