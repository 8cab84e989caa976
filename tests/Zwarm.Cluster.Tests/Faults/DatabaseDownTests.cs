using System.Diagnostics;
using Zwarm.Cluster.Tests.Membership;
using Zwarm.Cluster.Tests.Support;

namespace Zwarm.Cluster.Tests.Faults;

[Trait("Category", "Cluster")]
[Collection(ClusterCollection.Name)]
public sealed class DatabaseDownTests
{
    [ClusterFact]
    public async Task With_postgresql_stopped_workers_is_one_line_and_exit_code_10_and_works_again_once_it_is_back()
    {
        await using var lab = await ClusterLab.StartAsync(workers: 1);

        await lab.Postgres.StopAsync();
        var down = await lab.WorkersAsync();
        var init = await lab.WorkerCommandAsync(["cluster", "init", "--cert-dir", lab.CertificateDirectory]);

        Assert.True(down.ExitCode == 10, down.Describe());
        Assert.Equal("", down.Out);
        Assert.Matches(@"^zwarm: cannot reach the cluster database zwarm@10\.77\.0\.1:\d+/zwarm: .+\n$", down.Err);
        Assert.DoesNotContain(lab.Postgres.Password, down.Err);
        Assert.True(down.Elapsed < TimeSpan.FromSeconds(10), down.Describe());
        Assert.True(init.ExitCode == 10, init.Describe());

        // The worker rode it out: with the database back, it is listed active again.
        await lab.Postgres.StartAgainAsync();
        var rows = await lab.UntilAsync(r => r.Count == 1 && r[0].GetProperty("status").GetString() == "active", "w1 active again");
        Assert.Equal("w1", rows[0].GetProperty("name").GetString());
    }
}
