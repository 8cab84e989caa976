using System.Text.Json;
using Zwarm.Cli.Tests.Support;

namespace Zwarm.Cli.Tests.Commands;

// A task (echoed by the fake agent in its reply) carrying a clear-screen sequence and an OSC window title: every
// human-facing view shows it defanged; --raw and --json keep the original.
public sealed class ControlCharacterTests : IDisposable
{
    private const string Task = "clear \u001b[2J title \u001b]0;pwned\u0007 done";
    private readonly CliRunner _cli = new();

    public void Dispose() => _cli.Dispose();

    private async Task<string> SpawnAndWaitAsync(string task)
    {
        var result = await _cli.RunAsync("spawn", task, "--json");
        Assert.Equal(0, result.ExitCode);
        var id = JsonDocument.Parse(result.Out).RootElement.GetProperty("id").GetString()!;
        Assert.Equal(0, (await _cli.RunAsync("wait", id, "--timeout", "60s")).ExitCode);
        return id;
    }

    [Fact(Timeout = 120_000)]
    public async Task HumanViews_HaveNoEscapeByte_RawAndJsonKeepIt()
    {
        var id = await SpawnAndWaitAsync(Task);

        foreach (var args in new[] { ["ls"], ["ls", "--wide"], ["peek", id], ["show", id], ["traj", id], ["traj", id, "--full"], ["wait", id, "--timeout", "10s"], new[] { "logs", id } })
        {
            var result = await _cli.RunAsync(args);
            Assert.Equal(0, result.ExitCode);
            Assert.DoesNotContain('\u001b', result.Out);
            Assert.DoesNotContain('\u0007', result.Out);
            Assert.Contains("\u241B[2J", result.Out); // still visible, as a placeholder
        }

        // --raw: the agent's JSONL as written (JSON escapes the control characters itself); --json: the original text.
        var raw = (await _cli.RunAsync("logs", id, "--raw")).Out;
        Assert.Contains("fake reply #1 to: " + Task, raw.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Where(l => l.StartsWith('{')).SelectMany(l => Strings(JsonDocument.Parse(l).RootElement)));
        var show = JsonDocument.Parse((await _cli.RunAsync("show", id, "--json")).Out).RootElement;
        Assert.Equal(Task, show.GetProperty("session").GetProperty("task").GetString());
        Assert.Contains("fake reply #1 to: " + Task, show.GetProperty("turns")[0].GetProperty("messages").EnumerateArray().Select(m => m.GetString()));
    }

    // Every string value in a JSON document (the raw line's shape differs between the agent CLIs).
    private static IEnumerable<string> Strings(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.String => [e.GetString()!],
        JsonValueKind.Object => e.EnumerateObject().SelectMany(p => Strings(p.Value)),
        JsonValueKind.Array => e.EnumerateArray().SelectMany(Strings),
        _ => [],
    };

    [Fact(Timeout = 120_000)]
    public async Task ShowTrajLogs_SayHowManyMalformedLinesWereSkipped()
    {
        var id = await SpawnAndWaitAsync("hello @malformed");

        foreach (var args in new[] { ["show", id], ["traj", id], ["logs", id], new[] { "logs", id, "--raw" } })
        {
            var result = await _cli.RunAsync(args);
            Assert.Equal(0, result.ExitCode);
            Assert.Contains("(turn 1: 1 malformed line skipped)", result.Err);
            Assert.DoesNotContain("malformed line", result.Out);
        }
        var clean = await SpawnAndWaitAsync("hello");
        Assert.DoesNotContain("skipped", (await _cli.RunAsync("show", clean)).Err);
    }
}
