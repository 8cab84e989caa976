using System.CommandLine;

namespace Zwarm.Cli.Infrastructure;

/// <summary>
/// The values of the global options (<see cref="GlobalOptions"/>) for one invocation, after what an enclosing
/// invocation (the REPL's own command line) gave is filled in.
/// </summary>
internal sealed record GlobalValues(string? StateDir, string? Config, IReadOnlyList<string> Sets)
{
    public static readonly GlobalValues None = new(null, null, []);

    public static GlobalValues From(ParseResult parse, GlobalValues defaults) => new(
        parse.GetValue(GlobalOptions.StateDir) ?? defaults.StateDir,
        parse.GetValue(GlobalOptions.Config) ?? defaults.Config,
        [.. defaults.Sets, .. parse.GetValue(GlobalOptions.Set) ?? []]);
}
