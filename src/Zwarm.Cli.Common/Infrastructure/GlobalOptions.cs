using System.CommandLine;

namespace Zwarm.Cli.Infrastructure;

/// <summary>Options every command accepts (anywhere on the line).</summary>
internal static class GlobalOptions
{
    public static readonly Option<string?> StateDir = new("--state-dir")
    {
        Description = "State directory (default: the nearest .zwarm folder, or ./.zwarm; env ZWARM_STATE_DIR)",
        Recursive = true,
    };

    public static readonly Option<string?> Config = new("--config")
    {
        Description = "Config file to use instead of <state-dir>/config.toml",
        Recursive = true,
    };

    public static readonly Option<string[]> Set = new("--set")
    {
        Description = "Override a config value, e.g. --set executor.model=gpt-5.1-codex (repeatable)",
        Recursive = true,
        AllowMultipleArgumentsPerToken = false,
    };

    public static void AddTo(RootCommand root)
    {
        root.Options.Add(StateDir);
        root.Options.Add(Config);
        root.Options.Add(Set);
    }
}
