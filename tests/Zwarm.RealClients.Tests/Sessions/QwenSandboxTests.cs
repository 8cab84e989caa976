// zwarm's read-only sandbox with the real Qwen Code, through zwarm: Qwen is started in --approval-mode default, so
// the model is offered no shell or write tool on any turn, and a shell call it makes anyway is refused, recorded as a
// permission denial, and runs nothing; the turn still completes with the model's answer.
using System.Text.Json;
using Zwarm.RealClients.Tests.Support;
using Zwarm.ScriptedModels.Scripting;

namespace Zwarm.RealClients.Tests.Sessions;

[Trait("Category", "RealClient")]
[Collection(Lanes.Qwen)]
public sealed class QwenSandboxTests
{
    private const string Command = "echo nope > denied.txt";

    private readonly CancellationToken _timeout = TestTimeout.After(240);

    [Fact]
    public async Task ReadOnly_offers_no_shell_or_write_tool_on_any_turn_and_records_a_refused_call_as_a_permission_denial()
    {
        var script = ModelScript.Empty
            .On(Match.PendingToolResults, Reply.Text("I may not run commands here."))
            .On(Match.FollowUp, Reply.Text("Still read-only."))
            .Otherwise(Reply.Parts(new TextPart("Trying."), new ToolCallPart("run_shell_command", JsonSerializer.Serialize(new { command = Command }))));
        await using var world = await ZwarmWorld.StartAsync(script, [Agent.Qwen], _timeout);

        var id = await world.SpawnAsync(Agent.Qwen, "write denied.txt", "-s", "read-only");
        await world.WaitCompletedAsync(id);
        var cont = await world.RunAsync("continue", id, "and now?", "--wait", "--timeout", "90s");

        Assert.True(cont.ExitCode == 0, cont.Describe());
        Assert.False(File.Exists(Path.Combine(world.WorkDir, "denied.txt")));
        Assert.Equal(3, world.Server.ModelCalls.Count);
        Assert.All(world.Server.ModelCalls, call =>
        {
            Assert.True(call.AdvertisesTool("read_file"));
            Assert.False(call.AdvertisesTool("run_shell_command"));
            Assert.False(call.AdvertisesTool("write_file"));
            Assert.False(call.AdvertisesTool("edit"));
        });
        Assert.Equal("read-only", world.ReadMeta(id).GetProperty("sandbox").GetString());

        var traj = await world.JsonAsync("traj", id, "--turn", "1");
        var denial = Assert.Single(traj.EnumerateArray(), s => s.GetProperty("kind").GetString() == "permission_denied");
        Assert.Equal("run_shell_command", denial.GetProperty("tool").GetString());
        var command = Assert.Single(traj.EnumerateArray(), s => s.GetProperty("kind").GetString() == "command");
        Assert.Equal(Command, command.GetProperty("command").GetString());
        Assert.NotEqual(JsonValueKind.Number, command.TryGetProperty("exit_code", out var code) ? code.ValueKind : JsonValueKind.Undefined);
        Assert.Contains("Still read-only.", cont.Out);
    }
}
