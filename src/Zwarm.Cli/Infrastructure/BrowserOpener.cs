// `zwarm dashboard --open`: hands the URL to the desktop's opener (xdg-open on Linux, open on macOS) when one is on
// PATH, through CliWrap with a bounded wait; without one it says so, and the printed URL is still there to click.
using CliWrap;

namespace Zwarm.Cli.Infrastructure;

internal static class BrowserOpener
{
    private static readonly string[] Openers = ["xdg-open", "open"];

    /// <summary>Null when the browser was asked to open the URL; otherwise why not (one line for stderr).</summary>
    public static async Task<string?> OpenAsync(Uri url, IReadOnlyDictionary<string, string?> environment, CancellationToken cancellationToken)
    {
        var opener = Find(environment.GetValueOrDefault("PATH"));
        if (opener is null)
        {
            return "--open: neither xdg-open nor open is on PATH; open the URL above yourself";
        }
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(10));
        try
        {
            var result = await CliWrap.Cli.Wrap(opener).WithArguments([url.ToString()]).WithValidation(CommandResultValidation.None)
                .WithStandardOutputPipe(PipeTarget.Null).WithStandardErrorPipe(PipeTarget.Null)
                .ExecuteAsync(timeout.Token).ConfigureAwait(false);
            return result.ExitCode == 0 ? null : $"--open: {Path.GetFileName(opener)} failed (exit code {result.ExitCode}); open the URL above yourself";
        }
        catch (Exception e) when (e is OperationCanceledException or System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            return $"--open: {Path.GetFileName(opener)} did not open the browser; open the URL above yourself";
        }
    }

    private static string? Find(string? path)
    {
        foreach (var directory in (path ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (var name in Openers)
            {
                var candidate = Path.Combine(directory, name);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }
        return null;
    }
}
