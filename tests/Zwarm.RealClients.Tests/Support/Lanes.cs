// The real-client tests run in lanes, one per agent CLI (xunit collections that run side by side), plus a serial
// group: on 2 cores, a few agent CLIs at a time keep both cores busy, while more only slows each run down. Tests
// that start several CLIs at once (the parallel-sessions test, the demo) run alone, after the lanes.
namespace Zwarm.RealClients.Tests.Support;

internal static class Lanes
{
    public const string Codex = "Real CLIs through zwarm: Codex lane";

    public const string Claude = "Real CLIs through zwarm: Claude Code lane";

    public const string Qwen = "Real CLIs through zwarm: Qwen Code lane";

    public const string OpenCode = "Real CLIs through zwarm: opencode lane";

    public const string Alone = "Real CLIs through zwarm: several CLIs at once";
}
