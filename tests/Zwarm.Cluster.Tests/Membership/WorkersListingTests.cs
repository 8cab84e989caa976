using System.Text.Json;
using Zwarm.Cluster.Tests.Support;

namespace Zwarm.Cluster.Tests.Membership;

[Trait("Category", "Cluster")]
[Collection(ClusterCollection.Name)]
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class WorkersListingTests(LabFixture fixture) : IClassFixture<LabFixture>
{
    private ClusterLab Lab => fixture.Lab!;

    [ClusterFact]
    public async Task Three_workers_on_three_machines_are_listed_active_with_their_labels_capacity_load_and_agents()
    {
        var rows = await Lab.WorkersJsonAsync();

        Assert.Equal(["w1", "w2", "w3"], rows.Select(r => r.GetProperty("name").GetString()));
        for (var i = 1; i <= 3; i++)
        {
            var row = rows[i - 1];
            Assert.Equal("active", row.GetProperty("status").GetString());
            Assert.Equal($"{NetworkLab.Subnet}.{10 + i}:11111", row.GetProperty("address").GetString());
            Assert.Equal(i + 1, row.GetProperty("max_sessions").GetInt32());
            Assert.Equal(0, row.GetProperty("running").GetInt32());
            Assert.Equal([$"l{i}", "common"], row.GetProperty("labels").EnumerateArray().Select(l => l.GetString()));
            Assert.Equal(JsonValueKind.Array, row.GetProperty("agents").ValueKind);
            // Heartbeats every 5 s: a live worker's last one is recent.
            Assert.InRange(row.GetProperty("heartbeat_age_seconds").GetDouble(), 0, 30);
        }
    }

    [ClusterFact]
    public async Task The_table_fits_80_columns_and_names_every_worker()
    {
        var result = await Lab.WorkersAsync();

        Assert.True(result.ExitCode == 0, result.Describe());
        var lines = result.Out.TrimEnd().Split('\n');
        Assert.StartsWith("NAME", lines[0]);
        Assert.Equal(4, lines.Length);
        Assert.All(lines, l => Assert.True(l.Length <= 80, $"{l.Length} columns: {l}"));
        Assert.All(["w1", "w2", "w3"], w => Assert.Contains(lines, l => l.StartsWith(w + " ", StringComparison.Ordinal) && l.Contains("active")));
    }

    [ClusterFact]
    public async Task Cluster_init_again_keeps_schema_and_certificate_and_the_key_is_private()
    {
        var before = await File.ReadAllBytesAsync(Lab.CertificatePath);

        var again = await Lab.WorkerCommandAsync(["cluster", "init", "--cert-dir", Lab.CertificateDirectory]);

        Assert.True(again.ExitCode == 0, again.Describe());
        Assert.DoesNotContain("created", again.Out);
        Assert.Equal(5, again.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Count(l => l.StartsWith("present", StringComparison.Ordinal)));
        Assert.Equal(before, await File.ReadAllBytesAsync(Lab.CertificatePath));
        Assert.Contains("created  orleans membership tables", Lab.Init!.Out);
        Assert.Contains("created  zwarm sessions table", Lab.Init!.Out);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Lab.CertificatePath));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(Lab.CertificateDirectory));
    }

    [ClusterFact]
    public async Task A_client_with_another_certificate_is_refused_quickly_with_exit_code_8()
    {
        var other = Path.Combine(Lab.Root, "other-cert");
        var made = await Lab.WorkerCommandAsync(["cluster", "init", "--cert-dir", other]);
        Assert.True(made.ExitCode == 0, made.Describe());

        var result = await Lab.WorkerCommandAsync(["workers", "--cert", Path.Combine(other, "cluster.pfx")]);

        Assert.True(result.ExitCode == 8, result.Describe());
        Assert.Equal("", result.Out);
        Assert.Matches(@"^zwarm: the cluster refused this client: .* is not the cluster's certificate \(TLS handshake failed\)\n$", result.Err);
        Assert.True(result.Elapsed < TimeSpan.FromSeconds(10), result.Describe());
        // The workers saw the refused handshake too.
        Assert.Contains(Lab.Workers, w => w.Log.Contains("Authentication failed"));
    }

    [ClusterFact]
    public async Task A_client_without_a_certificate_file_is_one_line_and_exit_code_8()
    {
        var result = await Lab.WorkerCommandAsync(["workers", "--cert", Path.Combine(Lab.Root, "absent.pfx")]);

        Assert.True(result.ExitCode == 8, result.Describe());
        Assert.StartsWith("zwarm: no cluster certificate at ", result.Err);
        Assert.Single(result.Err.TrimEnd().Split('\n'));
    }

    [ClusterFact]
    public async Task A_plain_tcp_peer_gets_no_orleans_handshake_from_a_worker()
    {
        // Orleans' plain protocol starts with a preamble; a TLS-only worker answers a plain connection by closing it.
        using var client = new System.Net.Sockets.TcpClient();
        await client.ConnectAsync(System.Net.IPAddress.Parse($"{NetworkLab.Subnet}.11"), 11112);
        var stream = client.GetStream();
        await stream.WriteAsync(new byte[64]);
        var buffer = new byte[256];
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        int read;
        try
        {
            read = await stream.ReadAsync(buffer, deadline.Token);
        }
        catch (IOException)
        {
            read = 0; // reset by the worker: refused as well
        }
        Assert.Equal(0, read);
    }

    [ClusterFact]
    public async Task No_worker_log_holds_the_database_password()
    {
        // After at least one client has come and gone (a refused one included, in other tests), still nothing.
        await Lab.WorkersJsonAsync();

        Assert.All(Lab.Workers, w =>
        {
            Assert.Contains("is in the cluster at zwarm@", w.Log);
            Assert.DoesNotContain(Lab.Postgres.Password, w.Log);
        });
    }
}
