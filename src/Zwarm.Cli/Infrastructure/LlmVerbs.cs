// The verbs that talk to or serve an LLM (orchestrate, pilot, and demo with its scripted model server) and the web
// faces (mcp, dashboard) carry the OpenAI / Anthropic clients, Microsoft.Extensions.AI, OpenTelemetry and Kestrel:
// in a Native AOT binary that is 25 MB of code whose type data the runtime rehydrates at every start, which more
// than doubled the start-up of `zwarm ls`. So the native install is two binaries side by side, like git's
// sub-executables: `zwarm` (built with ZwarmLlmVerbs=external) holds every other verb and, for these, a stand-in
// that replaces its own process with `zwarm-llm` (execv: same pid, terminal, signals and exit code); `zwarm-llm` is
// the full build. The framework-dependent build (./zwarm, the tests) runs everything in-process.
using System.CommandLine;
using Zwarm.Core;
using Zwarm.Core.Processes;

namespace Zwarm.Cli.Infrastructure;

internal static class LlmVerbs
{
    /// <summary>File name of the full binary next to a `zwarm` built with ZwarmLlmVerbs=external.</summary>
    public const string FullBinaryName = "zwarm-llm";

    /// <summary>Environment variable naming the full binary explicitly (default: zwarm-llm beside zwarm).</summary>
    public const string BinaryVariable = "ZWARM_LLM_BIN";

    /// <summary>Whether this build runs the LLM verbs itself.</summary>
#if ZWARM_LLM_EXTERNAL
    public const bool InProcess = false;
#else
    public const bool InProcess = true;
#endif

    /// <summary>A stand-in verb: the parser knows its name and description (help lists it); running it execs the full binary.</summary>
    public static Command StandIn(string name, string description) => new StandInCommand(name, description);

    /// <summary>True when <paramref name="command"/> is a stand-in: the whole command line goes to the full binary.</summary>
    public static bool IsStandIn(Command command) => command is StandInCommand;

    /// <summary>The full binary: $ZWARM_LLM_BIN, else zwarm-llm in the directory of the running executable.</summary>
    public static string Resolve(IReadOnlyDictionary<string, string?> environment, string? processPath)
    {
        if (environment.GetValueOrDefault(BinaryVariable) is { Length: > 0 } given)
        {
            return given;
        }
        var directory = Path.GetDirectoryName(processPath) ?? ".";
        return Path.Combine(directory, FullBinaryName);
    }

    /// <summary>
    /// Replaces this process with the full binary running the same command line. Returns only on failure, with a
    /// one-line <see cref="ZwarmException"/> (the binary is missing or cannot be run).
    /// </summary>
    public static ZwarmException Exec(string binary, string verb, IReadOnlyList<string> args, Terminal terminal)
    {
        if (!File.Exists(binary))
        {
            return new ZwarmException(ErrorKind.AgentMissing,
                $"'zwarm {verb}' runs in {binary}, which is missing: install both binaries with scripts/install.sh " +
                $"(or set {BinaryVariable})");
        }
        terminal.Out.Flush();
        terminal.Err.Flush();
        // argv[0] "zwarm": help and usage lines name the command the user typed, not zwarm-llm.
        var failure = ProcessImage.Replace(binary, ["zwarm", .. args]);
        return new ZwarmException(ErrorKind.AgentMissing, $"cannot run {binary} for 'zwarm {verb}': {failure}");
    }

    private sealed class StandInCommand : Command
    {
        public StandInCommand(string name, string description) : base(name, description)
        {
            TreatUnmatchedTokensAsErrors = false;
        }
    }
}
