// How zwarm's sandbox modes map onto Claude Code (2.1.330) permission flags. Kept in one place so it is easy to
// adjust as the empirical findings about print mode evolve. Observed in print mode (-p) against a local model server:
//   read-only          default mode: a Bash command that writes ("echo x > f", touch) is denied with a
//                      system/permission_denied event, and so is Write; the write tools are also removed outright.
//                      "default" is passed explicitly so a defaultMode in the user's settings cannot loosen it
//                      (2.1.330 lists "manual" as its name but still accepts "default", as older versions need).
//   workspace-write    acceptEdits: Write/Edit and file-changing Bash commands inside the working directory run;
//                      commands reaching outside it (ls /elsewhere) are still denied.
//   danger-full-access --dangerously-skip-permissions (bypassPermissions). Claude refuses it when run as root
//                      unless IS_SANDBOX=1 is set; zwarm does not set that itself (use [adapters.claude_code] env).
namespace Zwarm.Core.Agents.Claude;

internal static class ClaudePermissionFlags
{
    /// <summary>The tools that edit files, removed in read-only mode.</summary>
    public const string WriteTools = "Write,Edit,MultiEdit,NotebookEdit";

    public static IReadOnlyList<string> For(SandboxMode mode) => mode switch
    {
        SandboxMode.ReadOnly => ["--permission-mode", "default", "--disallowedTools", WriteTools],
        SandboxMode.WorkspaceWrite => ["--permission-mode", "acceptEdits"],
        SandboxMode.DangerFullAccess => ["--dangerously-skip-permissions"],
        _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, null),
    };
}
