// How zwarm's sandbox modes map onto Qwen Code's approval modes (0.24.4). In headless mode Qwen does not offer the
// model any tool that would need an approval, so the mode decides which tools exist at all. Observed against a local
// model server (the tools listed in the request):
//   read-only          --approval-mode default: no run_shell_command, write_file, edit or notebook_edit (read_file,
//                      glob, grep_search, agent, ... remain). A call to a missing tool is refused ("requires
//                      permission ... declined") and listed in result.permission_denials. Passed explicitly because
//                      Qwen's own default is "auto", where an LLM classifier (extra model calls) approves actions.
//   workspace-write    --approval-mode auto-edit plus --allowed-tools=run_shell_command: file edits are approved, and
//                      shell commands run. NOT exact: Qwen has no per-run way to confine commands to the working
//                      directory. Its bubblewrap "tools.executionSandbox" (filesystem "workspace-write") does that, but
//                      only from the user's or system settings, never from a flag; zwarm leaves it to the user.
//   danger-full-access --approval-mode yolo: everything is approved (Qwen prints a one-line warning on stderr).
namespace Zwarm.Core.Agents.Qwen;

internal static class QwenApprovalFlags
{
    /// <summary>Qwen Code's shell tool.</summary>
    public const string ShellTool = "run_shell_command";

    public static IReadOnlyList<string> For(SandboxMode mode) => mode switch
    {
        SandboxMode.ReadOnly => ["--approval-mode", "default"],
        // The "=" form: --allowed-tools takes a list and would swallow a following argument.
        SandboxMode.WorkspaceWrite => ["--approval-mode", "auto-edit", "--allowed-tools=" + ShellTool],
        SandboxMode.DangerFullAccess => ["--approval-mode", "yolo"],
        _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, null),
    };
}
