using System.Text.Json;
using Zwarm.Cli.Tests.Support;

namespace Zwarm.Cli.Tests.Commands;

public sealed class SessionCommandsTests : IDisposable
{
    private readonly CliRunner _cli = new();

    public void Dispose() => _cli.Dispose();

    private async Task<string> SpawnAsync(string task, params string[] extra)
    {
        var result = await _cli.RunAsync(["spawn", task, "--json", .. extra]);
        Assert.Equal(0, result.ExitCode);
        return JsonDocument.Parse(result.Out).RootElement.GetProperty("id").GetString()!;
    }

    [Fact]
    public async Task Spawn_Wait_Ls_Show_Traj_Peek_TellTheSameStory()
    {
        var id = await SpawnAsync("hello there");
        Assert.Equal(36, id.Length);

        var wait = await _cli.RunAsync("wait", id[..8], "--timeout", "60s");
        Assert.Equal(0, wait.ExitCode);
        Assert.Contains("fake reply #1 to: hello there", wait.Out);

        var ls = JsonDocument.Parse((await _cli.RunAsync("ls", "--json")).Out).RootElement;
        var row = Assert.Single(ls.EnumerateArray().ToList());
        Assert.Equal(id, row.GetProperty("id").GetString());
        Assert.Equal("completed", row.GetProperty("status").GetString());
        Assert.Equal(100, row.GetProperty("input_tokens").GetInt64());
        Assert.Equal(1, row.GetProperty("turns").GetInt32());

        var show = JsonDocument.Parse((await _cli.RunAsync("show", id, "--json")).Out).RootElement;
        Assert.Equal("fake reply #1 to: hello there", show.GetProperty("turns")[0].GetProperty("messages")[0].GetString());

        var traj = JsonDocument.Parse((await _cli.RunAsync("traj", id, "--json")).Out).RootElement;
        Assert.Contains(traj.EnumerateArray(), s => s.GetProperty("kind").GetString() == "message");
        Assert.Contains(traj.EnumerateArray(), s => s.GetProperty("kind").GetString() == "turn_completed");

        var peek = await _cli.RunAsync("peek", id);
        Assert.Equal(0, peek.ExitCode);
        Assert.Contains("completed", peek.Out);
        Assert.Contains("fake reply #1", peek.Out);

        var human = await _cli.RunAsync("ls");
        Assert.Contains(id[..8], human.Out);
        Assert.Contains("hello there", human.Out);
    }

    [Fact]
    public async Task Show_StreamsEveryMessageAndTheTurnFacts()
    {
        var id = await SpawnAsync("count @lines=3");
        Assert.Equal(0, (await _cli.RunAsync("wait", id, "--timeout", "60s")).ExitCode);

        var show = JsonDocument.Parse((await _cli.RunAsync("show", id, "--json")).Out).RootElement;
        Assert.Equal(id, show.GetProperty("session").GetProperty("id").GetString());
        var turn = Assert.Single(show.GetProperty("turns").EnumerateArray().ToList());
        Assert.Equal(["turn", "prompt", "status", "exit_code", "error", "messages", "commands", "file_changes", "tool_calls",
            "usage", "cost_usd"], turn.EnumerateObject().Select(p => p.Name));
        Assert.Equal(["line 1", "line 2", "line 3", "fake reply #1 to: count @lines=3"],
            turn.GetProperty("messages").EnumerateArray().Select(m => m.GetString()));
        Assert.Equal("completed", turn.GetProperty("status").GetString());
        Assert.Equal(0, turn.GetProperty("exit_code").GetInt32());
        Assert.Equal(JsonValueKind.Object, turn.GetProperty("usage").ValueKind);

        var human = (await _cli.RunAsync("show", id)).Out;
        Assert.Contains("agent: line 1\n", human.ReplaceLineEndings("\n"));
        Assert.True(human.IndexOf("agent: fake reply", StringComparison.Ordinal) < human.IndexOf("0 commands", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Continue_AddsATurn_AndIsRefusedWhileRunning()
    {
        var id = await SpawnAsync("@sleep=3");
        var refused = await _cli.RunAsync("continue", id, "too early");
        Assert.Equal(5, refused.ExitCode);
        Assert.Contains("still running", refused.Err);

        Assert.Equal(0, (await _cli.RunAsync("wait", id)).ExitCode);
        var cont = await _cli.RunAsync("continue", id, "next step", "--wait");
        Assert.Equal(0, cont.ExitCode);
        Assert.Contains("fake reply #2 to: next step", cont.Out);
    }

    [Fact]
    public async Task SpawnWait_OnAFailingAgent_ExitsOneWithTheError()
    {
        var result = await _cli.RunAsync("spawn", "@fail=kaboom", "--wait");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("kaboom", result.Out);
    }

    [Fact]
    public async Task Wait_Timeout_ExitsSeven_AndKillStopsTheSession()
    {
        var id = await SpawnAsync("@sleep=30");
        var wait = await _cli.RunAsync("wait", id, "--timeout", "1s");
        Assert.Equal(7, wait.ExitCode);

        var rm = await _cli.RunAsync("rm", id);
        Assert.Equal(5, rm.ExitCode);

        var kill = await _cli.RunAsync("kill", id, "--json");
        Assert.Equal(0, kill.ExitCode);
        Assert.Equal("killed", JsonDocument.Parse(kill.Out).RootElement[0].GetProperty("status").GetString());

        Assert.Equal(0, (await _cli.RunAsync("rm", id)).ExitCode);
        Assert.Equal("[]", (await _cli.RunAsync("ls", "--json")).Out.Trim());
    }

    [Fact]
    public async Task LogsFollow_StreamsTheRunningTurnAndReturnsWhenItEnds()
    {
        var id = await SpawnAsync("@stream=5");
        var logs = await _cli.RunAsync("logs", id, "--follow");
        Assert.Equal(0, logs.ExitCode);
        for (var i = 1; i <= 5; i++)
        {
            Assert.Contains($"stream {i}", logs.Out);
        }
        Assert.Contains("ended: completed", logs.Err);
    }

    [Fact]
    public async Task BadInput_IsOneLineOnStderr_WithANamedExitCode()
    {
        var cases = new (string[] Args, int Code)[]
        {
            (["peek", "../../etc/passwd"], 2),
            (["peek", "deadbeef"], 3),
            (["spawn", "x", "--adapter", "aider"], 2),
            (["spawn", "x", "--sandbox", "yolo"], 2),
            (["spawn"], 2),
            (["wait", "abc", "--timeout", "soon"], 2),
            (["--set", "executor.modle=x", "ls"], 8),
            (["nonsense"], 2),
        };
        foreach (var (args, code) in cases)
        {
            var result = await _cli.RunAsync(args);
            Assert.True(code == result.ExitCode, $"{string.Join(' ', args)}: expected {code}, got {result.ExitCode}: {result.Err}");
            Assert.StartsWith("zwarm: ", result.Err);
            Assert.DoesNotContain("   at ", result.Err);
        }
    }

    [Fact]
    public async Task AmbiguousPrefix_ExitsFour_ListingCandidates()
    {
        var ids = new List<string>();
        for (var i = 0; i < 40 && ids.GroupBy(x => x[0]).All(g => g.Count() < 2); i++)
        {
            ids.Add(await SpawnAsync("@sleep=0"));
        }
        var pair = ids.GroupBy(x => x[0]).First(g => g.Count() >= 2).ToList();

        var result = await _cli.RunAsync("peek", pair[0][..1]);

        Assert.Equal(4, result.ExitCode);
        Assert.Contains(pair[0], result.Err);
        Assert.Contains(pair[1], result.Err);
    }

    [Fact]
    public async Task CorruptMeta_IsReportedAndSkippedByLs()
    {
        var id = await SpawnAsync("fine");
        await _cli.RunAsync("wait", id);
        var bad = Path.Combine(_cli.StateDir, "sessions", Guid.NewGuid().ToString());
        Directory.CreateDirectory(bad);
        await File.WriteAllTextAsync(Path.Combine(bad, "meta.json"), "{ this is not json");

        var ls = await _cli.RunAsync("ls", "--json");

        Assert.Equal(0, ls.ExitCode);
        Assert.Single(JsonDocument.Parse(ls.Out).RootElement.EnumerateArray());
        Assert.Contains("skipped session", ls.Err);
    }

    [Fact]
    public async Task TheZwarmProcessExitsAtOnce_AndTheTurnStillCompletes()
    {
        var release = Path.Combine(_cli.WorkDir, "release-" + Guid.NewGuid().ToString("N"));
        var spawn = await _cli.RunProcessAsync("spawn", $"@wait-file={release} outlive me");
        Assert.Equal(0, spawn.ExitCode);
        var id = spawn.Out.Trim();

        // zwarm has exited; the turn is held open by the agent and must still be running, detached from it.
        var running = JsonDocument.Parse((await _cli.RunProcessAsync("ls", "--json")).Out).RootElement[0];
        Assert.Equal("running", running.GetProperty("status").GetString());

        await File.WriteAllTextAsync(release, "go");
        var wait = await _cli.RunProcessAsync("wait", id, "--json");

        Assert.Equal(0, wait.ExitCode);
        var session = JsonDocument.Parse(wait.Out).RootElement.GetProperty("sessions")[0];
        Assert.Equal("completed", session.GetProperty("status").GetString());
        Assert.Equal(0, session.GetProperty("exit_code").GetInt32());
    }

    [Fact]
    public async Task Clean_DryRunListsWithoutDeleting()
    {
        var id = await SpawnAsync("old news");
        await _cli.RunAsync("wait", id);

        var dry = await _cli.RunAsync("clean", "--older-than", "0s", "--dry-run");
        Assert.Contains("would remove", dry.Out);
        Assert.Single(JsonDocument.Parse((await _cli.RunAsync("ls", "--json")).Out).RootElement.EnumerateArray());

        await _cli.RunAsync("clean", "--older-than", "0s");
        Assert.Equal("[]", (await _cli.RunAsync("ls", "--json")).Out.Trim());
    }
}
