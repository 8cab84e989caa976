// What the cluster lab needs, checked once: root, `ip`, `runuser`, Debian's PostgreSQL with its postgres user, and a
// network namespace of its own (only `lo`: test.sh's `unshare -n`), so the bridge and namespaces the tests create
// can neither touch the machine's network nor route anywhere out of it.
namespace Zwarm.Cluster.Tests.Support;

internal static class LabPrerequisites
{
    public static string? PostgresBin { get; } = FindPostgres();

    /// <summary>Null when the lab can run; else why not (the skip reason).</summary>
    public static string? Missing { get; } = Check();

    private static string? Check()
    {
        if (!OperatingSystem.IsLinux() || Environment.UserName != "root")
        {
            return "needs root on Linux (creates network namespaces, runs PostgreSQL as the postgres user); test.sh runs it as root";
        }
        foreach (var tool in new[] { "ip", "unshare", "runuser" })
        {
            if (Which(tool) is null)
            {
                return $"needs `{tool}` (apt-get install iproute2 util-linux)";
            }
        }
        if (PostgresBin is null)
        {
            return "needs PostgreSQL's server binaries (apt-get install postgresql; test.sh does)";
        }
        if (!File.ReadAllLines("/etc/passwd").Any(l => l.StartsWith("postgres:", StringComparison.Ordinal)))
        {
            return "needs the postgres user (made by the postgresql package)";
        }
        // /proc/self/net is the reading process's own namespace (/sys/class/net is not remounted by `unshare -n`).
        var interfaces = File.ReadAllLines("/proc/self/net/dev").Skip(2).Select(l => l.Split(':')[0].Trim()).ToList();
        if (interfaces.Any(i => i != "lo"))
        {
            return "must run in a network namespace of its own (only lo; found " + string.Join(",", interfaces)
                + "): run under `unshare -n` as test.sh does";
        }
        return null;
    }

    private static string? FindPostgres()
    {
        if (!Directory.Exists("/usr/lib/postgresql"))
        {
            return null;
        }
        // The newest installed major version.
        return Directory.GetDirectories("/usr/lib/postgresql")
            .Select(d => Path.Combine(d, "bin"))
            .Where(d => File.Exists(Path.Combine(d, "initdb")) && File.Exists(Path.Combine(d, "pg_ctl")))
            .OrderByDescending(d => int.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), out var v) ? v : 0)
            .FirstOrDefault();
    }

    private static string? Which(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "/usr/sbin:/usr/bin:/sbin:/bin").Split(':')
        .Select(d => Path.Combine(d, name)).FirstOrDefault(File.Exists);
}
