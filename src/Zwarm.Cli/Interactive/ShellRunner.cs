// `!command`: runs through /bin/sh -c in the REPL's directory and environment. On the real terminal the child
// inherits stdout/stderr (colours, pagers and editors work) and, when a person is typing, stdin too; piped REPL
// input is the script, so the child never reads it. A failing command is reported by the caller, never fatal.
using System.Diagnostics;
using Zwarm.Cli.Infrastructure;
using Zwarm.Core.Config;

namespace Zwarm.Cli.Interactive;

internal static class ShellRunner
{
    private const string Shell = "/bin/sh";
    private static readonly TimeSpan InterruptGrace = TimeSpan.FromSeconds(2);

    /// <summary>Runs <paramref name="command"/> and returns its exit code (128+N when a signal ended it).</summary>
    public static async Task<int> RunAsync(Terminal terminal, string command, ZwarmContext context,
        CancellationToken cancellationToken)
    {
        var inherit = terminal.IsProcessStreams;
        var psi = new ProcessStartInfo(Shell)
        {
            WorkingDirectory = context.WorkingDirectory,
            UseShellExecute = false,
            RedirectStandardOutput = !inherit,
            RedirectStandardError = !inherit,
            RedirectStandardInput = !(inherit && terminal.IsInteractive),
        };
        psi.ArgumentList.Add("-c");
        psi.ArgumentList.Add(command);
        psi.Environment.Clear();
        foreach (var (name, value) in context.Environment)
        {
            if (value is not null)
            {
                psi.Environment[name] = value;
            }
        }

        using var process = Process.Start(psi) ?? throw new InvalidOperationException($"could not start {Shell}");
        if (psi.RedirectStandardInput)
        {
            process.StandardInput.Close();
        }
        var pump = inherit
            ? Task.CompletedTask
            : Task.WhenAll(CopyAsync(process.StandardOutput, terminal.Out), CopyAsync(process.StandardError, terminal.Err));
        try
        {
            await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // On the terminal Ctrl-C reached the child as well (same process group); give it a moment to exit.
            using var grace = new CancellationTokenSource(InterruptGrace);
            try
            {
                await process.WaitForExitAsync(grace.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
            }
            throw;
        }
        finally
        {
            await pump.ConfigureAwait(false);
        }
        return process.ExitCode;
    }

    private static async Task CopyAsync(StreamReader from, TextWriter to)
    {
        var buffer = new char[8192];
        int read;
        while ((read = await from.ReadAsync(buffer).ConfigureAwait(false)) > 0)
        {
            await to.WriteAsync(buffer.AsMemory(0, read)).ConfigureAwait(false);
        }
        await to.FlushAsync().ConfigureAwait(false);
    }
}
