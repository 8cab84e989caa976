// `!command`: runs through /bin/sh -c in the REPL's directory and exactly the REPL's environment. Piped (a script,
// tests) it runs through CliWrap like every other attached child: stdin empty, both streams drained to the REPL's
// writers, Ctrl-C asks the shell to stop (SIGINT) and kills the process tree after a grace. On the real terminal the
// child must inherit stdout/stderr (colours, pagers and editors work) and, when a person is typing, stdin too; CliWrap
// always redirects (Tyrrrz/CliWrap#199, wontfix), so that one case starts the process itself, with the same bounded
// grace. A failing command is reported by the caller, never fatal.
using System.Diagnostics;
using CliWrap;
using Zwarm.Cli.Infrastructure;
using Zwarm.Core.Config;
using Zwarm.Core.Processes;

namespace Zwarm.Cli.Interactive;

internal static class ShellRunner
{
    private const string Shell = "/bin/sh";
    private static readonly TimeSpan InterruptGrace = TimeSpan.FromSeconds(2);

    /// <summary>Runs <paramref name="command"/> and returns its exit code (128+N when a signal ended it).</summary>
    public static Task<int> RunAsync(Terminal terminal, string command, ZwarmContext context, CancellationToken cancellationToken) =>
        terminal.IsProcessStreams
            ? RunOnTerminalAsync(terminal, command, context, cancellationToken)
            : RunPipedAsync(terminal, command, context, cancellationToken);

    private static async Task<int> RunPipedAsync(Terminal terminal, string command, ZwarmContext context, CancellationToken cancellationToken)
    {
        using var forceful = new CancellationTokenSource();
        await using var escalate = cancellationToken.Register(() => forceful.CancelAfter(InterruptGrace));
        var result = await CliWrap.Cli.Wrap(Shell).WithArguments(["-c", command])
            .WithWorkingDirectory(context.WorkingDirectory)
            .WithEnvironmentVariables(ChildEnvironment.Exactly(context.Environment))
            .WithValidation(CommandResultValidation.None)
            .WithStandardInputPipe(PipeSource.Null)
            .WithStandardOutputPipe(PipeTarget.Create((stream, ct) => CopyAsync(stream, terminal.Out, ct)))
            .WithStandardErrorPipe(PipeTarget.Create((stream, ct) => CopyAsync(stream, terminal.Err, ct)))
            .ExecuteAsync(forceful.Token, cancellationToken).ConfigureAwait(false);
        return result.ExitCode;
    }

    private static async Task<int> RunOnTerminalAsync(Terminal terminal, string command, ZwarmContext context,
        CancellationToken cancellationToken)
    {
        var psi = new ProcessStartInfo(Shell)
        {
            WorkingDirectory = context.WorkingDirectory,
            UseShellExecute = false,
            RedirectStandardInput = !terminal.IsInteractive,
        };
        psi.ArgumentList.Add("-c");
        psi.ArgumentList.Add(command);
        ChildEnvironment.Replace(psi.Environment, context.Environment);

        using var process = Process.Start(psi) ?? throw new InvalidOperationException($"could not start {Shell}");
        if (psi.RedirectStandardInput)
        {
            process.StandardInput.Close();
        }
        try
        {
            await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Ctrl-C reached the child as well (same process group); give it a moment to exit, then end the tree.
            if (!await ExitsWithinAsync(process, InterruptGrace).ConfigureAwait(false))
            {
                process.Kill(entireProcessTree: true);
                await ExitsWithinAsync(process, InterruptGrace).ConfigureAwait(false);
            }
            throw;
        }
        return process.ExitCode;
    }

    private static async Task<bool> ExitsWithinAsync(Process process, TimeSpan limit)
    {
        using var timeout = new CancellationTokenSource(limit);
        try
        {
            await process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private static async Task CopyAsync(Stream from, TextWriter to, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(from);
        var buffer = new char[8192];
        int read;
        while ((read = await reader.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
        {
            await to.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
        }
        await to.FlushAsync(cancellationToken).ConfigureAwait(false);
    }
}
