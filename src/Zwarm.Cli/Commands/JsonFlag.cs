using System.CommandLine;

namespace Zwarm.Cli.Commands;

internal static class JsonFlag
{
    public static Option<bool> Create() => new("--json")
    {
        Description = "Print JSON data on stdout (messages go to stderr)",
    };
}
