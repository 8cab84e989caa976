// A real terminal for tests: a detached tmux session on its own server socket (so it never touches the user's
// tmux), driven with send-keys and read with capture-pane. Reads poll with a deadline instead of sleeping.
using System.Diagnostics;

namespace Zwarm.Cli.Tests.Support;

public sealed class TmuxSession : IDisposable
{
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(10);
    private readonly string _socket = "zwarm-test-" + Guid.NewGuid().ToString("N")[..10];

    private TmuxSession()
    {
    }

    /// <summary>Starts <paramref name="shellCommand"/> in a new detached session of the given size.</summary>
    public static async Task<TmuxSession> StartAsync(string shellCommand, string workingDirectory,
        IReadOnlyDictionary<string, string?> environment, int width = 200, int height = 50)
    {
        var tmux = new TmuxSession();
        var args = new List<string> { "-f", "/dev/null", "new-session", "-d", "-x", $"{width}", "-y", $"{height}", "-c", workingDirectory };
        foreach (var (name, value) in environment)
        {
            if (value is not null)
            {
                args.AddRange(["-e", $"{name}={value}"]);
            }
        }
        args.Add(shellCommand);
        await tmux.RunAsync(args);
        return tmux;
    }

    /// <summary>Types keys: literal text, or tmux key names ("Enter", "Tab", "Up", "C-c").</summary>
    public Task SendKeysAsync(params string[] keys) => RunAsync(["send-keys", "-t", "0", .. keys]);

    /// <summary>Types <paramref name="text"/> literally (no key-name lookup).</summary>
    public Task TypeAsync(string text) => RunAsync(["send-keys", "-t", "0", "-l", text]);

    public async Task<string> CaptureAsync() => await RunAsync(["capture-pane", "-p", "-t", "0"]);

    /// <summary>Polls the screen until <paramref name="ready"/> holds; fails with the screen's content on timeout.</summary>
    public async Task<string> WaitForAsync(Func<string, bool> ready, string what, TimeSpan? timeout = null)
    {
        var deadline = Stopwatch.StartNew();
        var limit = timeout ?? TimeSpan.FromSeconds(20);
        while (true)
        {
            var screen = await CaptureAsync();
            if (ready(screen))
            {
                return screen;
            }
            if (deadline.Elapsed > limit)
            {
                throw new TimeoutException($"waited {limit.TotalSeconds:0}s for {what}; the screen shows:\n{screen}");
            }
            await Task.Delay(100);
        }
    }

    public Task<string> WaitForTextAsync(string text, TimeSpan? timeout = null) =>
        WaitForAsync(s => s.Contains(text, StringComparison.Ordinal), $"'{text}'", timeout);

    /// <summary>The last line of the screen that starts with <paramref name="prefix"/> (e.g. the current prompt).</summary>
    public static string? LastLineStartingWith(string screen, string prefix) =>
        screen.Split('\n').LastOrDefault(l => l.StartsWith(prefix, StringComparison.Ordinal))?.TrimEnd();

    public void Dispose()
    {
        try
        {
            RunAsync(["kill-server"]).GetAwaiter().GetResult();
        }
        catch (Exception e) when (e is InvalidOperationException or TimeoutException)
        {
            // The server may already be gone.
        }
    }

    private async Task<string> RunAsync(IReadOnlyList<string> args)
    {
        var psi = new ProcessStartInfo("tmux")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        psi.ArgumentList.Add("-L");
        psi.ArgumentList.Add(_socket);
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }
        using var process = Process.Start(psi) ?? throw new InvalidOperationException("cannot start tmux (is it installed?)");
        using var cts = new CancellationTokenSource(CommandTimeout);
        var output = process.StandardOutput.ReadToEndAsync(cts.Token);
        var error = process.StandardError.ReadToEndAsync(cts.Token);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"tmux {string.Join(' ', args)} did not finish");
        }
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"tmux {args[0]} failed ({process.ExitCode}): {await error}");
        }
        return await output;
    }
}
