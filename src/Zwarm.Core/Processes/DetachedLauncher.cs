// Starts one agent turn fully detached from the zwarm process that asked for it.
//
// The supervisor is `setsid /bin/sh -c SCRIPT`: a new session and process group (no controlling terminal, so a
// terminal hang-up never reaches it), stdin /dev/null, stdout appended to turns/turn_N.jsonl, stderr to
// turns/turn_N.stderr. When the agent exits, the shell writes turns/turn_N.exit.json atomically (temp + rename),
// whether or not any zwarm process is alive. The shell survives SIGINT/SIGTERM sent to the group (a no-op trap, or
// the signal was already ignored) so it can record the exit; `env --default-signal` gives the agent default
// dispositions even if zwarm itself was started with signals ignored. A POSIX shell costs ~1 MB per running turn.
using System.Diagnostics;

namespace Zwarm.Core.Processes;

public sealed class DetachedLauncher
{
    internal const string SupervisorScript = """
        d=$1; n=$2; shift 2
        exec </dev/null >>"$d/turn_$n.stderr" 2>&1
        trap ':' INT TERM HUP
        env --default-signal=INT,TERM,HUP,QUIT,PIPE "$@" </dev/null >>"$d/turn_$n.jsonl"
        rc=$?
        printf '{"exit_code": %s, "ended_at": "%s"}\n' "$rc" "$(date +%Y-%m-%dT%H:%M:%S.%6N)" >"$d/turn_$n.exit.json.tmp" && mv -f "$d/turn_$n.exit.json.tmp" "$d/turn_$n.exit.json"
        """;

    private readonly IReadOnlyDictionary<string, string?> _baseEnvironment;

    /// <param name="baseEnvironment">The environment the agent inherits (zwarm's own, as captured by the context).</param>
    public DetachedLauncher(IReadOnlyDictionary<string, string?> baseEnvironment)
    {
        _baseEnvironment = baseEnvironment;
    }

    /// <summary>
    /// Starts <paramref name="spec"/> as turn <paramref name="turn"/> writing into <paramref name="turnsDirectory"/>.
    /// The executable must already be resolved to a path (see <see cref="ExecutableResolver"/>).
    /// </summary>
    public LaunchedTurn Launch(ProcessSpec spec, string turnsDirectory, int turn)
    {
        Directory.CreateDirectory(turnsDirectory);
        // Create the files up front so followers can open them at once; the script appends.
        File.AppendAllText(Path.Combine(turnsDirectory, $"turn_{turn}.jsonl"), "");
        File.AppendAllText(Path.Combine(turnsDirectory, $"turn_{turn}.stderr"), "");

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
        psi.ArgumentList.Add("zwarm-turn");
        psi.ArgumentList.Add(turnsDirectory);
        psi.ArgumentList.Add(turn.ToString(System.Globalization.CultureInfo.InvariantCulture));
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

        using var process = Process.Start(psi) ?? throw new InvalidOperationException("could not start the turn supervisor");
        // The script replaces these pipes with files at once; zwarm keeps no handle on the turn.
        process.StandardInput.Close();
        process.StandardOutput.Close();
        process.StandardError.Close();

        var pid = process.Id;
        var stat = ProcessInfo.TryGetStat(pid);
        return new LaunchedTurn(pid, stat?.StartTime, ProcessInfo.BootId);
    }
}

/// <summary>The supervisor of a started turn: its pid (also its process group id), start time and boot id.</summary>
public sealed record LaunchedTurn(int Pid, long? StartTime, string BootId);
