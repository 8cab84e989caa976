// Lines from a pipe or file (scripts), or from a terminal that cannot host the line editor (TERM=dumb, stdout
// redirected). Only in the last case is there someone to prompt; the prompt goes to stderr so stdout stays output.
namespace Zwarm.Cli.Interactive;

internal sealed class PlainLineReader(TextReader input, TextWriter? prompt) : ILineReader
{
    public async Task<string?> ReadLineAsync(CancellationToken cancellationToken)
    {
        if (prompt is not null)
        {
            await prompt.WriteAsync("zwarm> ").ConfigureAwait(false);
            await prompt.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
        return await input.ReadLineAsync(cancellationToken).ConfigureAwait(false);
    }
}
