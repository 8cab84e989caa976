// worktree.setup runs in the new worktree before the agent starts, inside the detached turn itself (so spawn still
// returns at once): the agent's command line is wrapped in a small POSIX script that runs the setup with its output
// sent to stderr (the turn's stderr file), and on failure ends the turn with the setup's exit code and a last line
// saying so (which becomes the turn's error).
using Zwarm.Core.Processes;

namespace Zwarm.Core.Workspaces;

internal static class WorktreeSetup
{
    internal const string Script = """
        setup=$1; shift
        printf 'zwarm: worktree setup: %s\n' "$setup" >&2
        out=$( /bin/sh -c "$setup" 2>&1 </dev/null ); rc=$?
        [ -n "$out" ] && printf '%s\n' "$out" >&2
        if [ "$rc" -ne 0 ]; then
          last=$(printf '%s\n' "$out" | awk 'NF { l = $0 } END { print l }')
          printf 'error: worktree setup failed (exit %s): %s\n' "$rc" "$last" >&2
          exit "$rc"
        fi
        exec "$@"
        """;

    /// <summary>The agent's process spec, preceded by <paramref name="setup"/> (unchanged when there is none).</summary>
    public static ProcessSpec Wrap(ProcessSpec spec, string? setup)
    {
        if (string.IsNullOrWhiteSpace(setup))
        {
            return spec;
        }
        return spec with
        {
            Executable = "/bin/sh",
            Arguments = ["-c", Script, "zwarm-setup", setup, spec.Executable, .. spec.Arguments],
        };
    }
}
