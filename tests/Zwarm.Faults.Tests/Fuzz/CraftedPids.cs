// A finished session rewritten to look running (or pending, or a Python-zwarm session with only a pid) with a pid
// nobody proved: pid 1, 0, negative, huge, the test's own pid, or the canary — a foreign session leader of the same
// user that must never be signalled. Optionally its exit record is gone and its pid file says the same lie.
using System.Text;
using System.Text.Json.Nodes;
using Zwarm.Core.Processes;

namespace Zwarm.Faults.Tests.Fuzz;

internal sealed record CraftedPids(int Canary, long CanaryStart)
{
    public int[] Pids => [1, 0, -1, -Canary, int.MinValue, int.MaxValue, Environment.ProcessId, Canary, Canary, Canary, 4_194_304];

    /// <summary>Rewrites meta.json (and the turn's pid file / exit record) in <paramref name="turns"/>; returns what.</summary>
    public string Apply(string metaPath, string turnsDir, byte[] meta, Random random)
    {
        var root = JsonNode.Parse(meta)!.AsObject();
        var pid = Pids[random.Next(Pids.Length)];
        var status = random.Next(4) == 0 ? "pending" : "running";
        root["status"] = status;
        root["pid"] = pid;
        var what = new StringBuilder($"{status}, pid {pid}");
        var legacy = random.Next(5) == 0;
        if (legacy)
        {
            root.Remove("turns");
            what.Append(", no turns (Python zwarm)");
        }
        else
        {
            var turn = root["turns"]!.AsArray()[^1]!.AsObject();
            turn["status"] = status;
            turn["pid"] = random.Next(5) == 0 ? null : pid;
            turn["pid_start"] = random.Next(4) switch { 0 => null, 1 => CanaryStart, 2 => -1, _ => long.MaxValue };
            turn["boot_id"] = random.Next(3) switch { 0 => null, 1 => "another-boot", _ => ProcessInfo.BootId };
            turn["launch_token"] = random.Next(3) switch { 0 => null, 1 => TurnToken.New(), _ => "../../not-a-token" };
            turn["ended_at"] = null;
            turn["exit_code"] = null;
            turn["kill_requested_at"] = random.Next(4) == 0 ? "2026-12-07T10:00:00.000000" : null;
            what.Append($", pid_start {turn["pid_start"]?.ToJsonString() ?? "null"}, token {turn["launch_token"]?.ToJsonString() ?? "null"}");
        }
        if (random.Next(2) == 0)
        {
            // Fresh, so a pending session is not yet "never started".
            var now = DateTimeOffset.Now;
            root["updated_at"] = now.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff", System.Globalization.CultureInfo.InvariantCulture);
            root["updated_at_utc"] = now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", System.Globalization.CultureInfo.InvariantCulture);
            what.Append(", updated now");
        }
        File.WriteAllText(metaPath, root.ToJsonString());
        if (random.Next(4) != 0)
        {
            File.Delete(Path.Combine(turnsDir, "turn_1.exit.json"));
            what.Append(", no exit record");
        }
        var pidFile = Path.Combine(turnsDir, "turn_1.pid");
        switch (random.Next(3))
        {
            case 0:
                File.Delete(pidFile);
                what.Append(", no pid file");
                break;
            case 1:
                File.WriteAllText(pidFile, $"{Pids[random.Next(Pids.Length)]}\n");
                what.Append($", pid file {File.ReadAllText(pidFile).Trim()}");
                break;
        }
        return what.ToString();
    }
}
