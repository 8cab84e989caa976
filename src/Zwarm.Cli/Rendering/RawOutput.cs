using Zwarm.Cli.Infrastructure;
using Zwarm.Core.Sessions;

namespace Zwarm.Cli.Rendering;

internal static class RawOutput
{
    /// <summary>Copies a file's bytes to stdout unchanged (streamed; a missing file prints nothing).</summary>
    public static async Task CopyAsync(Terminal terminal, string path, CancellationToken cancellationToken)
    {
        await using var stream = StoreFiles.OpenRead(path, 64 * 1024);
        if (stream is null)
        {
            return;
        }
        if (terminal.Out is StreamWriter writer)
        {
            await writer.FlushAsync(cancellationToken);
            await stream.CopyToAsync(writer.BaseStream, cancellationToken);
            await writer.BaseStream.FlushAsync(cancellationToken);
            return;
        }
        using var reader = new StreamReader(stream);
        var buffer = new char[64 * 1024];
        int read;
        while ((read = await reader.ReadAsync(buffer, cancellationToken)) > 0)
        {
            await terminal.Out.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
        }
    }
}
