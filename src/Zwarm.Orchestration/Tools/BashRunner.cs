// Runs the orchestrator's read-only checks (`bash`): `bash -c` in the project directory with stdin closed, a time
// limit that kills the whole process tree, and output capped to its tail (where test summaries and errors are).
using System.Diagnostics;
using System.Text;

namespace Zwarm.Orchestration.Tools;

internal static class BashRunner
{
    public static async Task<BashResult> RunAsync(string command, string workingDirectory, TimeSpan timeout, int maxChars,
        IReadOnlyDictionary<string, string?> environment, CancellationToken cancellationToken)
    {
        var shell = File.Exists("/bin/bash") ? "/bin/bash" : "/bin/sh";
        var psi = new ProcessStartInfo(shell)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        psi.ArgumentList.Add("-c");
        psi.ArgumentList.Add(command);
        psi.Environment.Clear();
        foreach (var (name, value) in environment)
        {
            if (value is not null)
            {
                psi.Environment[name] = value;
            }
        }

        var started = Stopwatch.StartNew();
        using var process = new Process { StartInfo = psi };
        var stdout = new TailBuffer(maxChars);
        var stderr = new TailBuffer(maxChars);
        process.OutputDataReceived += (_, e) => stdout.AppendLine(e.Data);
        process.ErrorDataReceived += (_, e) => stderr.AppendLine(e.Data);
        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        var timedOut = false;
        try
        {
            await process.WaitForExitAsync(limit.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            timedOut = !cancellationToken.IsCancellationRequested;
            Kill(process);
            await process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
        }
        // Drain the last buffered lines of the asynchronous readers.
        process.WaitForExit();
        return new BashResult(timedOut ? null : process.ExitCode, stdout.ToString(), stderr.ToString(), timedOut,
            Math.Round(started.Elapsed.TotalSeconds, 2), stdout.Truncated || stderr.Truncated);
    }

    private static void Kill(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // already exited
        }
    }

    /// <summary>Keeps the last <c>max</c> characters of a stream of lines.</summary>
    private sealed class TailBuffer(int max)
    {
        private readonly StringBuilder _text = new();
        private readonly Lock _lock = new();

        public bool Truncated { get; private set; }

        public void AppendLine(string? line)
        {
            if (line is null)
            {
                return;
            }
            lock (_lock)
            {
                _text.Append(line).Append('\n');
                if (_text.Length > max * 2)
                {
                    _text.Remove(0, _text.Length - max);
                    Truncated = true;
                }
            }
        }

        public override string ToString()
        {
            lock (_lock)
            {
                if (_text.Length <= max)
                {
                    return _text.ToString();
                }
                Truncated = true;
                return "…" + _text.ToString(_text.Length - max, max);
            }
        }
    }
}
