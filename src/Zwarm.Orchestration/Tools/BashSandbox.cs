// Whether the bash tool's commands run read-only, and through what: zwarm's own executable as the launcher (its
// hidden `__readonly-exec` verb) on a kernel with Landlock. The launcher is a separate process because the
// restriction is inherited by every thread a restricted thread starts: it is never applied inside a long-lived zwarm.
using Zwarm.Core.Sandbox;

namespace Zwarm.Orchestration.Tools;

public sealed record BashSandbox(string? Launcher, SandboxSupport Support)
{
    /// <summary>The hidden verb of zwarm that applies the ruleset and execs the shell.</summary>
    public const string Verb = "__readonly-exec";

    /// <summary>The config key that offers bash where it cannot be made read-only.</summary>
    public const string OptInKey = "bash_unsandboxed";

    /// <summary>Commands run read-only: writes outside the scratch dir fail.</summary>
    public bool Enforced => Launcher is not null && Support.Enforceable;

    /// <summary>Why commands cannot run read-only here; null when they can.</summary>
    public string? Problem => !Support.Enforceable
        ? Support.Problem
        : Launcher is null ? "zwarm's own executable (which runs the shell read-only) was not found beside this process" : null;

    /// <summary>This machine and this process: the kernel's Landlock ABI, and the zwarm executable to launch through.</summary>
    public static BashSandbox Detect() => new(FindLauncher(Environment.ProcessPath, AppContext.BaseDirectory), ReadOnlySandbox.Probe());

    /// <summary>
    /// The running zwarm (the lean `zwarm` beside `zwarm-llm` when there is one: it starts faster), else the `zwarm`
    /// apphost beside this assembly (a test host, `dotnet zwarm.dll`); null when there is none.
    /// </summary>
    internal static string? FindLauncher(string? processPath, string baseDirectory)
    {
        if (processPath is not null && Path.IsPathFullyQualified(processPath))
        {
            var name = Path.GetFileName(processPath);
            if (name == "zwarm-llm" && Path.Combine(Path.GetDirectoryName(processPath)!, "zwarm") is var lean && File.Exists(lean))
            {
                return lean;
            }
            if (name is "zwarm" or "zwarm-llm")
            {
                return processPath;
            }
        }
        var beside = Path.Combine(baseDirectory, "zwarm");
        return File.Exists(beside) ? beside : null;
    }
}
