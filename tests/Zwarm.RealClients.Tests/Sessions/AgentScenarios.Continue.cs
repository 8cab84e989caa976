// continue: the follow-up resumes the CLI's own conversation (the model sees the history), and usage adds up.
using Zwarm.RealClients.Tests.Support;
using Zwarm.ScriptedModels.Scripting;

namespace Zwarm.RealClients.Tests.Sessions;

public abstract partial class AgentScenarios
{
    private static readonly ReplyUsage FollowUpCall = new(1500, 70, CachedInputTokens: 1000);

    [Fact]
    public async Task Continue_resumes_the_same_conversation_records_turn_two_and_adds_up_usage()
    {
        const string firstPrompt = "Create greeting.txt with a greeting";
        const string secondPrompt = "Now tell me what you did";
        var script = ModelScript.Empty
            .On(Match.PendingToolResults, Reply.Text("Wrote greeting.txt") with { Usage = SecondCall })
            .On(Match.FollowUp, r => Reply.Text($"Turn two. Earlier you asked: {r.EarlierPrompts[0]}") with { Usage = FollowUpCall })
            .Otherwise(Reply.Shell(WriteCommand, preface: "Writing the file.") with { Usage = FirstCall });
        await using var world = await StartWorldAsync(script);
        var id = await world.SpawnAsync(Agent, firstPrompt);
        await world.WaitCompletedAsync(id);
        var resumeId = world.ReadMeta(id).GetProperty("resume_id").GetString();
        Assert.False(string.IsNullOrEmpty(resumeId));

        var cont = await world.RunAsync("continue", id[..8], secondPrompt, "--wait", "--timeout", "90s");

        Assert.True(cont.ExitCode == 0, cont.Describe() + await world.DescribeSessionsAsync(id));
        Assert.Contains($"Turn two. Earlier you asked: {firstPrompt}", cont.Out);
        // The CLI resumed its own conversation: the model got the whole history, not a pasted transcript.
        Assert.Equal(3, world.Server.ModelCalls.Count);
        var followUp = world.Server.ModelCalls[2];
        Assert.Equal(secondPrompt, followUp.LastUserText);
        Assert.Equal([firstPrompt], followUp.EarlierPrompts);
        Assert.Equal(["Writing the file.", "Wrote greeting.txt"], followUp.EarlierAssistantTexts);
        Assert.Contains(followUp.ToolCalls, c => c.Arguments.Contains("greeting.txt"));
        Assert.Contains(followUp.ToolResults, r => Agent.IsShellOutput(r.Output, "hello-from-e2e"));
        var meta = world.ReadMeta(id);
        Assert.Equal(resumeId, meta.GetProperty("resume_id").GetString());
        Assert.Contains(resumeId!, File.ReadAllText(world.TurnFile(id, 2)));

        var turn1 = UsageTotals.Expected(Agent, FirstCall, SecondCall);
        var turn2 = UsageTotals.Expected(Agent, FollowUpCall);
        var show = await world.JsonAsync("show", id);
        var turns = show.GetProperty("turns").EnumerateArray().ToList();
        Assert.Equal(2, turns.Count);
        Assert.Equal(secondPrompt, turns[1].GetProperty("prompt").GetString());
        Assert.Equal("completed", turns[1].GetProperty("status").GetString());
        Assert.Equal(0, turns[1].GetProperty("exit_code").GetInt32());
        Assert.Equal(turn1, UsageTotals.Read(turns[0].GetProperty("usage")));
        Assert.Equal(turn2, UsageTotals.Read(turns[1].GetProperty("usage")));
        AssertCost(turn2.CostFor(Agent), CostOf(turns[1]));

        var row = await world.LsRowAsync(id);
        Assert.Equal(2, row.GetProperty("turns").GetInt32());
        Assert.Equal("completed", row.GetProperty("status").GetString());
        Assert.Equal(turn1 + turn2, UsageTotals.Read(row));
        AssertCost((turn1 + turn2).CostFor(Agent), CostOf(row));
        Assert.Equal(turn1 + turn2, UsageTotals.Read(meta.GetProperty("token_usage")));

        var traj = await world.JsonAsync("traj", id, "--turn", "2");
        Assert.All(traj.EnumerateArray(), s => Assert.Equal(2, s.GetProperty("turn").GetInt32()));
        Assert.Contains(StepsOf(traj, "message"), s => s.GetProperty("text").GetString() == $"Turn two. Earlier you asked: {firstPrompt}");
    }
}
