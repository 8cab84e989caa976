// One `zwarm` process as a user's shell starts it: argument list, working directory, a complete environment,
// stdin closed. Output is collected line by line as it arrives (so `logs --follow` can be watched live) and every
// wait has a timeout, after which the process tree is killed and the result says so.
using System.Diagnostics;
using System.Text;

namespace Zwarm.RealClients.Tests.Support;

internal sealed class ZwarmProcess : IDisposable
{
    private readonly Process _process;
    private readonly IReadOnlyList<string> _arguments;
    private readonly StringBuilder _out = new();
    private readonly StringBuilder _err = new();
    private readonly Task _pumps;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly SemaphoreSlim _outputArrived = new(0);

    private ZwarmProcess(Process process, IReadOnlyList<string> arguments)
    {
        _process = process;
        _arguments = arguments;
        _pumps = Task.WhenAll(PumpAsync(process.StandardOutput, _out), PumpAsync(process.StandardError, _err));
    }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    public string Out
    {
        get
        {
            lock (_out) return _out.ToString();
        }
    }

    public string Err
    {
        get
        {
            lock (_err) return _err.ToString();
        }
    }

    public static ZwarmProcess Start(IReadOnlyList<string> arguments, string workingDirectory,
        IReadOnlyDictionary<string, string> environment)
    {
        var startInfo = new ProcessStartInfo(ZwarmBinary.Path)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var argument in arguments) startInfo.ArgumentList.Add(argument);
        startInfo.Environment.Clear();
        foreach (var (name, value) in environment) startInfo.Environment[name] = value;

        var process = Process.Start(startInfo) ?? throw new InvalidOperationException("could not start zwarm");
        process.StandardInput.Close();
        return new ZwarmProcess(process, arguments);
    }

    /// <summary>Waits until stdout so far satisfies <paramref name="predicate"/>; false if the process ended first.</summary>
    public async Task<bool> WaitForOutputAsync(Func<string, bool> predicate, CancellationToken cancellationToken)
    {
        while (true)
        {
            if (predicate(Out)) return true;
            if (_pumps.IsCompleted) return predicate(Out);
            await _outputArrived.WaitAsync(TimeSpan.FromMilliseconds(200), cancellationToken);
        }
    }

    /// <summary>Waits until stderr so far satisfies <paramref name="predicate"/>; false if the process ended first.</summary>
    public async Task<bool> WaitForErrorAsync(Func<string, bool> predicate, CancellationToken cancellationToken)
    {
        while (true)
        {
            if (predicate(Err)) return true;
            if (_pumps.IsCompleted) return predicate(Err);
            await _outputArrived.WaitAsync(TimeSpan.FromMilliseconds(200), cancellationToken);
        }
    }

    /// <summary>Waits for exit; past <paramref name="timeout"/> the process tree is killed and the result says so.</summary>
    public async Task<ZwarmResult> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var timedOut = false;
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
        string err;
        lock (_err) err = _err.ToString();
        return new ZwarmResult(_arguments, _process.ExitCode, Out, err, timedOut, _clock.Elapsed);
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
        // _outputArrived is not disposed: a pump may still signal it while the killed process's pipes drain.
    }

    private async Task PumpAsync(StreamReader reader, StringBuilder sink)
    {
        var buffer = new char[4096];
        int read;
        while ((read = await reader.ReadAsync(buffer, CancellationToken.None)) > 0)
        {
            lock (sink) sink.Append(buffer, 0, read);
            _outputArrived.Release();
        }
    }
}
