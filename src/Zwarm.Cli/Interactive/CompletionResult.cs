namespace Zwarm.Cli.Interactive;

/// <summary>
/// What Tab may put in place of the word at the cursor: the span it replaces, the text typed so far, and the
/// candidates (already quoted where needed).
/// </summary>
/// <param name="AppendSpace">Add a space after a unique candidate (not after a directory, which may go deeper).</param>
internal sealed record CompletionResult(int Start, int End, string Typed, IReadOnlyList<string> Candidates, bool AppendSpace)
{
    public static CompletionResult None(int cursor) => new(cursor, cursor, "", [], false);
}
