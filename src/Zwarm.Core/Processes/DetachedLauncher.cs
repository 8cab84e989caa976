// Starts one agent turn fully detached from the zwarm process that asked for it. See docs/supervisor.md.
//
// The supervisor is `setsid /bin/sh -c SCRIPT`: a new session and process group whose id is the supervisor's pid (no
// controlling terminal, so a terminal hang-up never reaches it), with ZWARM_TURN=<launch token> in its environment
// and so in the agent's. Its first act is turns/turn_N.pid (its pid, written atomically), so the turn is findable
// even when the zwarm that launched it dies before recording the pid. It ignores SIGINT/SIGTERM/HUP (and so do the
// little commands it runs after the agent), so a kill reaching the group never costs the exit record; `env
// --default-signal` gives the agent default dispositions. Turn files are created 0600 (umask 077), while the agent
// runs with the user's own umask. The exit record's blocks are reserved at the start and overwritten in place at the
// end, so a full disk cannot lose it; then the finalizer (zwarm's own executable, if given) closes the turn at once.
using System.Diagnostics;

namespace Zwarm.Core.Processes;

internal sealed class DetachedLauncher
{
    /// <summary>argv[0] of the supervisor's shell: how a supervisor is recognised in /proc.</summary>
    internal const string SupervisorName = "zwarm-turn";

    internal const string SupervisorScript = """
        trap '' INT TERM HUP
        d=$1; n=$2; f=$3; s=$4; i=$5; shift 5
        t="$d/turn_$n"
        u=$(umask); umask 077
        exec </dev/null >>"$t.stderr" 2>&1
        echo $$ >"$t.pid.tmp" && mv -f "$t.pid.tmp" "$t.pid"
        printf '%511s\n' '' >"$t.exit.json.tmp"
        exec 3>>"$t.jsonl"
        umask "$u"
        env --default-signal=INT,TERM,HUP,QUIT,PIPE "$@" </dev/null >&3 3>&-
        rc=$?
        exec 3>&-
        umask 077
        printf '{"exit_code": %s, "ended_at": "%s"}' "$rc" "$(date +%Y-%m-%dT%H:%M:%S.%6N)" 1<>"$t.exit.json.tmp" && mv -f "$t.exit.json.tmp" "$t.exit.json"
        [ -z "$f" ] || env -u ZWARM_TURN "$f" __finalize --state-dir "$s" "$i" "$n" </dev/null
        """;

    private readonly IReadOnlyDictionary<string, string?> _baseEnvironment;

    /// <param name="baseEnvironment">The environment the agent inherits (zwarm's own, as captured by the context).</param>
    public DetachedLauncher(IReadOnlyDictionary<string, string?> baseEnvironment)
    {
        _baseEnvironment = baseEnvironment;
    }

    /// <summary>
    /// Starts <paramref name="spec"/> as the turn <paramref name="launch"/> describes. The executable must already
    /// be resolved to a path (see <see cref="ExecutableResolver"/>).
    /// </summary>
    public LaunchedTurn Launch(ProcessSpec spec, TurnLaunch launch)
    {
        var turnsDirectory = launch.TurnsDirectory;
        var turn = launch.Turn;
        Directory.CreateDirectory(turnsDirectory);
        // Create the files up front (private) so followers can open them at once; the script appends.
        CreatePrivate(Path.Combine(turnsDirectory, $"turn_{turn}.jsonl"));
        CreatePrivate(Path.Combine(turnsDirectory, $"turn_{turn}.stderr"));
        // Leftovers of a launch that never ran (or links planted there) are not the new turn's: the script recreates them.
        foreach (var suffix in new[] { "pid", "pid.tmp", "exit.json", "exit.json.tmp" })
        {
            File.Delete(Path.Combine(turnsDirectory, $"turn_{turn}.{suffix}"));
        }

        var psi = new ProcessStartInfo(ExecutableResolver.Setsid)
        {
            UseShellExecute = false,
            WorkingDirectory = spec.WorkingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        psi.ArgumentList.Add("/bin/sh");
        psi.ArgumentList.Add("-c");
        psi.ArgumentList.Add(SupervisorScript);
        psi.ArgumentList.Add(SupervisorName);
        psi.ArgumentList.Add(turnsDirectory);
        psi.ArgumentList.Add(turn.ToString(System.Globalization.CultureInfo.InvariantCulture));
        psi.ArgumentList.Add(launch.Finalizer?.Executable ?? "");
        psi.ArgumentList.Add(launch.Finalizer?.StateDirectory ?? "");
        psi.ArgumentList.Add(launch.Finalizer?.SessionId ?? "");
        psi.ArgumentList.Add(spec.Executable);
        foreach (var arg in spec.Arguments)
        {
            psi.ArgumentList.Add(arg);
        }

        psi.Environment.Clear();
        foreach (var (key, value) in _baseEnvironment)
        {
            if (value is not null)
            {
                psi.Environment[key] = value;
            }
        }
        foreach (var (key, value) in spec.EnvironmentOverrides)
        {
            if (value is null)
            {
                psi.Environment.Remove(key);
            }
            else
            {
                psi.Environment[key] = value;
            }
        }
        psi.Environment[TurnToken.Variable] = launch.Token;

        using var process = Process.Start(psi) ?? throw new InvalidOperationException("could not start the turn supervisor");
        // The script replaces these pipes with files at once; zwarm keeps no handle on the turn.
        process.StandardInput.Close();
        process.StandardOutput.Close();
        process.StandardError.Close();

        var pid = process.Id;
        var stat = ProcessInfo.TryGetStat(pid);
        return new LaunchedTurn(pid, stat?.StartTime, ProcessInfo.BootId);
    }

    // A turn file planted as a symlink (or a FIFO, a device) would receive the agent's output elsewhere: refused.
    private static void CreatePrivate(string path)
    {
        var info = new FileInfo(path);
        if (info.LinkTarget is not null || (info.Exists && (info.Attributes & (FileAttributes.Device | FileAttributes.ReparsePoint)) != 0))
        {
            throw new IOException($"{path} is not a regular file; refusing to write the turn through it");
        }
        var options = new FileStreamOptions { Mode = FileMode.Append, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }
        using var _ = new FileStream(path, options);
    }
}

/// <summary>The supervisor of a started turn: its pid (also its process group id), start time and boot id.</summary>
internal sealed record LaunchedTurn(int Pid, long? StartTime, string BootId);
