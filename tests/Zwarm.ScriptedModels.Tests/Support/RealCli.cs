// Shared set-up of the real-client tests: locate the pinned binaries (failing loudly when missing) and build the
// two CLIs' command lines.
using Zwarm.ScriptedModels.Agents;

namespace Zwarm.ScriptedModels.Tests.Support;

internal static class RealCli
{
    /// <summary>Per process: generous for 2 busy cores, far above the ~2 s a run takes.</summary>
    public static readonly TimeSpan ProcessTimeout = TimeSpan.FromSeconds(90);

    public static string Require(AgentCli cli)
    {
        var path = AgentBinaries.TryLocate(cli);
        Assert.True(path is not null,
            $"The real {AgentBinaries.ExecutableName(cli)} CLI is not installed. Run {AgentBinaries.InstallScript} from the " +
            $"repository root (or set {AgentBinaries.VariableFor(cli)}). RealClient tests never pass without it.");
        return path!;
    }

    public static bool IsRoot => Environment.UserName == "root" || GetEuid() == 0;

    public static string[] CodexExec(string prompt, params string[] options) =>
        ["exec", "--json", "--skip-git-repo-check", .. options, "--", prompt];

    public static string[] CodexResume(string threadId, string prompt, params string[] options) =>
        ["exec", "resume", "--json", "--skip-git-repo-check", .. options, threadId, prompt];

    public static string[] ClaudePrint(string prompt, params string[] options) =>
        ["-p", prompt, "--output-format", "stream-json", "--verbose", .. options];

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "geteuid")]
    private static extern uint GetEuid();
}
