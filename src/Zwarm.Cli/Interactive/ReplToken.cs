namespace Zwarm.Cli.Interactive;

/// <summary>
/// One word of a REPL line: its value after quotes and escapes are removed, and where it sits in the line
/// (<see cref="Start"/> inclusive, <see cref="End"/> exclusive, quotes included).
/// </summary>
/// <param name="OpenQuote">The quote left open at the end of the line ('"' or '\''), or null.</param>
internal sealed record ReplToken(string Value, int Start, int End, char? OpenQuote = null);
