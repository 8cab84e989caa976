// `zwarm demo --claude` end to end, as a new user runs it (the CLIs already installed): every session it starts
// completes, the agents' files exist, and its state folder is explorable with the ordinary verbs afterwards.
using Zwarm.RealClients.Tests.Support;
using Zwarm.ScriptedModels.Agents;

namespace Zwarm.RealClients.Tests.Demo;

[Trait("Category", "RealClient")]
[Collection(Lanes.Alone)]
public sealed class DemoCommandTests : IDisposable
{
    private readonly CancellationToken _timeout = TestTimeout.After(300);
    private readonly TempDirectory _temp = new("zwarm-demo-e2e-");

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Demo_runs_real_sessions_that_complete_and_leave_their_files()
    {
        var codex = AgentBinaries.TryLocate(AgentCli.Codex);
        var claude = AgentBinaries.TryLocate(AgentCli.ClaudeCode);
        Assert.True(codex is not null && claude is not null, $"install the agent CLIs first ({AgentBinaries.InstallScript})");
        var environment = IsolatedEnvironment();
        var demoDir = _temp.Combine("demo");

        using var demo = ZwarmProcess.Start(
            ["demo", "--claude", "--dir", demoDir,
             "--set", $"adapters.codex.executable={codex}", "--set", $"adapters.claude_code.executable={claude}"],
            _temp.Path, environment);
        var run = await demo.WaitAsync(TimeSpan.FromSeconds(240), _timeout);

        Assert.True(run.ExitCode == 0 && !run.TimedOut, run.Describe());
        foreach (var step in new[] { "Step 1/6", "Step 3/6", "$ zwarm spawn", "$ zwarm continue", "$ zwarm ls", "$ zwarm show", "Done in" })
        {
            Assert.Contains(step, run.Out);
        }
        var workspace = Path.Combine(demoDir, "workspace");
        Assert.Equal("write the spec\nbuild it\nship it\n", File.ReadAllText(Path.Combine(workspace, "todo.txt")));
        Assert.Equal("print(6 * 7)\n", File.ReadAllText(Path.Combine(workspace, "app", "main.py")));
        Assert.StartsWith("Linux", File.ReadAllText(Path.Combine(workspace, "system.txt")));
        Assert.Equal("hello from Claude Code\n", File.ReadAllText(Path.Combine(workspace, "claude.txt")));

        // The demo's state is an ordinary zwarm store: the summary's explore commands work.
        using var ls = ZwarmProcess.Start(["--state-dir", Path.Combine(demoDir, "state"), "ls", "--json"], _temp.Path, environment);
        var rows = (await ls.WaitAsync(TimeSpan.FromSeconds(60), _timeout)).Json().EnumerateArray().ToList();
        Assert.Equal(4, rows.Count);
        Assert.All(rows, r => Assert.Equal("completed", r.GetProperty("status").GetString()));
        Assert.Equal(3, rows.Count(r => r.GetProperty("adapter").GetString() == "codex"));
        Assert.Single(rows, r => r.GetProperty("adapter").GetString() == "claude_code");
        Assert.Single(rows, r => r.GetProperty("turns").GetInt32() == 2);
        Assert.All(rows, r => Assert.True(r.GetProperty("output_tokens").GetInt64() > 0));
        // The closing lines work as printed, pasted into a shell where the user stands (no zwarm on PATH here).
        var printed = run.Out.Split('\n').Select(l => l.Trim()).Single(l => l.StartsWith("$ ", StringComparison.Ordinal) && l.EndsWith(" --state-dir demo/state ls", StringComparison.Ordinal))[2..];
        // The binary under test, maybe by its real path (an installed .NET tool's command is a link into its store).
        Assert.Equal(RealPath(ZwarmBinary.Path), RealPath(printed.Split(' ')[0]));
        var pasted = await ShellAsync(printed, environment);
        Assert.True(pasted.Code == 0, pasted.Output);
        Assert.DoesNotContain("zwarm:", pasted.Output);
        Assert.Contains("codex", pasted.Output);
        Assert.True(run.Elapsed < TimeSpan.FromSeconds(90), $"the demo took {run.Elapsed.TotalSeconds:0} s");
    }

    /// <summary>Runs <paramref name="line"/> with /bin/sh from the test's folder, as a user pasting it would.</summary>
    private async Task<(int Code, string Output)> ShellAsync(string line, Dictionary<string, string> environment)
    {
        var psi = new System.Diagnostics.ProcessStartInfo("/bin/sh", ["-c", line])
        {
            WorkingDirectory = _temp.Path, RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true,
        };
        psi.Environment.Clear();
        foreach (var (k, v) in environment) psi.Environment[k] = v;
        using var process = System.Diagnostics.Process.Start(psi)!;
        process.StandardInput.Close();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(_timeout);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
        var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
        var stdout = await process.StandardOutput.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, stdout + await stderr);
    }

    /// <summary>The test's environment without zwarm variables, with a fresh HOME: the user's config is never read.</summary>
    private Dictionary<string, string> IsolatedEnvironment()
    {
        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (System.Collections.DictionaryEntry entry in Environment.GetEnvironmentVariables())
        {
            if (entry.Value is string value && !((string)entry.Key).StartsWith("ZWARM_", StringComparison.Ordinal))
            {
                environment[(string)entry.Key] = value;
            }
        }
        environment["HOME"] = _temp.CreateSubdirectory("home");
        environment["NO_COLOR"] = "1";
        return environment;
    }

    private static string RealPath(string path) =>
        new FileInfo(path).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? Path.GetFullPath(path);
}
