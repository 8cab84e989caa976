using System.Text.Json;
using Zwarm.Core.Config;
using Zwarm.Core.Processes;
using Zwarm.Core.Tests.Support;

namespace Zwarm.Core.Tests.Processes;

public sealed class DetachedLauncherTests : IDisposable
{
    private readonly TempDir _dir = new();
    private readonly DetachedLauncher _launcher = new(ZwarmContext.CaptureEnvironment());

    public void Dispose() => _dir.Dispose();

    private static ProcessSpec Shell(string script, string cwd) =>
        new("/bin/sh", ["-c", script], cwd, new Dictionary<string, string?> { ["ZWARM_TEST_VAR"] = "from-spec" });

    private static async Task<JsonElement> WaitForExitRecordAsync(string turns, int turn)
    {
        var path = Path.Combine(turns, $"turn_{turn}.exit.json");
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (!File.Exists(path))
        {
            await Task.Delay(20, cts.Token);
        }
        return JsonDocument.Parse(await File.ReadAllTextAsync(path, cts.Token)).RootElement.Clone();
    }

    [Fact]
    public async Task Launch_RecordsStdoutStderrAndExitCode_InItsOwnSession()
    {
        var turns = _dir.Combine("turns");
        var launched = _launcher.Launch(Shell("echo out-line; echo err-line >&2; echo \"$ZWARM_TEST_VAR\"; exit 3", _dir.Path), turns, 1);

        var record = await WaitForExitRecordAsync(turns, 1);

        Assert.Equal(3, record.GetProperty("exit_code").GetInt32());
        Assert.False(string.IsNullOrEmpty(record.GetProperty("ended_at").GetString()));
        Assert.Equal("out-line\nfrom-spec\n", await File.ReadAllTextAsync(Path.Combine(turns, "turn_1.jsonl")));
        Assert.Equal("err-line\n", await File.ReadAllTextAsync(Path.Combine(turns, "turn_1.stderr")));
        Assert.True(launched.Pid > 0);
    }

    [Fact]
    public async Task Launch_StdinIsClosed()
    {
        var turns = _dir.Combine("turns");
        _launcher.Launch(Shell("if read line; then echo got-input; else echo stdin-closed; fi", _dir.Path), turns, 2);
        await WaitForExitRecordAsync(turns, 2);
        Assert.Equal("stdin-closed\n", await File.ReadAllTextAsync(Path.Combine(turns, "turn_2.jsonl")));
    }

    [Fact]
    public async Task Kill_InterruptsFirst_AndTheExitIsStillRecorded()
    {
        var turns = _dir.Combine("turns");
        var launched = _launcher.Launch(Shell("trap 'echo got-int; exit 42' INT; echo ready; while :; do sleep 0.05; done", _dir.Path), turns, 1);
        await WaitForLineAsync(Path.Combine(turns, "turn_1.jsonl"), "ready");
        var stat = ProcessInfo.TryGetStat(launched.Pid)!;
        Assert.Equal(launched.Pid, stat.ProcessGroup); // its own session and group (setsid), not ours
        Assert.NotEqual(ProcessInfo.TryGetStat(Environment.ProcessId)!.ProcessGroup, stat.ProcessGroup);

        var outcome = await new ProcessGroupKiller(TimeProvider.System).KillAsync(launched.Pid, launched.StartTime,
            launched.BootId, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(5), CancellationToken.None);

        Assert.Equal(KillOutcome.Interrupted, outcome);
        Assert.Equal(42, (await WaitForExitRecordAsync(turns, 1)).GetProperty("exit_code").GetInt32());
    }

    [Fact]
    public async Task Kill_AgentIgnoringSignals_IsKilledWithItsWholeGroup()
    {
        var turns = _dir.Combine("turns");
        var launched = _launcher.Launch(Shell("trap '' INT TERM; sleep 60 & echo ready; wait", _dir.Path), turns, 1);
        await WaitForLineAsync(Path.Combine(turns, "turn_1.jsonl"), "ready");

        var outcome = await new ProcessGroupKiller(TimeProvider.System).KillAsync(launched.Pid, launched.StartTime,
            launched.BootId, TimeSpan.FromMilliseconds(300), TimeSpan.FromMilliseconds(300), CancellationToken.None);

        Assert.Equal(KillOutcome.Killed, outcome);
        Assert.False(ProcessInfo.IsAlive(launched.Pid, launched.StartTime, launched.BootId));
        Assert.Empty(ProcessInfo.GroupMembers(launched.Pid));
    }

    [Fact]
    public async Task Kill_RecycledPid_IsNeverSignalled()
    {
        var me = ProcessInfo.TryGetStat(Environment.ProcessId)!;
        var outcome = await new ProcessGroupKiller(TimeProvider.System).KillAsync(Environment.ProcessId, me.StartTime + 1,
            null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1), CancellationToken.None);
        Assert.Equal(KillOutcome.NotRunning, outcome);
    }

    private static async Task WaitForLineAsync(string path, string text)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (!File.Exists(path) || !(await File.ReadAllTextAsync(path, cts.Token)).Contains(text, StringComparison.Ordinal))
        {
            await Task.Delay(20, cts.Token);
        }
    }
}
