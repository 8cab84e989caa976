// One temp store whose agent CLIs are the fake agent, reachable three ways: SessionService instances (each one as
// another zwarm process would be), `zwarm` verbs in-process (ZwarmCli.RunAsync), and the built `zwarm` executable
// (for what needs its own process: a different TZ, exit codes).
using System.Diagnostics;
using Zwarm.Cli;
using Zwarm.Cli.Infrastructure;
using Zwarm.Core.Config;
using Zwarm.Core.Sessions;
using Zwarm.Core;

namespace Zwarm.Faults.Tests.Support;

public sealed record CliResult(int ExitCode, string Out, string Err);

public sealed class FaultWorld : IDisposable
{
    public FaultWorld(string? root = null)
    {
        Root = root ?? Path.Combine(Path.GetTempPath(), "zwarm-faults-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(WorkDir);
        Environment = new Dictionary<string, string?>(ZwarmContext.CaptureEnvironment())
        {
            ["FAKE_AGENT_HOME"] = Path.Combine(Root, "fake-home"),
            ["ZWARM_STATE_DIR"] = StateDir,
            ["NO_COLOR"] = "1",
        };
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

    public string Root { get; }

    public string WorkDir => Path.Combine(Root, "work");

    public string StateDir => Path.Combine(Root, "work", ".zwarm");

    public Dictionary<string, string?> Environment { get; }

    public static string FakeAgent => Path.Combine(AppContext.BaseDirectory, "fake-agent");

    public static string ZwarmExecutable => Path.Combine(AppContext.BaseDirectory, "zwarm");

    /// <summary>A fresh service over the store, as a separate zwarm process would have.</summary>
    public SessionService NewService(TimeProvider? time = null)
    {
        var document = ConfigDocument.Load(Path.Combine(StateDir, "config.toml"), []);
        var config = ZwarmConfig.Read(document, name => Zwarm.Core.Agents.AgentRegistry.Default.TryGet(name, out var a) ? a.Name : null);
        return new SessionService(new ZwarmContext
        {
            StateDirectory = StateDir,
            WorkingDirectory = WorkDir,
            Environment = Environment,
            Time = time ?? TimeProvider.System,
            Config = config,
        });
    }

    public async Task<SessionMeta> SpawnAndWaitAsync(string task)
    {
        var sessions = NewService();
        var meta = await sessions.StartAsync(new StartRequest(task, "codex"), CancellationToken.None);
        var result = await sessions.WaitAsync([meta.Id], WaitMode.All, TimeSpan.FromSeconds(60), CancellationToken.None);
        Assert.False(result.TimedOut);
        return result.Sessions[0];
    }

    public async Task<CliResult> RunAsync(params string[] args) => await RunAsync(null, args);

    public async Task<CliResult> RunAsync(TimeProvider? time, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var terminal = new Terminal(output, error, colors: false, null);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        var code = await ZwarmCli.RunAsync(args, terminal, new ContextFactory(Environment, WorkDir, time), timeout.Token);
        return new CliResult(code, output.ToString(), error.ToString());
    }

    /// <summary>Runs the built zwarm executable with extra environment variables.</summary>
    public async Task<CliResult> RunProcessAsync(IReadOnlyDictionary<string, string> extraEnv, params string[] args)
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
        foreach (var (k, v) in extraEnv)
        {
            psi.Environment[k] = v;
        }
        using var process = Process.Start(psi)!;
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
            NewService().KillAllAsync(CancellationToken.None).GetAwaiter().GetResult();
        }
        catch (Exception e) when (e is ZwarmException or IOException)
        {
        }
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
    }
}
