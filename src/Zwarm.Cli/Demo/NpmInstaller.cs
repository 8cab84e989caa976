// Installs a pinned agent CLI from the npm registry into zwarm's data folder (never globally, never into the user's
// project), showing npm's own progress lines. One clear error when npm is missing or the install fails.
using System.Diagnostics;
using Spectre.Console;
using Zwarm.Core;
using Zwarm.Core.Processes;

namespace Zwarm.Cli.Demo;

internal sealed class NpmInstaller(IAnsiConsole console, IReadOnlyDictionary<string, string?> environment)
{
    /// <summary>Installs <paramref name="cli"/> under <paramref name="prefix"/> and returns the executable's path.</summary>
    public async Task<string> InstallAsync(PinnedCli cli, string prefix, CancellationToken cancellationToken)
    {
        var npm = ExecutableResolver.Resolve("npm", environment.GetValueOrDefault("PATH"))
            ?? throw new ZwarmException(ErrorKind.AgentMissing,
                $"the {cli.DisplayName} is not installed and npm was not found to install it: install node >= 20 with npm, " +
                $"or point zwarm at a {cli.Executable} executable (--set adapters.{cli.Adapter}.executable=PATH)");
        try
        {
            Directory.CreateDirectory(prefix);
            // A package.json of our own keeps npm from walking up into some parent project.
            var packageJson = Path.Combine(prefix, "package.json");
            if (!File.Exists(packageJson))
            {
                await File.WriteAllTextAsync(packageJson, "{\n  \"name\": \"zwarm-agent-clis\",\n  \"private\": true\n}\n", cancellationToken);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ZwarmException(ErrorKind.AgentMissing, $"cannot install the {cli.DisplayName} into {prefix}: {e.Message}");
        }

        console.MarkupLine($"  [yellow]installing {Markup.Escape(cli.Spec)}[/] with npm into {Markup.Escape(prefix)} (once; a few hundred MB)");
        var exit = await RunAsync(npm, prefix,
            ["install", "--no-audit", "--no-fund", "--save-exact", "--foreground-scripts", cli.Spec], cancellationToken);
        var executable = AgentCliLocator.BinIn(prefix, cli);
        if (exit.Code == 0 && !await IsPinnedAsync(executable, cli, cancellationToken))
        {
            // Claude Code links its native binary in a postinstall script, which a user's npmrc may have switched off.
            var package = Path.Combine(prefix, "node_modules", cli.Package);
            exit = await RunAsync(npm, package, ["run", "--if-present", "postinstall"], cancellationToken);
        }
        if (exit.Code != 0 || !await IsPinnedAsync(executable, cli, cancellationToken))
        {
            var why = exit.Code != 0 ? $"npm exited with {exit.Code}" : $"{executable} does not report version {cli.Version}";
            throw new ZwarmException(ErrorKind.AgentMissing,
                $"installing {cli.Spec} failed ({why}){(exit.LastLine is null ? "" : ": " + exit.LastLine)}");
        }
        return executable;
    }

    private async Task TickAsync(System.Diagnostics.Stopwatch clock, object gate, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(10));
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                lock (gate) console.MarkupLine($"  [grey]npm: still installing ({clock.Elapsed.TotalSeconds:0} s)[/]");
            }
        }
        catch (OperationCanceledException)
        {
            // The install ended (or the demo was interrupted).
        }
    }

    private static async Task<bool> IsPinnedAsync(string executable, PinnedCli cli, CancellationToken cancellationToken) =>
        File.Exists(executable) && (await VersionProbe.ReadAsync(executable, cancellationToken))?.Contains(cli.Version, StringComparison.Ordinal) == true;

    /// <summary>Runs npm, echoing each output line dimmed; returns its exit code and last non-empty line.</summary>
    private async Task<(int Code, string? LastLine)> RunAsync(string npm, string directory, IReadOnlyList<string> arguments,
        CancellationToken cancellationToken)
    {
        var psi = new ProcessStartInfo(npm)
        {
            WorkingDirectory = directory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments) psi.ArgumentList.Add(argument);
        psi.Environment.Clear();
        foreach (var (key, value) in environment)
        {
            if (value is not null) psi.Environment[key] = value;
        }
        psi.Environment["npm_config_update_notifier"] = "false";

        using var process = Process.Start(psi) ?? throw new ZwarmException(ErrorKind.AgentMissing, $"could not start {npm}");
        process.StandardInput.Close();
        string? last = null;
        var gate = new object();
        async Task PumpAsync(StreamReader reader)
        {
            while (await reader.ReadLineAsync(cancellationToken) is { } line)
            {
                if (string.IsNullOrWhiteSpace(line)) continue;
                lock (gate)
                {
                    last = line.Trim();
                    console.MarkupLine($"  [grey]npm: {Markup.Escape(Rendering.Format.OneLine(line, 150))}[/]");
                }
            }
        }
        // npm is silent while it downloads (the Codex package alone is ~300 MB): say it is still working.
        var clock = System.Diagnostics.Stopwatch.StartNew();
        using var stopTicking = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var ticker = TickAsync(clock, gate, stopTicking.Token);
        try
        {
            await Task.WhenAll(PumpAsync(process.StandardOutput), PumpAsync(process.StandardError));
            await process.WaitForExitAsync(cancellationToken);
            await stopTicking.CancelAsync();
            await ticker;
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
        return (process.ExitCode, last);
    }
}
