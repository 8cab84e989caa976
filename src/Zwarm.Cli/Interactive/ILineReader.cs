namespace Zwarm.Cli.Interactive;

/// <summary>Where the REPL's lines come from: a line editor on a terminal, or plain lines from a pipe.</summary>
internal interface ILineReader
{
    /// <summary>The next line, or null at the end of input (EOF, Ctrl-D).</summary>
    Task<string?> ReadLineAsync(CancellationToken cancellationToken);
}
