// One message from the person: a line, or a block between two `"""` lines (text may follow the opening quotes and
// precede the closing ones). Works the same at a terminal and on piped input.
using Zwarm.Cli.Interactive;
using Zwarm.Core;

namespace Zwarm.Cli.Pilot;

internal sealed class PilotInput(ILineReader reader)
{
    public const string Fence = "\"\"\"";

    /// <summary>
    /// The next input, or null at the end of input. <c>Block</c>: it came between fences, so it is a message even
    /// when it starts with ':'.
    /// </summary>
    public async Task<(string Text, bool Block)?> ReadAsync(CancellationToken cancellationToken)
    {
        var line = await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false);
        if (line is null)
        {
            return null;
        }
        if (!line.TrimStart().StartsWith(Fence, StringComparison.Ordinal))
        {
            return (line, false);
        }
        var first = line.TrimStart()[Fence.Length..];
        if (first.TrimEnd().EndsWith(Fence, StringComparison.Ordinal))
        {
            return (first.TrimEnd()[..^Fence.Length], true);
        }
        var lines = new List<string>();
        if (first.Trim().Length > 0)
        {
            lines.Add(first);
        }
        while (true)
        {
            var next = await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false);
            if (next is null)
            {
                throw new ZwarmException(ErrorKind.Usage, $"the input ended inside a {Fence} block; the block was not sent");
            }
            var trimmed = next.TrimEnd();
            if (trimmed.EndsWith(Fence, StringComparison.Ordinal))
            {
                var last = trimmed[..^Fence.Length];
                if (last.Trim().Length > 0)
                {
                    lines.Add(last);
                }
                return (string.Join('\n', lines), true);
            }
            lines.Add(next);
        }
    }
}
