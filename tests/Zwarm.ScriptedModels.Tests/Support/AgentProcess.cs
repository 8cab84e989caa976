// Runs a real agent CLI the way zwarm will: argument list (no shell), stdin closed at once, output captured,
// a hard timeout, and signals for kill tests.
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;
using Zwarm.ScriptedModels.Agents;

namespace Zwarm.ScriptedModels.Tests.Support;

internal sealed class AgentProcess : IDisposable
{
    public const int SigInt = 2;
    public const int SigTerm = 15;

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _stdout = new();
    private readonly StringBuilder _stderr = new();
    private readonly Task _pumps;
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    private AgentProcess(Process process)
    {
        _process = process;
        _pumps = Task.WhenAll(
            PumpAsync(process.StandardOutput, _stdout.Enqueue, CancellationToken.None),
            PumpAsync(process.StandardError, line =>
            {
                lock (_stderr) _stderr.Append(line).Append('\n');
            }, CancellationToken.None));
    }

    public int Id => _process.Id;

    public IReadOnlyList<string> StdoutLines => [.. _stdout];

    public static AgentProcess Start(string executable, IEnumerable<string> arguments, string workingDirectory,
        AgentCliEnvironment environment, IReadOnlyDictionary<string, string?>? extraEnvironment = null)
    {
        var startInfo = new ProcessStartInfo(executable)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments) startInfo.ArgumentList.Add(argument);
        environment.ApplyTo(startInfo);
        foreach (var (name, value) in extraEnvironment ?? new Dictionary<string, string?>())
        {
            if (value is null) startInfo.Environment.Remove(name);
            else startInfo.Environment[name] = value;
        }

        var process = Process.Start(startInfo) ?? throw new InvalidOperationException($"Could not start {executable}");
        // Both CLIs block on (or wait for) an open stdin; closing it is what /dev/null would do.
        process.StandardInput.Close();
        return new AgentProcess(process);
    }

    public static async Task<AgentRunResult> RunAsync(string executable, IEnumerable<string> arguments, string workingDirectory,
        AgentCliEnvironment environment, TimeSpan timeout, CancellationToken cancellationToken,
        IReadOnlyDictionary<string, string?>? extraEnvironment = null)
    {
        using var process = Start(executable, arguments, workingDirectory, environment, extraEnvironment);
        return await process.WaitAsync(timeout, cancellationToken);
    }

    /// <summary>Waits for exit; past <paramref name="timeout"/> the whole process tree is killed and the result says so.</summary>
    public async Task<AgentRunResult> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        bool timedOut = false;
        using (var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            limit.CancelAfter(timeout);
            try
            {
                await _process.WaitForExitAsync(limit.Token);
            }
            catch (OperationCanceledException)
            {
                timedOut = true;
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync(CancellationToken.None);
            }
        }
        await _pumps.WaitAsync(TimeSpan.FromSeconds(10), CancellationToken.None);
        string stderr;
        lock (_stderr) stderr = _stderr.ToString();
        return new AgentRunResult(_process.ExitCode, StdoutLines, stderr, timedOut, _clock.Elapsed);
    }

    public void Signal(int signal)
    {
        if (Kill(_process.Id, signal) != 0) throw new InvalidOperationException($"kill({_process.Id}, {signal}) failed");
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
        _process.Dispose();
    }

    /// <summary>Reads until the process closes the stream (it ends when the process and its children do).</summary>
    private static async Task PumpAsync(StreamReader reader, Action<string> onLine, CancellationToken cancellationToken)
    {
        while (await reader.ReadLineAsync(cancellationToken) is { } line) onLine(line);
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);
}
