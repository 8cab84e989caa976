// `EXE --version`, bounded (30 s), stdin closed, both streams drained; null when it does not answer.
using CliWrap;
using CliWrap.Buffered;

namespace Zwarm.Core.Agents.Install;

public static class VersionProbe
{
    public static async Task<string?> ReadAsync(string executable, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(30));
        try
        {
            var result = await Cli.Wrap(executable).WithArguments(["--version"])
                .WithValidation(CommandResultValidation.None)
                .ExecuteBufferedAsync(timeout.Token).ConfigureAwait(false);
            var line = result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .FirstOrDefault();
            return result.ExitCode == 0 ? line : null;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return null;
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or IOException or InvalidOperationException)
        {
            return null;
        }
    }
}
