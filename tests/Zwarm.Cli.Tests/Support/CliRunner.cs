// Runs `zwarm` command lines for tests: in-process (fast, through ZwarmCli.RunAsync with captured output) or as
// the real executable (for what only a separate process shows: exit codes, detached turns outliving zwarm).
using System.Diagnostics;
using Zwarm.Cli;
using Zwarm.Cli.Infrastructure;
using Zwarm.Core.Config;

namespace Zwarm.Cli.Tests.Support;

public sealed record CliResult(int ExitCode, string Out, string Err);

public sealed class CliRunner : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "zwarm-cli-" + Guid.NewGuid().ToString("N")[..12]);

    public CliRunner()
    {
        Directory.CreateDirectory(WorkDir);
        Environment = new Dictionary<string, string?>(ZwarmContext.CaptureEnvironment())
        {
            ["FAKE_AGENT_HOME"] = Path.Combine(_root, "fake-home"),
            ["ZWARM_STATE_DIR"] = StateDir,
            ["NO_COLOR"] = "1",
        };
        // The fake agent plays both CLIs.
        File.WriteAllText(Path.Combine(WorkDir, ".keep"), "");
        Directory.CreateDirectory(StateDir);
        File.WriteAllText(Path.Combine(StateDir, "config.toml"), $"""
            [adapters.codex]
            executable = "{FakeAgent}"
            [adapters.claude_code]
            executable = "{FakeAgent}"
            [executor]
            kill_grace_seconds = 1
            """);
    }

    public string WorkDir => Path.Combine(_root, "work");

    public string StateDir => Path.Combine(_root, "work", ".zwarm");

    public Dictionary<string, string?> Environment { get; }

    public static string FakeAgent => Path.Combine(AppContext.BaseDirectory, "fake-agent");

    public static string ZwarmExecutable => Path.Combine(AppContext.BaseDirectory, "zwarm");

    public Task<CliResult> RunAsync(params string[] args) => RunWithInputAsync(null, args);

    /// <summary>Runs in-process with <paramref name="input"/> as stdin (a pipe, not a terminal).</summary>
    public async Task<CliResult> RunWithInputAsync(string? input, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var terminal = new Terminal(output, error, colors: false, input is null ? null : new StringReader(input));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        var code = await ZwarmCli.RunAsync(args, terminal, new ContextFactory(Environment, WorkDir), timeout.Token);
        return new CliResult(code, output.ToString(), error.ToString());
    }

    /// <summary>Runs the built zwarm executable as a separate process.</summary>
    public Task<CliResult> RunProcessAsync(params string[] args) => RunProcessWithInputAsync(null, args);

    /// <summary>Runs the built zwarm executable with <paramref name="input"/> piped to its stdin.</summary>
    public async Task<CliResult> RunProcessWithInputAsync(string? input, params string[] args)
    {
        var psi = new ProcessStartInfo(ZwarmExecutable)
        {
            WorkingDirectory = WorkDir,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }
        psi.Environment.Clear();
        foreach (var (k, v) in Environment)
        {
            if (v is not null)
            {
                psi.Environment[k] = v;
            }
        }
        using var process = Process.Start(psi)!;
        if (input is not null)
        {
            await process.StandardInput.WriteAsync(input);
        }
        process.StandardInput.Close();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var stdout = process.StandardOutput.ReadToEndAsync(cts.Token);
        var stderr = process.StandardError.ReadToEndAsync(cts.Token);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"zwarm {string.Join(' ', args)} did not exit within 60 s");
        }
        return new CliResult(process.ExitCode, await stdout, await stderr);
    }

    public void Dispose()
    {
        try
        {
            RunAsync("kill", "--all").GetAwaiter().GetResult();
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
