// A throw-away PostgreSQL from Debian's package: initdb + pg_ctl as the postgres user (PostgreSQL refuses root) in a
// temp data dir, listening on one address (the lab's bridge) at a free port and on a unix socket in the temp dir,
// password authentication (scram), a database `zwarm` for the cluster.
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;

namespace Zwarm.Cluster.Tests.Support;

internal sealed class Postgres : IAsyncDisposable
{
    private readonly string _root;
    private readonly string _bin;

    private Postgres(string root, string bin, string address, int port, string password)
    {
        _root = root;
        _bin = bin;
        Address = address;
        Port = port;
        Password = password;
    }

    public string Address { get; }

    public int Port { get; }

    public string Password { get; }

    public string ConnectionString => $"Host={Address};Port={Port};Username=zwarm;Password={Password};Database=zwarm";

    private string DataDirectory => Path.Combine(_root, "data");

    public static async Task<Postgres> StartAsync(string address)
    {
        var bin = LabPrerequisites.PostgresBin ?? throw new InvalidOperationException("no PostgreSQL");
        var root = Directory.CreateTempSubdirectory("zwarm-pg-").FullName;
        var password = Convert.ToHexString(RandomNumberGenerator.GetBytes(12)).ToLowerInvariant();
        await File.WriteAllTextAsync(Path.Combine(root, "pw"), password + "\n");
        await Run.CheckedAsync("chown", "-R", "postgres:", root);
        var pg = new Postgres(root, bin, address, FreePort(address), password);
        await pg.AsPostgresAsync("initdb", "-D", pg.DataDirectory, "-U", "zwarm", "--auth=scram-sha-256",
            "--pwfile=" + Path.Combine(root, "pw"), "--no-sync");
        // The workers connect from the lab's subnet (a real set-up names its machines' network the same way).
        await File.AppendAllTextAsync(Path.Combine(pg.DataDirectory, "pg_hba.conf"), $"host all all {address}/24 scram-sha-256\n");
        await pg.StartAgainAsync();
        var created = await Run.CommandAsync(Path.Combine(bin, "createdb"),
            ["-h", address, "-p", pg.Port.ToString(), "-U", "zwarm", "zwarm"],
            new Dictionary<string, string?> { ["PGPASSWORD"] = password });
        if (created.ExitCode != 0)
        {
            throw new InvalidOperationException("createdb failed: " + created.Describe());
        }
        return pg;
    }

    public Task StartAgainAsync() => AsPostgresAsync("pg_ctl", "-D", DataDirectory, "-l", Path.Combine(_root, "log"), "-w", "-t", "60",
        "-o", $"-c listen_addresses={Address} -p {Port} -k {_root} -c fsync=off", "start");

    public Task StopAsync() => AsPostgresAsync("pg_ctl", "-D", DataDirectory, "-m", "fast", "-w", "stop");

    public async ValueTask DisposeAsync()
    {
        await Run.CommandAsync("runuser", ["-u", "postgres", "--", Path.Combine(_bin, "pg_ctl"), "-D", DataDirectory, "-m", "immediate", "stop"]);
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Left for the temp cleaner.
        }
    }

    private async Task AsPostgresAsync(string tool, params string[] arguments)
    {
        var result = await Run.CommandAsync("runuser", ["-u", "postgres", "--", Path.Combine(_bin, tool), .. arguments]);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"{tool} failed: {result.Describe()}");
        }
    }

    private static int FreePort(string address)
    {
        using var listener = new TcpListener(IPAddress.Parse(address), 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
