// Sessions of every adapter started at once (`zwarm spawn` processes side by side) against one scripted server: all
// complete, each with its own work, usage and replies, nothing mixed up. One test mixes two CLIs twice each; the
// other runs the five agent CLIs zwarm supports side by side, as a team that mixes models would.
using System.Text.Json;
using Zwarm.RealClients.Tests.Support;
using Zwarm.ScriptedModels.Demo;
using Zwarm.ScriptedModels.Scripting;

namespace Zwarm.RealClients.Tests.Sessions;

[Trait("Category", "RealClient")]
[Collection(Lanes.Alone)]
public sealed class ParallelSessionsTests
{
    private readonly CancellationToken _timeout = TestTimeout.After(300);

    [Fact]
    public async Task Four_sessions_of_mixed_adapters_in_parallel_all_complete_and_are_recorded()
    {
        // The demo model runs the backticked command of each task and quotes its output.
        await using var world = await ZwarmWorld.StartAsync(DemoScript.Create(), [Agent.Codex, Agent.Claude], _timeout);
        Agent[] agents = [Agent.Codex, Agent.Claude, Agent.Codex, Agent.Claude];
        string Command(int i) => $"echo parallel-{i} > file-{i}.txt && cat file-{i}.txt";

        var ids = await Task.WhenAll(agents.Select((agent, i) => world.SpawnAsync(agent, $"Please run `{Command(i)}`")));
        var wait = await world.WaitCompletedAsync(ids);

        Assert.Equal(4, ids.Distinct().Count());
        var rows = (await world.JsonAsync("ls")).EnumerateArray().ToList();
        Assert.Equal(4, rows.Count);
        for (var i = 0; i < 4; i++)
        {
            var id = ids[i];
            var row = Assert.Single(rows, r => r.GetProperty("id").GetString() == id);
            Assert.Equal("completed", row.GetProperty("status").GetString());
            Assert.Equal(agents[i].Adapter, row.GetProperty("adapter").GetString());
            Assert.Equal(agents[i].Model, row.GetProperty("model").GetString());
            Assert.Equal(0, row.GetProperty("exit_code").GetInt32());
            Assert.True(row.GetProperty("cost_usd").GetDecimal() > 0, row.ToString());
            Assert.Equal($"parallel-{i}\n", File.ReadAllText(Path.Combine(world.WorkDir, $"file-{i}.txt")));

            var traj = await world.JsonAsync("traj", id);
            var command = Assert.Single(traj.EnumerateArray(), s => s.GetProperty("kind").GetString() == "command");
            Assert.Equal(Command(i), command.GetProperty("command").GetString());
            Assert.Equal(0, command.GetProperty("exit_code").GetInt32());
            var reply = world.ReadMeta(id).GetProperty("messages").EnumerateArray().Last().GetProperty("content").GetString();
            Assert.Contains($"I ran `{Command(i)}`. It printed:\n\n```\nparallel-{i}\n```", reply);
        }
        // Each session made two model calls; together they used exactly what the server reported.
        var calls = world.Server.ModelCalls;
        Assert.Equal(8, calls.Count);
        var reported = calls.Select(c => ReplyUsage.DefaultFor(c.CallNumber)).ToList();
        Assert.Equal(reported.Sum(u => (long)u.InputTokens), rows.Sum(r => r.GetProperty("input_tokens").GetInt64()));
        Assert.Equal(reported.Sum(u => (long)u.OutputTokens), rows.Sum(r => r.GetProperty("output_tokens").GetInt64()));
        Assert.All(rows, r => Assert.Equal(JsonValueKind.Number, r.GetProperty("pid").ValueKind));
        Assert.Equal(4, wait.Out.Split('\n').Count(l => l.Contains("completed", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Five_agent_clis_in_parallel_all_complete_each_with_its_own_adapter_work_usage_and_cost()
    {
        Agent[] agents = [Agent.Codex, Agent.Claude, Agent.Gemini, Agent.Qwen, Agent.OpenCode];
        await using var world = await ZwarmWorld.StartAsync(DemoScript.Create(), agents, _timeout);
        string Command(int i) => $"echo five-{i} > five-{i}.txt && cat five-{i}.txt";

        var ids = await Task.WhenAll(agents.Select((agent, i) => world.SpawnAsync(agent, $"Please run `{Command(i)}`")));
        var wait = await world.WaitCompletedAsync(ids);

        Assert.Equal(5, ids.Distinct().Count());
        var rows = (await world.JsonAsync("ls")).EnumerateArray().ToList();
        Assert.Equal(5, rows.Count);
        for (var i = 0; i < agents.Length; i++)
        {
            var row = Assert.Single(rows, r => r.GetProperty("id").GetString() == ids[i]);
            var why = $"{agents[i].Adapter}: {row}";
            Assert.True(row.GetProperty("status").GetString() == "completed", why);
            Assert.Equal(agents[i].Adapter, row.GetProperty("adapter").GetString());
            Assert.Equal(agents[i].Model, row.GetProperty("model").GetString());
            Assert.True(row.GetProperty("input_tokens").GetInt64() > 0, why);
            Assert.True(row.GetProperty("output_tokens").GetInt64() > 0, why);
            Assert.True(row.GetProperty("cost_usd").GetDecimal() > 0, why);
            Assert.Equal($"five-{i}\n", File.ReadAllText(Path.Combine(world.WorkDir, $"five-{i}.txt")));

            var traj = await world.JsonAsync("traj", ids[i]);
            var command = Assert.Single(traj.EnumerateArray(), s => s.GetProperty("kind").GetString() == "command");
            Assert.Equal(Command(i), command.GetProperty("command").GetString());
            var reply = world.ReadMeta(ids[i]).GetProperty("messages").EnumerateArray().Last().GetProperty("content").GetString();
            Assert.Contains($"five-{i}", reply);
        }
        // Each session made two model calls of the script (side requests such as titles are not among them), and
        // every agent reported the output tokens the server sent.
        var calls = world.Server.ModelCalls;
        Assert.Equal(10, calls.Count);
        var reported = calls.Select(c => ReplyUsage.DefaultFor(c.CallNumber)).ToList();
        Assert.Equal(reported.Sum(u => (long)u.OutputTokens), rows.Sum(r => r.GetProperty("output_tokens").GetInt64()));
        Assert.Equal(5, wait.Out.Split('\n').Count(l => l.Contains("completed", StringComparison.Ordinal)));
    }
}
