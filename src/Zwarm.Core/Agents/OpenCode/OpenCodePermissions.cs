// zwarm's sandbox modes in opencode's permission model. opencode has no OS sandbox: a permission is "allow", "ask" or
// "deny" per tool (bash, edit — which covers write/patch —, external_directory for paths outside the working
// directory, ...). Headless, an "ask" is auto-REJECTED (stderr "permission requested: ...; auto-rejecting"), which ends
// the turn with exit 0; `--auto` approves every ask that is not explicitly denied. The mode is passed as
// OPENCODE_PERMISSION, JSON that opencode merges over the user's own config (checked with 1.18.33):
// - read-only: bash and edit "deny", so the model is not even offered bash/edit/write/apply_patch.
// - workspace-write: external_directory "deny" (file tools refuse paths outside the working directory and the model is
//   told); bash and edit keep the user's settings (opencode's default: allow). NOT exact: a bash command can still
//   write anywhere the user can, and reads outside the working directory are refused too.
// - danger-full-access: `--auto`, everything the user's config does not deny is allowed.
namespace Zwarm.Core.Agents.OpenCode;

internal static class OpenCodePermissions
{
    public const string Variable = "OPENCODE_PERMISSION";

    /// <summary>The OPENCODE_PERMISSION value for <paramref name="mode"/>; null leaves the variable as it is.</summary>
    public static string? Json(SandboxMode mode) => mode switch
    {
        SandboxMode.ReadOnly => """{"bash":"deny","edit":"deny"}""",
        SandboxMode.WorkspaceWrite => """{"external_directory":"deny"}""",
        _ => null,
    };

    public static IReadOnlyList<string> Arguments(SandboxMode mode) => mode == SandboxMode.DangerFullAccess ? ["--auto"] : [];
}
