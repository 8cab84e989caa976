namespace Zwarm.Cli.Interactive;

/// <summary>One REPL command: its names, help, options, what its positional arguments are, and what it does.</summary>
/// <param name="Usage">The syntax line, e.g. `spawn "task" [--adapter A] [--model M]`.</param>
/// <param name="Run">Returns a named exit code (ExitCodes).</param>
internal sealed record ReplCommand(string Name, string Usage, string Summary,
    Func<ReplArguments, CancellationToken, Task<int>> Run)
{
    public IReadOnlyList<string> Aliases { get; init; } = [];

    public IReadOnlyList<ReplOption> Options { get; init; } = [];

    /// <summary>What the positional arguments are (for completion).</summary>
    public ValueKind Arguments { get; init; } = ValueKind.None;

    /// <summary>Whether more than one positional argument of <see cref="Arguments"/>'s kind is taken (kill a b c).</summary>
    public bool ManyArguments { get; init; }

    /// <summary>The rest of the line is one argument, untouched by quoting rules (`!command`).</summary>
    public bool RawText { get; init; }

    public IEnumerable<string> Names => Aliases.Prepend(Name);
}
