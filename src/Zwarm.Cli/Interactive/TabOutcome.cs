namespace Zwarm.Cli.Interactive;

/// <summary>The line after a Tab, and the candidates to list under the prompt when there was more than one.</summary>
internal sealed record TabOutcome(string Line, int Cursor, IReadOnlyList<string>? Listing = null);
