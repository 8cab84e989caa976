// Runs the orchestrator's read-only checks (`bash`): `bash -c` in the project directory with stdin closed, an
// environment without secrets (BashEnvironment), output capped to its tail (where test summaries and errors are) and
// redacted of known key values. Where the machine can enforce it (BashSandbox), the shell runs through zwarm's
// `__readonly-exec`, so it and everything it starts see the file system read-only except a private scratch dir
// (BashScratch), removed afterwards under the same rules. When the shell exits or its time limit passes, every
// process of the run — found by the run's marker variable, so also a `sleep &` still holding the output pipe or a
// `setsid sleep &` outside the group — is killed: a background job can neither block the run past its limit nor
// outlive it.
// Why not CliWrap (used for every other attached child): its ExecuteAsync completes only when the output pipes reach
// end of file, and a background job inherits them, so `make serve &` would hold the run to its time limit and report
// a timeout (CliWrap issue #241, open). This runner waits for the shell's exit instead; the streams are still drained
// (bounded), and BashEscapeTests pins both the early return and the kill.
using System.Diagnostics;
using System.Text;

namespace Zwarm.Orchestration.Tools;

internal static class BashRunner
{
    public static async Task<BashResult> RunAsync(string command, string workingDirectory, TimeSpan timeout, int maxChars,
        IReadOnlyDictionary<string, string?> environment, BashSandbox sandbox, CancellationToken cancellationToken)
    {
        var scratch = BashScratch.Create();
        try
        {
            return await RunAsync(command, workingDirectory, timeout, maxChars, environment, sandbox, scratch, cancellationToken)
                .ConfigureAwait(false);
        }
        finally
        {
            await BashScratch.DeleteAsync(scratch, sandbox).ConfigureAwait(false);
        }
    }

    private static async Task<BashResult> RunAsync(string command, string workingDirectory, TimeSpan timeout, int maxChars,
        IReadOnlyDictionary<string, string?> environment, BashSandbox sandbox, string scratch, CancellationToken cancellationToken)
    {
        var shell = File.Exists("/bin/bash") ? "/bin/bash" : "/bin/sh";
        var psi = new ProcessStartInfo(sandbox.Enforced ? sandbox.Launcher! : shell)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (sandbox.Enforced)
        {
            foreach (var arg in new[] { BashSandbox.Verb, scratch, "--", shell })
            {
                psi.ArgumentList.Add(arg);
            }
        }
        psi.ArgumentList.Add("-c");
        psi.ArgumentList.Add(command);
        var env = BashEnvironment.From(environment);
        psi.Environment.Clear();
        foreach (var (name, value) in env.Variables)
        {
            psi.Environment[name] = value;
        }
        psi.Environment[BashScratch.Variable] = scratch;
        psi.Environment["TMPDIR"] = scratch;

        var started = Stopwatch.StartNew();
        using var process = new Process { StartInfo = psi, EnableRaisingEvents = true };
        var exited = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        process.Exited += (_, _) => exited.TrySetResult();
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
            // The shell's exit, not the end of its output: a background job may hold the pipe open.
            await exited.Task.WaitAsync(limit.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            timedOut = !cancellationToken.IsCancellationRequested;
            Kill(process);
        }
        finally
        {
            KillMarked(env.Marker);
        }
        // Drain the last buffered lines; bounded, in case a process cleared its environment and still holds the pipe.
        using (var drain = new CancellationTokenSource(TimeSpan.FromSeconds(2)))
        {
            try
            {
                await process.WaitForExitAsync(drain.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
            }
        }
        cancellationToken.ThrowIfCancellationRequested();
        return new BashResult(timedOut ? null : process.ExitCode, env.Redact(stdout.ToString()), env.Redact(stderr.ToString()), timedOut,
            Math.Round(started.Elapsed.TotalSeconds, 2), stdout.Truncated || stderr.Truncated);
    }

    // SIGKILL to every live process whose environment holds this run's marker (the user's own processes only).
    private static void KillMarked(string marker)
    {
        for (var round = 0; round < 3; round++)
        {
            var marked = Zwarm.Core.Processes.ProcessInfo.All()
                .Where(p => p.IsLive && p.Pid != Environment.ProcessId
                    && Zwarm.Core.Processes.ProcessInfo.HasEnvironmentEntry(p.Pid, BashEnvironment.MarkerVariable, marker))
                .ToList();
            if (marked.Count == 0)
            {
                return;
            }
            foreach (var p in marked)
            {
                try
                {
                    using var process = Process.GetProcessById(p.Pid);
                    process.Kill();
                }
                catch (Exception e) when (e is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception)
                {
                    // it ended meanwhile
                }
            }
        }
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
