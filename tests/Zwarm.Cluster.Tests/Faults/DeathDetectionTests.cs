using System.Diagnostics;
using Xunit.Abstractions;
using Zwarm.Cluster.Membership;
using Zwarm.Cluster.Tests.Membership;
using Zwarm.Cluster.Tests.Support;

namespace Zwarm.Cluster.Tests.Faults;

/// <summary>
/// A worker that dies without a goodbye (SIGKILL) or loses its network is declared dead by the others within
/// <see cref="FailureDetection.DeclaredDeadWithin"/>, timed on the real clock from PostgreSQL's membership table, and
/// `workers` then shows it dead while the others stay active.
/// </summary>
[Trait("Category", "Cluster")]
[Collection(ClusterCollection.Name)]
public sealed class DeathDetectionTests(ITestOutputHelper output)
{
    [ClusterFact]
    public async Task A_worker_killed_with_sigkill_is_declared_dead_within_the_bound()
    {
        await using var lab = await ClusterLab.StartAsync(workers: 3);

        var clock = Stopwatch.StartNew();
        lab.Worker("w2").KillHard();
        var declared = await lab.DeclaredDeadAsync("w2", clock);
        var rows = await lab.UntilAsync(r => Status(r, "w2") == "dead", "w2 shown dead");
        var shown = clock.Elapsed;

        lab.Polls.ForEach(output.WriteLine);
        output.WriteLine($"kill -9: declared dead after {declared.TotalSeconds:F1} s, shown dead by `workers` after {shown.TotalSeconds:F1} s");
        Assert.True(declared <= FailureDetection.DeclaredDeadWithin, $"declared dead after {declared.TotalSeconds:F1} s");
        Assert.Equal("active", Status(rows, "w1"));
        Assert.Equal("active", Status(rows, "w3"));
    }

    [ClusterFact]
    public async Task A_worker_cut_off_the_network_is_declared_dead_within_the_bound()
    {
        await using var lab = await ClusterLab.StartAsync(workers: 3);

        var clock = Stopwatch.StartNew();
        await lab.Network.CutAsync(lab.Machines["w3"]);
        var declared = await lab.DeclaredDeadAsync("w3", clock);
        var rows = await lab.UntilAsync(r => Status(r, "w3") == "dead", "w3 shown dead");
        var shown = clock.Elapsed;

        lab.Polls.ForEach(output.WriteLine);
        output.WriteLine($"link down: declared dead after {declared.TotalSeconds:F1} s, shown dead by `workers` after {shown.TotalSeconds:F1} s");
        Assert.True(declared <= FailureDetection.DeclaredDeadWithin, $"declared dead after {declared.TotalSeconds:F1} s");
        Assert.Equal("active", Status(rows, "w1"));
        Assert.Equal("active", Status(rows, "w2"));
    }

    private static string? Status(IReadOnlyList<System.Text.Json.JsonElement> rows, string name) =>
        rows.Single(r => r.GetProperty("name").GetString() == name).GetProperty("status").GetString();
}
