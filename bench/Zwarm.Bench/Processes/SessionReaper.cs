// Cleanup: kills the process group of every turn the benchmark started that is still running. Only groups whose
// leader is a zwarm turn supervisor (its argv[0] is "zwarm-turn") are touched, so a recycled pid is never killed.
using System.Text.Json;

namespace Zwarm.Bench.Processes;

internal static class SessionReaper
{
    public static void KillTurns(string stateDirectory)
    {
        foreach (var pid in SupervisorPids(stateDirectory))
        {
            if (IsSupervisor(pid))
            {
                Libc.kill(-pid, Libc.SIGKILL);
            }
        }
    }

    /// <summary>Pids of every turn's supervisor recorded in the store's meta.json files.</summary>
    public static IEnumerable<int> SupervisorPids(string stateDirectory)
    {
        var sessions = Path.Combine(stateDirectory, "sessions");
        if (!Directory.Exists(sessions))
        {
            yield break;
        }
        foreach (var dir in Directory.EnumerateDirectories(sessions))
        {
            var meta = Path.Combine(dir, "meta.json");
            if (!File.Exists(meta))
            {
                continue;
            }
            int[] pids;
            try
            {
                using var doc = JsonDocument.Parse(File.ReadAllBytes(meta));
                pids = doc.RootElement.TryGetProperty("turns", out var turns) && turns.ValueKind == JsonValueKind.Array
                    ? turns.EnumerateArray()
                        .Where(t => t.TryGetProperty("pid", out var p) && p.ValueKind == JsonValueKind.Number)
                        .Select(t => t.GetProperty("pid").GetInt32()).ToArray()
                    : [];
            }
            catch (Exception e) when (e is IOException or JsonException)
            {
                continue;
            }
            foreach (var pid in pids)
            {
                yield return pid;
            }
        }
    }

    /// <summary>True while <paramref name="pid"/> is a live `sh -c SCRIPT zwarm-turn ...` supervisor.</summary>
    public static bool IsSupervisor(int pid)
    {
        try
        {
            var cmdline = File.ReadAllText($"/proc/{pid}/cmdline");
            return cmdline.Contains("\0zwarm-turn\0", StringComparison.Ordinal);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
