// The verbs that talk to or serve an LLM (orchestrate, pilot, and demo with its scripted model server) and the web
// faces (mcp --http, dashboard) carry the OpenAI / Anthropic clients, Microsoft.Extensions.AI, OpenTelemetry and
// Kestrel, and `mcp` the MCP SDK: in a Native AOT binary that is code whose type data the runtime rehydrates at every
// start, which more than doubled the start-up of `zwarm ls`. So the native install is several binaries side by side,
// like git's sub-executables: `zwarm` (built with ZwarmLlmVerbs=external) holds every other verb and, for these, a
// stand-in that replaces its own process with the binary of the table below (execv: same pid, terminal, signals and
// exit code). The framework-dependent build (./zwarm, the tests) runs everything in-process.
using System.CommandLine;
using System.CommandLine.Parsing;
using Zwarm.Core;
using Zwarm.Core.Processes;

namespace Zwarm.Cli.Infrastructure;

internal static class HandOff
{
    /// <summary>Whether this build runs the handed-off verbs itself.</summary>
#if ZWARM_LLM_EXTERNAL
    public const bool InProcess = false;
#else
    public const bool InProcess = true;
#endif

    /// <summary>
    /// Which binary runs a stand-in verb, first matching row first: <c>When</c> sees the tokens after the verb.
    /// `mcp` serving stdio goes to zwarm-mcp; `mcp --http`, `mcp install` and help go to the full binary.
    /// </summary>
    internal static readonly (string Verb, SiblingBinary Binary, Func<IReadOnlyList<string>, bool>? When)[] Table =
    [
        ("mcp", SiblingBinary.Mcp, ServesStdio),
        ("mcp", SiblingBinary.Llm, null),
        ("orchestrate", SiblingBinary.Llm, null),
        ("pilot", SiblingBinary.Llm, null),
        ("demo", SiblingBinary.Llm, null),
        ("dashboard", SiblingBinary.Llm, null),
    ];

    /// <summary>A stand-in verb: the parser knows its name and description (help lists it); running it execs its binary.</summary>
    public static Command StandIn(string name, string description) => new StandInCommand(name, description);

    /// <summary>True when <paramref name="command"/> is a stand-in: the whole command line goes to another binary.</summary>
    public static bool IsStandIn(Command command) => command is StandInCommand;

    /// <summary>The binary that runs <paramref name="verb"/> with <paramref name="rest"/> (the tokens after it).</summary>
    public static SiblingBinary Target(string verb, IReadOnlyList<string> rest)
    {
        foreach (var (name, binary, when) in Table)
        {
            if (name == verb && (when is null || when(rest)))
            {
                return binary;
            }
        }
        return SiblingBinary.Llm;
    }

    /// <summary>
    /// Runs the stand-in <paramref name="parse"/> ended on: replaces this process with its binary running the same
    /// command line. Returns only on failure: the exit code, after one line on stderr.
    /// </summary>
    public static int Run(ParseResult parse, IReadOnlyList<string> args, IReadOnlyDictionary<string, string?> environment,
        string? processPath, Terminal terminal)
    {
        var verb = parse.CommandResult.Command.Name;
        var binary = Target(verb, TokensAfter(parse, verb));
        var failure = Exec(binary, environment, processPath, verb, args, terminal);
        terminal.Error(failure.Message);
        return ExitCodes.For(failure.Kind);
    }

    /// <summary>
    /// Replaces this process with <paramref name="binary"/> running the same command line. Returns only on failure,
    /// with a one-line <see cref="ZwarmException"/> of kind <see cref="ErrorKind.BinaryMissing"/>.
    /// </summary>
    public static ZwarmException Exec(SiblingBinary binary, IReadOnlyDictionary<string, string?> environment, string? processPath,
        string verb, IReadOnlyList<string> args, Terminal terminal)
    {
        var path = binary.Resolve(environment, processPath);
        if (!File.Exists(path))
        {
            var where = binary.NamedByVariable(environment)
                ? $"${binary.Variable} names {path}, which does not exist (unset it to use the one beside zwarm)"
                : $"looked for {path}, beside zwarm (${binary.Variable} names another)";
            return new ZwarmException(ErrorKind.BinaryMissing,
                $"'zwarm {verb}' runs in {binary.FileName}, which is missing: {where}; install zwarm with " +
                "scripts/install.sh or as the .NET tool (dotnet tool install -g zwarm), which put the binaries side by side");
        }
        terminal.Out.Flush();
        terminal.Err.Flush();
        // argv[0] "zwarm": help and usage lines name the command the user typed, not zwarm-llm.
        var failure = ProcessImage.Replace(path, ["zwarm", .. args]);
        return new ZwarmException(ErrorKind.BinaryMissing, $"cannot run {path} for 'zwarm {verb}': {failure}");
    }

    /// <summary>`mcp` serving stdio: not `mcp install`, and no option that only the full binary has (help included).</summary>
    private static bool ServesStdio(IReadOnlyList<string> rest) =>
        !(rest.Count > 0 && rest[0] == "install")
        && !rest.Any(t => t is "--http" or "--port" or "--token-file" or "-h" or "--help" or "-?" or "/?" or "/h" or "--version");

    /// <summary>The words of the command line after the verb's own token.</summary>
    internal static List<string> TokensAfter(ParseResult parse, string verb)
    {
        var tokens = parse.Tokens;
        var at = -1;
        for (var i = 0; i < tokens.Count && at < 0; i++)
        {
            if (tokens[i].Type == TokenType.Command && tokens[i].Value == verb)
            {
                at = i;
            }
        }
        return [.. tokens.Skip(at + 1).Select(t => t.Value)];
    }

    private sealed class StandInCommand : Command
    {
        public StandInCommand(string name, string description) : base(name, description)
        {
            TreatUnmatchedTokensAsErrors = false;
        }
    }
}
