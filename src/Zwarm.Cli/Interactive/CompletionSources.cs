namespace Zwarm.Cli.Interactive;

/// <summary>Where the completer gets the names it offers (a record, so tests can hand it fixed lists).</summary>
/// <param name="Sessions">The sessions as listed now (read on every Tab, so new sessions show up at once).</param>
/// <param name="Home">The home directory, for `~/` in directory names.</param>
internal sealed record CompletionSources(
    IReadOnlyList<ReplCommand> Commands,
    Func<IReadOnlyList<SessionSummary>> Sessions,
    IReadOnlyList<string> Adapters,
    IReadOnlyList<string> Models,
    string WorkingDirectory,
    string? Home);
