// Shared set-up of the real-client tests: locate the pinned binaries (failing loudly when missing) and build the
// two CLIs' command lines.
using Zwarm.ScriptedModels.Agents;

namespace Zwarm.ScriptedModels.Tests.Support;

internal static class RealCli
{
    /// <summary>
    /// The real-client classes are split over two xunit collections, so at most two run at a time: on 2 cores, five
    /// classes at once made single CLI runs take 5x longer, while one at a time left a core idle.
    /// </summary>
    public const string Collection = "Real agent CLIs";

    /// <summary>The second lane, for the long Claude permission matrix and the 4-CLI concurrency test.</summary>
    public const string SecondCollection = "Real agent CLIs (second lane)";

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

    /// <summary>Hermetic: a fresh HOME too, so the machine's dotfiles neither leak in nor slow the Bash tool down.</summary>
    public static AgentCliEnvironment ClaudeEnvironment(ScriptedModelServer server, string directory, bool isSandbox = false) =>
        AgentCliEnvironment.ForClaude(server.BaseUrl, directory, new ClaudeEnvironmentOptions { IsSandbox = isSandbox, IsolatedHome = true });

    public static AgentCliEnvironment CodexEnvironment(ScriptedModelServer server, string directory) =>
        AgentCliEnvironment.ForCodex(server.BaseUrl, directory, new CodexEnvironmentOptions { IsolatedHome = true });

    public static AgentCliEnvironment QwenEnvironment(ScriptedModelServer server, string directory) =>
        AgentCliEnvironment.ForQwen(server.BaseUrl, directory, new QwenEnvironmentOptions { IsolatedHome = true });

    /// <summary>Qwen Code's headless command line: the "=" form keeps a prompt starting with '-' a value.</summary>
    public static string[] QwenPrompt(string prompt, params string[] options) =>
        ["--output-format", "stream-json", .. options, "--prompt=" + prompt];

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
