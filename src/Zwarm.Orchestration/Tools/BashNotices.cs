// What zwarm says when bash was asked for on a machine that cannot make it read-only: plainly why, and the one
// setting that offers it anyway. Every face (orchestrate, pilot, `zwarm mcp --bash`) prints the same line.
namespace Zwarm.Orchestration.Tools;

public static class BashNotices
{
    /// <summary>The line to show when bash is <paramref name="requested"/> on this machine; null when it runs read-only.</summary>
    public static string? Current(bool requested, bool optedIn) =>
        requested && BashSandbox.Detect() is { Enforced: false } sandbox ? For(sandbox, optedIn) : null;

    internal static string For(BashSandbox sandbox, bool optedIn) => optedIn
        ? $"bash is NOT read-only here ({sandbox.Problem}): it is offered only because [orchestrator] {BashSandbox.OptInKey} = true"
        : $"bash is not offered: its commands cannot be made read-only here ({sandbox.Problem}); " +
          $"to offer it without that protection, set [orchestrator] {BashSandbox.OptInKey} = true";
}
