// Installs an agent CLI's pinned npm package into an npm prefix of zwarm's own (zwarm's data folder by default;
// never globally, never into the user's project), reporting npm's output and a heartbeat while npm is silent (the
// Codex package alone is ~300 MB). npm runs through CliWrap: stdin closed, both streams drained, and cancellation
// (Ctrl-C) stops it. One clear error when npm is missing or the install fails.
using CliWrap;

namespace Zwarm.Core.Agents.Install;

internal sealed class NpmInstaller(IReadOnlyDictionary<string, string?> environment, TimeProvider time)
{
    private static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Installs <paramref name="adapter"/>'s pinned package under <paramref name="prefix"/> (unless that version is
    /// there already and <paramref name="force"/> is false) and returns the executable.
    /// </summary>
    public async Task<InstallResult> InstallAsync(IAgentAdapter adapter, string prefix, bool force,
        IProgress<InstallProgress> progress, CancellationToken cancellationToken)
    {
        var package = adapter.Package;
        var started = time.GetTimestamp();
        var executable = AgentFolders.BinIn(prefix, adapter.ExecutableName);
        if (!force && await PinnedVersionAsync(executable, package, cancellationToken).ConfigureAwait(false) is { } present)
        {
            return new InstallResult(executable, present, AlreadyInstalled: true, time.GetElapsedTime(started));
        }
        var npm = Processes.ExecutableResolver.Resolve("npm", environment.GetValueOrDefault("PATH"))
            ?? throw new ZwarmException(ErrorKind.AgentMissing,
                $"npm was not found to install the {adapter.DisplayName}: install node (22 or newer) with npm, or point zwarm " +
                $"at a {adapter.ExecutableName} executable (--set adapters.{adapter.Name}.executable=PATH)");
        PreparePrefix(prefix, adapter);

        string[] install = ["install", "--no-audit", "--no-fund", "--save-exact", "--foreground-scripts", .. force ? ["--force"] : Array.Empty<string>(), package.Spec];
        var exit = await RunAsync(npm, prefix, install, started, progress, cancellationToken).ConfigureAwait(false);
        if (exit.Code == 0 && await PinnedVersionAsync(executable, package, cancellationToken).ConfigureAwait(false) is null)
        {
            // Claude Code links its native binary in a postinstall script, which a user's npmrc may have switched off.
            var packageDir = Path.Combine(prefix, "node_modules", package.Name);
            exit = await RunAsync(npm, packageDir, ["run", "--if-present", "postinstall"], started, progress, cancellationToken)
                .ConfigureAwait(false);
        }
        var version = exit.Code == 0 ? await PinnedVersionAsync(executable, package, cancellationToken).ConfigureAwait(false) : null;
        if (version is null)
        {
            var why = exit.Code != 0 ? $"npm exited with {exit.Code}" : $"{executable} does not report version {package.Version}";
            throw new ZwarmException(ErrorKind.AgentMissing,
                $"installing {package.Spec} failed ({why}){(exit.LastLine is null ? "" : ": " + exit.LastLine)}");
        }
        return new InstallResult(executable, version, AlreadyInstalled: false, time.GetElapsedTime(started));
    }

    /// <summary>The version line when <paramref name="executable"/> runs and reports the pinned version, else null.</summary>
    private static async Task<string?> PinnedVersionAsync(string executable, AgentPackage package, CancellationToken cancellationToken) =>
        File.Exists(executable) && await VersionProbe.ReadAsync(executable, cancellationToken).ConfigureAwait(false) is { } line
        && line.Contains(package.Version, StringComparison.Ordinal)
            ? line
            : null;

    private static void PreparePrefix(string prefix, IAgentAdapter adapter)
    {
        try
        {
            Directory.CreateDirectory(prefix);
            // A package.json of our own keeps npm from walking up into some parent project.
            var packageJson = Path.Combine(prefix, "package.json");
            if (!File.Exists(packageJson))
            {
                File.WriteAllText(packageJson, "{\n  \"name\": \"zwarm-agent-clis\",\n  \"private\": true\n}\n");
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ZwarmException(ErrorKind.AgentMissing, $"cannot install the {adapter.DisplayName} into {prefix}: {e.Message}");
        }
    }

    /// <summary>Runs npm, reporting each output line and a heartbeat; returns its exit code and last non-empty line.</summary>
    private async Task<(int Code, string? LastLine)> RunAsync(string npm, string directory, IReadOnlyList<string> arguments,
        long started, IProgress<InstallProgress> progress, CancellationToken cancellationToken)
    {
        string? last = null;
        var gate = new object();
        var lastReport = time.GetTimestamp();
        void OnLine(string line)
        {
            if (string.IsNullOrWhiteSpace(line)) return;
            lock (gate)
            {
                last = line.Trim();
                lastReport = time.GetTimestamp();
                progress.Report(new InstallProgress(last, time.GetElapsedTime(started)));
            }
        }
        // The heartbeat speaks only when npm has been silent for a whole interval.
        void OnTick()
        {
            lock (gate)
            {
                if (time.GetElapsedTime(lastReport) >= Heartbeat * 0.9)
                {
                    lastReport = time.GetTimestamp();
                    progress.Report(new InstallProgress(null, time.GetElapsedTime(started)));
                }
            }
        }
        var variables = Processes.ChildEnvironment.Exactly(environment);
        variables["npm_config_update_notifier"] = "false";
        variables["npm_config_progress"] = "false";
        var command = Cli.Wrap(npm).WithArguments(arguments).WithWorkingDirectory(directory)
            .WithEnvironmentVariables(variables)
            .WithValidation(CommandResultValidation.None)
            .WithStandardOutputPipe(PipeTarget.ToDelegate(OnLine))
            .WithStandardErrorPipe(PipeTarget.ToDelegate(OnLine));

        using var stopBeating = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var heartbeat = BeatAsync(OnTick, stopBeating.Token);
        try
        {
            var result = await command.ExecuteAsync(cancellationToken).ConfigureAwait(false);
            return (result.ExitCode, last);
        }
        finally
        {
            await stopBeating.CancelAsync().ConfigureAwait(false);
            await heartbeat.ConfigureAwait(false);
        }
    }

    private async Task BeatAsync(Action tick, CancellationToken cancellationToken)
    {
        try
        {
            using var timer = new PeriodicTimer(Heartbeat, time);
            while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
            {
                tick();
            }
        }
        catch (OperationCanceledException)
        {
            // The install ended, or was interrupted.
        }
    }
}
