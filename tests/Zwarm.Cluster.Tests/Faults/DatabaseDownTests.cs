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
        var worker = await lab.WorkerCommandAsync(["worker", "--name", "late", "--cert", lab.CertificatePath,
            "--state-dir", Directory.CreateDirectory(Path.Combine(lab.Root, "state-late")).FullName], deadline: TimeSpan.FromSeconds(30));

        Assert.True(down.ExitCode == 10, down.Describe());
        Assert.Equal("", down.Out);
        Assert.Matches(@"^zwarm: cannot reach the cluster database zwarm@10\.77\.0\.1:\d+/zwarm: .+\n$", down.Err);
        Assert.DoesNotContain(lab.Postgres.Password, down.Err);
        Assert.True(down.Elapsed < TimeSpan.FromSeconds(10), down.Describe());
        Assert.True(init.ExitCode == 10, init.Describe());
        // A worker that cannot reach the database does not start: one line, exit 10, no hang.
        Assert.True(worker.ExitCode == 10, worker.Describe());
        Assert.StartsWith("zwarm: cannot reach the cluster database ", worker.Err);

        // The worker rode it out: with the database back, it is listed active again.
        await lab.Postgres.StartAgainAsync();
        var rows = await lab.UntilAsync(r => r.Count == 1 && r[0].GetProperty("status").GetString() == "active", "w1 active again");
        Assert.Equal("w1", rows[0].GetProperty("name").GetString());
    }
}
