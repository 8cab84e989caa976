using System.CommandLine;

namespace Zwarm.Cli.Commands;

/// <summary>`--wide`: a table with every column in full, even where the terminal is narrower (lines then wrap).</summary>
internal static class WideFlag
{
    public static Option<bool> Create() => new("--wide", "-w")
    {
        Description = "Show every column in full (default: fit the terminal's width)",
    };
}
