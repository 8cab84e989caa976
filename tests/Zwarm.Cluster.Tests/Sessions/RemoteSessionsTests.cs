using System.Diagnostics;
using System.Text.Json;
using Xunit.Abstractions;
using Zwarm.Cluster.Sessions;
using Zwarm.Cluster.Tests.Membership;
using Zwarm.Cluster.Tests.Support;

namespace Zwarm.Cluster.Tests.Sessions;

/// <summary>
/// Sessions on workers, end to end in one lab (three workers: w1 holds 2, w2 3, w3 4; the fake agent as codex):
/// placement by --on, capacity and label; `ls` across workers; show/continue/kill of a remote session; a worker
/// killed with SIGKILL has its sessions `unreachable`, and restarted on the same store it shows them as they are
/// (its held turn survived the worker: turns are detached).
/// </summary>
[Trait("Category", "Cluster")]
[Collection(ClusterCollection.Name)]
public sealed class RemoteSessionsTests(ITestOutputHelper output)
{
    [ClusterFact]
    public async Task Sessions_are_placed_listed_routed_and_survive_their_worker()
    {
        await using var lab = await ClusterLab.StartAsync(workers: 3);
        var release = Path.Combine(lab.Root, "release");
        var hold = $"hold the turn @wait-file={release}";
        var clock = Stopwatch.StartNew();
        try
        {
            // --on and capacity: w1 takes two, then refuses a third by name (exit 5, naming it full).
            var a = await SpawnAsync(lab, "--on", "w1", hold);
            var b = await SpawnAsync(lab, "--on", "w1", hold);
            Assert.Equal(["w1", "w1"], [a.Worker, b.Worker]);
            var full = await lab.WorkerCommandAsync(Args(lab, "spawn", "--on", "w1", hold));
            Assert.True(full.ExitCode == 5, full.Describe());
            Assert.Contains("full", full.Err);

            // Anywhere: the full worker is skipped (whatever load the table last published, w1 itself refuses).
            var c = await SpawnAsync(lab, hold);
            var d = await SpawnAsync(lab, "--label", "common", hold);
            Assert.NotEqual("w1", c.Worker);
            Assert.NotEqual("w1", d.Worker);

            // Labels: l3 is w3's only; an unknown label is refused with one line.
            var e = await SpawnAsync(lab, "--label", "l3", hold);
            Assert.Equal("w3", e.Worker);
            var unknown = await lab.WorkerCommandAsync(Args(lab, "spawn", "--label", "nope", hold));
            Assert.True(unknown.ExitCode == 3, unknown.Describe());
            Assert.Equal("zwarm: no active worker has the label nope", unknown.Err.Trim());

            // A quick session on w2: show it from its worker, continue it there, show two turns.
            var quick = await SpawnAsync(lab, "--on", "w2", "say hello");
            var shown = await UntilShownAsync(lab, quick.Id, s => s.GetProperty("session").GetProperty("status").GetString() == "completed");
            Assert.Equal(quick.Id, shown.GetProperty("session").GetProperty("id").GetString());
            var continued = await lab.WorkerCommandAsync(Args(lab, "continue", quick.Id[..8], "and again"));
            Assert.True(continued.ExitCode == 0, continued.Describe());
            await UntilShownAsync(lab, quick.Id, s => s.GetProperty("session").GetProperty("status").GetString() == "completed"
                && s.GetProperty("turns").GetArrayLength() == 2);

            // ls: every session with its worker; the table fits 80 columns.
            var listed = await LsAsync(lab);
            foreach (var s in new[] { a, b, c, d, e, quick })
            {
                Assert.Equal(s.Worker, listed[s.Id].GetProperty("worker").GetString());
            }
            Assert.Equal("running", listed[e.Id].GetProperty("status").GetString());
            var table = await lab.WorkerCommandAsync(Args(lab, "ls"));
            Assert.True(table.ExitCode == 0, table.Describe());
            Assert.StartsWith("ID       WORKER", table.Out);
            Assert.All(table.Out.Split('\n'), line => Assert.True(line.Length <= 80, line));
            Assert.Contains($"{e.Id[..8]} w3", table.Out);

            // kill a remote session: its worker stops the turn.
            var killed = await lab.WorkerCommandAsync(Args(lab, "kill", b.Id));
            Assert.True(killed.ExitCode == 0, killed.Describe());
            Assert.Equal("killed", Json(killed.Out).GetProperty("status").GetString());

            // kill -9 w3: its sessions are unreachable (last known: running); routing to it is one line, exit 10.
            lab.Worker("w3").KillHard();
            await lab.DeclaredDeadAsync("w3", Stopwatch.StartNew());
            var dead = await LsAsync(lab);
            Assert.Equal("unreachable", dead[e.Id].GetProperty("status").GetString());
            Assert.Equal("running", dead[e.Id].GetProperty("last_known_status").GetString());
            Assert.Equal("w3", dead[e.Id].GetProperty("worker").GetString());
            Assert.Equal("killed", dead[b.Id].GetProperty("status").GetString());
            var routed = await lab.WorkerCommandAsync(Args(lab, "show", e.Id), deadline: TimeSpan.FromSeconds(30));
            Assert.True(routed.ExitCode == 10, routed.Describe());
            Assert.Contains("worker w3", routed.Err);
            Assert.Single(routed.Err.Trim().Split('\n'));
            Assert.True(routed.Elapsed < WorkerClient.Deadline, $"a dead owner took {routed.Elapsed.TotalSeconds:F1} s to report");
            output.WriteLine($"cold commands: ls {table.Elapsed.TotalSeconds:F1} s, kill {killed.Elapsed.TotalSeconds:F1} s, "
                + $"show of a dead worker's session {routed.Elapsed.TotalSeconds:F1} s");

            // w3 again on the same store: its sessions are back with their true status (the held turn survived).
            lab.Restart("w3");
            await lab.UntilAsync(rows => rows.Any(r => r.GetProperty("name").GetString() == "w3"
                && r.GetProperty("status").GetString() == "active"), "w3 active again");
            var back = await LsAsync(lab);
            Assert.Equal("running", back[e.Id].GetProperty("status").GetString());
            Assert.False(back[e.Id].TryGetProperty("last_known_status", out _));
            output.WriteLine($"the whole scenario took {clock.Elapsed.TotalSeconds:F1} s");
        }
        finally
        {
            File.WriteAllText(release, ""); // the held turns finish (they are detached: nothing else would stop them)
        }
    }

    private sealed record Spawned(string Id, string Worker);

    private static string[] Args(ClusterLab lab, params string[] args) => [.. args, "--cert", lab.CertificatePath];

    private static async Task<Spawned> SpawnAsync(ClusterLab lab, params string[] args)
    {
        var result = await lab.WorkerCommandAsync(Args(lab, ["spawn", "--json", .. args]));
        Assert.True(result.ExitCode == 0, result.Describe());
        var reply = Json(result.Out);
        return new Spawned(reply.GetProperty("id").GetString()!, reply.GetProperty("worker").GetString()!);
    }

    private static async Task<Dictionary<string, JsonElement>> LsAsync(ClusterLab lab)
    {
        var result = await lab.WorkerCommandAsync(Args(lab, "ls", "--json"));
        Assert.True(result.ExitCode == 0, result.Describe());
        return Json(result.Out).EnumerateArray().ToDictionary(s => s.GetProperty("id").GetString()!);
    }

    private static async Task<JsonElement> UntilShownAsync(ClusterLab lab, string id, Func<JsonElement, bool> condition)
    {
        var watch = Stopwatch.StartNew();
        while (true)
        {
            var result = await lab.WorkerCommandAsync(Args(lab, "show", id));
            Assert.True(result.ExitCode == 0, result.Describe());
            var shown = Json(result.Out);
            if (condition(shown))
            {
                return shown;
            }
            Assert.True(watch.Elapsed < ClusterLab.Patience, $"show {id} never matched: {result.Out}");
            await Task.Delay(250);
        }
    }

    private static JsonElement Json(string text)
    {
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }
}
