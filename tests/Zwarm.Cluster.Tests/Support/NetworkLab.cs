// Simulated machines: a bridge in the test's own network namespace (test.sh's `unshare -n`: nothing routes out), and
// per machine a named network namespace with a veth pair onto the bridge and an address of its own. Cutting a
// machine off = its link down. Namespace names carry a random prefix, and everything is removed at the end.
namespace Zwarm.Cluster.Tests.Support;

internal sealed class NetworkLab : IAsyncDisposable
{
    private readonly string _prefix = "zw" + Convert.ToHexString(BitConverter.GetBytes(Random.Shared.Next())).ToLowerInvariant()[..4];
    private readonly List<string> _namespaces = [];

    public const string Subnet = "10.77.0";

    public string BridgeAddress => $"{Subnet}.1";

    private string Bridge => _prefix + "br";

    public static async Task<NetworkLab> StartAsync()
    {
        var lab = new NetworkLab();
        await Run.CheckedAsync("ip", "link", "set", "lo", "up");
        await Run.CheckedAsync("ip", "link", "add", lab.Bridge, "type", "bridge");
        await Run.CheckedAsync("ip", "addr", "add", lab.BridgeAddress + "/24", "dev", lab.Bridge);
        await Run.CheckedAsync("ip", "link", "set", lab.Bridge, "up");
        return lab;
    }

    /// <summary>Creates machine <paramref name="index"/> (1..200): its namespace name and its address.</summary>
    public async Task<(string Namespace, string Address)> AddMachineAsync(int index)
    {
        var ns = $"{_prefix}m{index}";
        var host = $"{_prefix}v{index}";
        var address = $"{Subnet}.{10 + index}";
        await Run.CheckedAsync("ip", "netns", "add", ns);
        _namespaces.Add(ns);
        await Run.CheckedAsync("ip", "link", "add", host, "type", "veth", "peer", "name", "eth0", "netns", ns);
        await Run.CheckedAsync("ip", "link", "set", host, "master", Bridge, "up");
        await Run.CheckedAsync("ip", "-n", ns, "addr", "add", address + "/24", "dev", "eth0");
        await Run.CheckedAsync("ip", "-n", ns, "link", "set", "eth0", "up");
        await Run.CheckedAsync("ip", "-n", ns, "link", "set", "lo", "up");
        return (ns, address);
    }

    /// <summary>The machine's cable pulled out: its only link down.</summary>
    public Task CutAsync(string ns) => Run.CheckedAsync("ip", "-n", ns, "link", "set", "eth0", "down");

    public async ValueTask DisposeAsync()
    {
        foreach (var ns in _namespaces)
        {
            await Run.CommandAsync("ip", ["netns", "del", ns]);
        }
        await Run.CommandAsync("ip", ["link", "del", Bridge]);
    }
}
