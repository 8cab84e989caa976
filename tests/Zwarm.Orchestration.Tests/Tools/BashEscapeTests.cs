// The orchestrator's bash checks against the escapes issue 10 (item 11) reproduced: a key printed from the
// environment or echoed from elsewhere never reaches the recorded output, and a background job — plain or moved to
// its own session with setsid — neither holds the run past the shell's exit nor outlives it (read-only or not:
// the sandbox where this kernel has Landlock, the plain shell otherwise).
using Zwarm.Core.Processes;
using Zwarm.Orchestration.Tests.Support;
using Zwarm.Orchestration.Tools;

namespace Zwarm.Orchestration.Tests.Tools;

public sealed class BashEscapeTests : IDisposable
{
    private const string Key = "sk-test-0123456789abcdef";
    private readonly CancellationToken _ct = TestTimeout.After(60);
    private readonly string _dir = Directory.CreateTempSubdirectory("zwarm-bash-").FullName;

    private readonly Dictionary<string, string?> _env = new()
    {
        ["PATH"] = Environment.GetEnvironmentVariable("PATH"),
        ["HOME"] = Environment.GetEnvironmentVariable("HOME"),
        ["OPENAI_API_KEY"] = Key,
        ["ANTHROPIC_AUTH_TOKEN"] = "another-secret-value",
        ["SOME_TOOL_SETTING"] = "not passed either",
    };

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private Task<BashResult> RunAsync(string command, double seconds = 10) =>
        BashRunner.RunAsync(command, _dir, TimeSpan.FromSeconds(seconds), 16_000, _env, BashSandbox.Detect(), _ct);

    [Fact]
    public async Task Secrets_AreNotInTheEnvironment_AndARepeatedKeyIsRedacted()
    {
        var printed = await RunAsync("printenv OPENAI_API_KEY; printenv ANTHROPIC_AUTH_TOKEN; printenv SOME_TOOL_SETTING; printenv HOME");
        var echoed = await RunAsync($"echo 'key={Key}' >&2; echo ok");

        Assert.Equal(Environment.GetEnvironmentVariable("HOME") + "\n", printed.Stdout);
        Assert.Equal("key=[redacted]\n", echoed.Stderr);
        Assert.DoesNotContain(Key, echoed.Stdout + echoed.Stderr);
    }

    [Fact]
    public async Task ABackgroundJob_DoesNotHoldTheRun_AndIsKilledWhenTheShellExits()
    {
        var result = await RunAsync("sleep 40 & echo $!", seconds: 30);

        Assert.Equal(0, result.ExitCode);
        Assert.True(result.DurationSeconds < 20, $"took {result.DurationSeconds} s");
        Assert.False(IsAlive(int.Parse(result.Stdout.Trim())), "the background sleep outlived the run");
    }

    [Fact]
    public async Task AJobThatLeftTheSessionWithSetsid_IsKilledToo_AndTheLimitHolds()
    {
        // The subshell exits at once: the setsid sleep is nobody's child, outside the group, and holds the output pipe.
        var result = await RunAsync("(setsid sleep 60 & echo $!); sleep 60", seconds: 1);

        Assert.True(result.TimedOut);
        Assert.True(result.DurationSeconds < 20, $"took {result.DurationSeconds} s");
        Assert.False(IsAlive(int.Parse(result.Stdout.Trim())), "the setsid sleep outlived the run");
    }

    private static bool IsAlive(int pid) => ProcessInfo.TryGetStat(pid) is { IsLive: true };
}
