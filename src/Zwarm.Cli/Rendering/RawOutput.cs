using Zwarm.Cli.Infrastructure;

namespace Zwarm.Cli.Rendering;

internal static class RawOutput
{
    /// <summary>Copies a file's bytes to stdout unchanged (streamed; a missing file prints nothing).</summary>
    public static async Task CopyAsync(Terminal terminal, string path, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            return;
        }
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete,
            64 * 1024, FileOptions.SequentialScan);
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
