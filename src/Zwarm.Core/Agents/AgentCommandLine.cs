// Recognising an agent CLI in /proc/PID/cmdline: the npm-installed CLIs run as `node /path/bin/<name> ...` (or
// `<name>.js`), a native build as `/path/<name> ...` (or `<name>-<target triple>`). Only the program and, for an
// interpreter, its script are looked at, so `sleep 100 codex` is not taken for Codex.
namespace Zwarm.Core.Agents;

internal static class AgentCommandLine
{
    /// <summary>True when argv[0], or argv[1] after an interpreter, names <paramref name="executable"/>.</summary>
    public static bool Runs(IReadOnlyList<string> arguments, string executable)
    {
        if (arguments.Count == 0)
        {
            return false;
        }
        if (Names(arguments[0], executable))
        {
            return true;
        }
        var program = Path.GetFileName(arguments[0]);
        var interpreted = program.StartsWith("node", StringComparison.Ordinal) || program.StartsWith("bun", StringComparison.Ordinal)
            || program.StartsWith("python", StringComparison.Ordinal);
        return interpreted && arguments.Count > 1 && Names(arguments[1], executable);
    }

    private static bool Names(string argument, string executable)
    {
        var name = Path.GetFileName(argument);
        return name == executable || name.StartsWith(executable + ".", StringComparison.Ordinal)
            || name.StartsWith(executable + "-", StringComparison.Ordinal);
    }
}
