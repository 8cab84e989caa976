// How zwarm's sandbox modes map onto Gemini CLI (0.61.0) approval modes. In headless mode (-p) Gemini CLI never asks:
// a tool that would need a confirmation is simply not offered to the model. Observed against a local model server:
//   read-only          --approval-mode default: only read tools (list_directory, read_file, grep_search, glob,
//                      google_web_search, ...); no run_shell_command, write_file, replace or web_fetch. Passed
//                      explicitly so a defaultApprovalMode in the user's settings cannot loosen it.
//   workspace-write    --approval-mode auto_edit: adds write_file and replace (paths confined to the workspace
//                      directories) and web_fetch, but still NO shell: unlike Codex's workspace-write the agent cannot
//                      run builds or tests. Gemini's own OS sandbox (-s) needs Docker/Podman or macOS Seatbelt, so
//                      "shell confined to the workspace" cannot be expressed exactly; use danger-full-access when the
//                      agent must run commands (not `--yolo` in [adapters.gemini] args: Gemini CLI refuses --yolo
//                      together with --approval-mode).
//   danger-full-access --yolo: every tool, shell included, auto-approved, unconfined.
namespace Zwarm.Core.Agents.Gemini;

internal static class GeminiApprovalFlags
{
    public static IReadOnlyList<string> For(SandboxMode mode) => mode switch
    {
        SandboxMode.ReadOnly => ["--approval-mode", "default"],
        SandboxMode.WorkspaceWrite => ["--approval-mode", "auto_edit"],
        SandboxMode.DangerFullAccess => ["--yolo"],
        _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, null),
    };
}
