using System.Text.Json;
using Zwarm.Core.Config;
using Zwarm.Core.Processes;
using Zwarm.Core.Tests.Support;

namespace Zwarm.Core.Tests.Processes;

public sealed class DetachedLauncherTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly DetachedLauncher _launcher = new(ZwarmContext.CaptureEnvironment());

    public void Dispose() => _dir.Dispose();

    private LaunchedTurn Launch(ProcessSpec spec, string turns, int turn) =>
        _launcher.Launch(spec, new TurnLaunch(turns, turn, TurnToken.New()));

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
        var launched = Launch(Shell("echo out-line; echo err-line >&2; echo \"$ZWARM_TEST_VAR\"; exit 3", _dir.Path), turns, 1);

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
        Launch(Shell("if read line; then echo got-input; else echo stdin-closed; fi", _dir.Path), turns, 2);
        await WaitForExitRecordAsync(turns, 2);
        Assert.Equal("stdin-closed\n", await File.ReadAllTextAsync(Path.Combine(turns, "turn_2.jsonl")));
    }

    [Fact]
    public async Task Kill_InterruptsFirst_AndTheExitIsStillRecorded()
    {
        var turns = _dir.Combine("turns");
        var launched = Launch(Shell("trap 'echo got-int; exit 42' INT; echo ready; while :; do sleep 0.05; done", _dir.Path), turns, 1);
        await WaitForLineAsync(Path.Combine(turns, "turn_1.jsonl"), "ready");
        var stat = ProcessInfo.TryGetStat(launched.Pid)!;
        Assert.Equal(launched.Pid, stat.ProcessGroup); // its own session and group (setsid), not ours
        Assert.NotEqual(ProcessInfo.TryGetStat(Environment.ProcessId)!.ProcessGroup, stat.ProcessGroup);

        var outcome = await new ProcessGroupKiller(TimeProvider.System).KillAsync(new KillPlan(launched.Pid, []),
            () => File.Exists(Path.Combine(turns, "turn_1.exit.json")), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(5), CancellationToken.None);

        Assert.Equal(KillOutcome.Interrupted, outcome);
        Assert.Equal(42, (await WaitForExitRecordAsync(turns, 1)).GetProperty("exit_code").GetInt32());
    }

    [Fact]
    public async Task Kill_AgentIgnoringSignals_IsKilledWithItsWholeGroup()
    {
        var turns = _dir.Combine("turns");
        var launched = Launch(Shell("trap '' INT TERM; sleep 60 & echo ready; wait", _dir.Path), turns, 1);
        await WaitForLineAsync(Path.Combine(turns, "turn_1.jsonl"), "ready");

        var outcome = await new ProcessGroupKiller(TimeProvider.System).KillAsync(new KillPlan(launched.Pid, []),
            () => ProcessInfo.GroupMembers(launched.Pid).Count == 0, TimeSpan.FromMilliseconds(300), TimeSpan.FromMilliseconds(300), CancellationToken.None);

        Assert.Equal(KillOutcome.Killed, outcome);
        Assert.False(ProcessInfo.IsAlive(launched.Pid, launched.StartTime, launched.BootId));
        Assert.Empty(ProcessInfo.GroupMembers(launched.Pid));
    }

    [Fact]
    public void Launch_TurnFilePlantedAsASymlink_IsRefused_AndItsTargetUntouched()
    {
        var turns = _dir.Combine("turns");
        Directory.CreateDirectory(turns);
        var victim = _dir.Combine("victim.txt");
        File.WriteAllText(victim, "precious");
        File.CreateSymbolicLink(Path.Combine(turns, "turn_1.jsonl"), victim);

        var e = Assert.Throws<IOException>(() => Launch(Shell("echo overwritten", _dir.Path), turns, 1));

        Assert.Contains("not a regular file", e.Message);
        Assert.Equal("precious", File.ReadAllText(victim));
    }

    [Fact]
    public void Prove_OwnProcessOrGroup_IsRefused()
    {
        var me = ProcessInfo.TryGetStat(Environment.ProcessId)!;

        Assert.NotNull(TurnProcesses.Prove(new TurnHandle(Environment.ProcessId, TurnToken.New(), me.StartTime, null)).Refusal);
        Assert.NotNull(TurnProcesses.Prove(new TurnHandle(me.ProcessGroup, TurnToken.New(), null, null)).Refusal);
        Assert.NotNull(TurnProcesses.Prove(new TurnHandle(1, TurnToken.New(), null, null)).Refusal);
        Assert.False(TurnProcesses.IsSafeTarget(me.ProcessGroup));
        Assert.False(TurnProcesses.IsSafeTarget(1));
    }

    [Fact]
    public async Task Launch_SupervisorCarriesTheToken_AndIsProvenByIt()
    {
        var turns = _dir.Combine("turns");
        var token = TurnToken.New();
        var launched = _launcher.Launch(Shell("echo ready; sleep 30", _dir.Path), new TurnLaunch(turns, 1, token));
        await WaitForLineAsync(Path.Combine(turns, "turn_1.jsonl"), "ready");

        Assert.True(TurnProcesses.Prove(new TurnHandle(launched.Pid, token, launched.StartTime, launched.BootId)).IsAlive);
        Assert.Equal(launched.Pid.ToString(System.Globalization.CultureInfo.InvariantCulture),
            (await File.ReadAllTextAsync(Path.Combine(turns, "turn_1.pid"))).Trim());
        // Another token (a crafted meta.json) proves nothing, even with the right pid and start time.
        var other = TurnProcesses.Prove(new TurnHandle(launched.Pid, TurnToken.New(), launched.StartTime, launched.BootId));
        Assert.False(other.IsAlive);
        Assert.Contains("ZWARM_TURN", other.Refusal);
        Native.KillGroup(launched.Pid, Native.SIGKILL);
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
