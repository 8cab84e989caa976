// The store's invariants after any crash, checked from the files and /proc alone: every session folder has a
// meta.json that parses (or is a leftover zwarm itself lists and removes), its status — refreshed as any verb would
// — agrees with its exit record, its stream and its live processes (running exactly while a process of the turn
// lives, completed only with a completed stream), its lock is free, no line already written was lost, and no
// process of the store's turns runs that is not its session's current turn (an untracked or double-started turn).
using System.Text;
using System.Text.RegularExpressions;
using Zwarm.Core.Processes;
using Zwarm.Core.Sessions;

namespace Zwarm.Faults.Tests.Kills;

internal static partial class StoreConsistency
{
    /// <summary>Every violation found (empty when the store is consistent).</summary>
    /// <param name="written">Turn file contents seen before the crash, by path: each must still start with them.</param>
    /// <param name="fakeHome">The FAKE_AGENT_HOME of this store's turns (tells its processes from other tests').</param>
    public static async Task<List<string>> CheckAsync(SessionService sessions, IReadOnlyDictionary<string, byte[]> written, string fakeHome)
    {
        var problems = new List<string>();
        var store = sessions.Store;
        var current = new HashSet<string>(StringComparer.Ordinal);
        foreach (var id in store.EnumerateIds().ToList())
        {
            SessionMeta? meta;
            try
            {
                meta = store.Load(id);
            }
            catch (CorruptSessionException e)
            {
                problems.Add($"{id}: meta.json does not parse: {e.Reason}");
                continue;
            }
            if (meta is null)
            {
                continue; // a spawn killed before its first write: a leftover `ls` reports and `clean` removes
            }
            meta = await sessions.RefreshAsync(meta, CancellationToken.None);
            if (meta.CurrentTurn?.LaunchToken is { } token)
            {
                current.Add(token);
            }
            problems.AddRange(CheckSession(store, meta).Select(p => $"{id[..8]} ({meta.Status.ToName()}): {p}"));
            try
            {
                using var held = await store.LockAsync(id, TimeSpan.FromSeconds(2), CancellationToken.None);
            }
            catch (Zwarm.Core.ZwarmException e) when (e.Kind == Zwarm.Core.ErrorKind.State)
            {
                problems.Add($"{id[..8]}: its lock is still held: {e.Message}");
            }
        }
        foreach (var (pid, token) in TurnProcessesOf(fakeHome).Where(p => !current.Contains(p.Token)))
        {
            problems.Add($"pid {pid} runs for turn token {token}, which is no session's current turn (untracked or double-started)");
        }
        foreach (var (path, before) in written)
        {
            if (!File.Exists(path))
            {
                continue; // removed with its session by an `rm` that was not killed in time
            }
            var now = File.ReadAllBytes(path);
            if (now.Length < before.Length || !now.AsSpan(0, before.Length).SequenceEqual(before))
            {
                problems.Add($"{path}: output already written was lost ({before.Length} bytes before, {now.Length} now)");
            }
        }
        return problems;
    }

    private static IEnumerable<string> CheckSession(SessionStore store, SessionMeta meta)
    {
        if (meta.CurrentTurn is not { } turn)
        {
            yield break;
        }
        var alive = turn.LaunchToken is { } token && TurnProcesses.Carriers(token).Count > 0;
        if (meta.Status == SessionStatus.Running && !alive)
        {
            yield return "running, but no process of its turn lives";
        }
        if (meta.Status.IsStopped() && alive)
        {
            yield return "stopped, but a process of its turn still runs";
        }
        var exit = ReadExit(store.ExitPath(meta.Id, meta.Turn));
        var stream = File.Exists(store.TurnPath(meta.Id, meta.Turn)) ? File.ReadAllText(store.TurnPath(meta.Id, meta.Turn)) : "";
        var completed = stream.Contains("\"turn.completed\"", StringComparison.Ordinal);
        if (meta.Status.IsStopped() && exit is 0 && completed && meta.Status != SessionStatus.Completed)
        {
            yield return $"exit 0 with a completed stream, recorded as {meta.Status.ToName()}";
        }
        if (meta.Status == SessionStatus.Completed && !completed)
        {
            yield return "completed without a completed stream";
        }
        if (meta.Status.IsStopped() && exit is { } code && turn.ExitCode != code)
        {
            yield return $"its exit record says {code}, meta.json {turn.ExitCode?.ToString() ?? "null"}";
        }
        var numbers = StreamLine().Matches(stream).Select(m => int.Parse(m.Groups[1].Value)).ToList();
        if (!numbers.SequenceEqual(Enumerable.Range(1, numbers.Count)))
        {
            yield return $"stream lines out of order or missing: {string.Join(",", numbers)}";
        }
    }

    // Live processes whose environment names this store's fake agent home and a turn token, with the token.
    private static IEnumerable<(int Pid, string Token)> TurnProcessesOf(string fakeHome)
    {
        foreach (var process in ProcessInfo.All().Where(p => p.IsLive && p.Pid != Environment.ProcessId))
        {
            string[] environ;
            try
            {
                environ = File.ReadAllText($"/proc/{process.Pid}/environ").Split('\0');
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                continue; // it ended meanwhile
            }
            var token = environ.FirstOrDefault(v => v.StartsWith(TurnToken.Variable + "=", StringComparison.Ordinal));
            if (token is not null && environ.Contains("FAKE_AGENT_HOME=" + fakeHome))
            {
                yield return (process.Pid, token[(TurnToken.Variable.Length + 1)..]);
            }
        }
    }

    private static int? ReadExit(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }
        var match = ExitCode().Match(File.ReadAllText(path, Encoding.UTF8));
        return match.Success ? int.Parse(match.Groups[1].Value) : null;
    }

    [GeneratedRegex(@"stream (\d+)")]
    private static partial Regex StreamLine();

    [GeneratedRegex(@"""exit_code""\s*:\s*(-?\d+)")]
    private static partial Regex ExitCode();
}
