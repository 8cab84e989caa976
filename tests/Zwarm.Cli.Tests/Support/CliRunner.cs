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

    public async Task<CliResult> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var terminal = new Terminal(output, error, colors: false);
        var code = await ZwarmCli.RunAsync(args, terminal, new ContextFactory(Environment, WorkDir));
        return new CliResult(code, output.ToString(), error.ToString());
    }

    /// <summary>Runs the built zwarm executable as a separate process.</summary>
    public async Task<CliResult> RunProcessAsync(params string[] args)
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
        process.StandardInput.Close();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var stdout = process.StandardOutput.ReadToEndAsync(cts.Token);
        var stderr = process.StandardError.ReadToEndAsync(cts.Token);
        await process.WaitForExitAsync(cts.Token);
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
