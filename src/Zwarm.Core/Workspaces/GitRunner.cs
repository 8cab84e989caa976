// The one way zwarm runs git: the `git` CLI as an attached child (CliWrap), arguments as a list, both streams drained,
// cancellation passed through. Commands that commit or merge run "as zwarm": the repository's hooks and signing off
// for that command and an explicit author/committer, so they work without a git identity and never run user hooks.
using CliWrap;
using CliWrap.Buffered;

namespace Zwarm.Core.Workspaces;

internal sealed class GitRunner
{
    public const string ZwarmName = "zwarm";
    public const string ZwarmEmail = "zwarm@localhost";

    private static readonly string[] ZwarmConfig =
        ["-c", "core.hooksPath=/dev/null", "-c", "commit.gpgsign=false", "-c", "tag.gpgsign=false"];

    private readonly Dictionary<string, string?> _environment;
    private readonly bool _missing;
    private GitVersion? _version;

    /// <param name="environment">The environment git gets (zwarm's captured one); git's own location variables are dropped.</param>
    public GitRunner(IReadOnlyDictionary<string, string?> environment, string? executable = null)
    {
        // git from the PATH of zwarm's captured environment (the one agents get), not necessarily this process's.
        var path = environment.GetValueOrDefault("PATH");
        var resolved = executable ?? Processes.ExecutableResolver.Resolve("git", path);
        _missing = resolved is null && path is not null;
        Executable = resolved ?? "git";
        _environment = new Dictionary<string, string?>(environment, StringComparer.Ordinal)
        {
            // A variable inherited from a git hook or alias would point every command at another repository.
            ["GIT_DIR"] = null,
            ["GIT_WORK_TREE"] = null,
            ["GIT_INDEX_FILE"] = null,
            ["GIT_COMMON_DIR"] = null,
            ["GIT_PREFIX"] = null,
            ["GIT_TERMINAL_PROMPT"] = "0",
            ["GIT_EDITOR"] = "true",
            ["GIT_SEQUENCE_EDITOR"] = "true",
            ["GIT_PAGER"] = "cat",
            ["LC_ALL"] = "C",
        };
    }

    public string Executable { get; }

    /// <summary>Runs git in <paramref name="directory"/>; a non-zero exit is returned, not thrown.</summary>
    public async Task<GitResult> RunAsync(string directory, IReadOnlyList<string> arguments, GitCall? call,
        CancellationToken cancellationToken)
    {
        if (_missing)
        {
            throw new ZwarmException(ErrorKind.AgentMissing,
                $"git was not found on PATH; isolated sessions need git {GitVersion.Minimum} or newer");
        }
        call ??= new GitCall();
        var environment = new Dictionary<string, string?>(_environment, StringComparer.Ordinal);
        if (call.AsZwarm)
        {
            environment["GIT_AUTHOR_NAME"] = ZwarmName;
            environment["GIT_AUTHOR_EMAIL"] = ZwarmEmail;
            environment["GIT_COMMITTER_NAME"] = ZwarmName;
            environment["GIT_COMMITTER_EMAIL"] = ZwarmEmail;
        }
        foreach (var (key, value) in call.Environment ?? new Dictionary<string, string?>())
        {
            environment[key] = value;
        }
        var command = Cli.Wrap(Executable)
            .WithArguments(call.AsZwarm ? [.. ZwarmConfig, .. arguments] : arguments)
            .WithWorkingDirectory(directory)
            .WithEnvironmentVariables(environment)
            .WithValidation(CommandResultValidation.None);
        if (call.Input is not null)
        {
            command = command.WithStandardInputPipe(PipeSource.FromString(call.Input));
        }
        try
        {
            var result = await command.ExecuteBufferedAsync(cancellationToken).ConfigureAwait(false);
            return new GitResult(result.ExitCode, result.StandardOutput, result.StandardError);
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or FileNotFoundException)
        {
            throw new ZwarmException(ErrorKind.AgentMissing,
                $"git was not found ({Executable}); isolated sessions need git {GitVersion.Minimum} or newer");
        }
        catch (Exception e) when (e is DirectoryNotFoundException or IOException && !Directory.Exists(directory))
        {
            throw new ZwarmException(ErrorKind.Conflict, $"{directory} does not exist");
        }
    }

    /// <summary>Runs git and returns its output; a failure becomes one ZwarmException line (git's own message).</summary>
    public async Task<GitResult> RunCheckedAsync(string directory, IReadOnlyList<string> arguments, GitCall? call,
        string what, CancellationToken cancellationToken)
    {
        var result = await RunAsync(directory, arguments, call, cancellationToken).ConfigureAwait(false);
        return result.Succeeded ? result : throw new ZwarmException(ErrorKind.State, $"{what}: {result.Message}");
    }

    /// <summary>The git version, checked once: throws (naming both versions) when older than <see cref="GitVersion.Minimum"/>.</summary>
    public async Task<GitVersion> EnsureVersionAsync(CancellationToken cancellationToken)
    {
        if (_version is { } known)
        {
            return known;
        }
        var result = await RunAsync(Path.GetTempPath(), ["version"], null, cancellationToken).ConfigureAwait(false);
        var version = GitVersion.Parse(result.Value)
            ?? throw new ZwarmException(ErrorKind.AgentMissing, $"cannot tell the version of git from '{result.Value}'");
        if (version < GitVersion.Minimum)
        {
            throw new ZwarmException(ErrorKind.AgentMissing,
                $"git {version} is too old: isolated sessions need git {GitVersion.Minimum} or newer (for merge-tree --write-tree)");
        }
        _version = version;
        return version;
    }
}
