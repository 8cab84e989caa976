// The supervisor's exit record on a full disk: a 64 KiB tmpfs, mounted in a private mount namespace (root only), that
// the agent fills to the last byte before it exits. The record's blocks were reserved at the start, so it is still
// written in full.
using System.Diagnostics;
using Zwarm.Core.Processes;
using Xunit.Abstractions;
using Zwarm.Core.Tests.Support;

namespace Zwarm.Core.Tests.Processes;

public sealed class SupervisorDiskFullTests(ITestOutputHelper output) : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact(Timeout = 60_000)]
    public async Task ExitRecord_IsWritten_WhenTheAgentFilledTheDisk()
    {
        if (ProcessInfo.TryGetUserId(Environment.ProcessId) != 0 || ExecutableResolver.Resolve("unshare", Environment.GetEnvironmentVariable("PATH")) is null)
        {
            output.WriteLine("skipped: needs root and unshare(1) to mount a private tmpfs");
            return;
        }
        var mount = _dir.Combine("full");
        Directory.CreateDirectory(mount);
        const string inner = """
            m=$1; script=$2
            mount -t tmpfs -o size=64k tmpfs "$m" || { echo "no-mount"; exit 0; }
            mkdir "$m/turns" && : >"$m/turns/turn_1.jsonl" && : >"$m/turns/turn_1.stderr"
            setsid -w /bin/sh -c "$script" zwarm-turn "$m/turns" 1 "" "" "" /bin/sh -c \
              'echo "{\"type\":\"turn.completed\"}"; dd if=/dev/zero of="$0/fill" bs=1k count=1000 2>/dev/null; exit 0' "$m"
            echo "free=$(df --output=avail "$m" | tail -1 | tr -d ' ')"
            cat "$m/turns/turn_1.exit.json"
            """;
        var psi = new ProcessStartInfo("unshare", ["-m", "/bin/sh", "-c", inner, "sh", mount, DetachedLauncher.SupervisorScript])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(psi)!;
        var stdout = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        output.WriteLine(stdout + await process.StandardError.ReadToEndAsync());
        if (stdout.StartsWith("no-mount", StringComparison.Ordinal) || process.ExitCode != 0)
        {
            output.WriteLine("skipped: this machine does not allow a private tmpfs mount");
            return;
        }

        Assert.Contains("free=0", stdout);
        Assert.Contains("{\"exit_code\": 0, \"ended_at\": \"", stdout);
    }
}
