// Several real agent sessions at once against one server, as zwarm runs them.
using Zwarm.ScriptedModels.Agents;
using Zwarm.ScriptedModels.Demo;
using Zwarm.ScriptedModels.Tests.Support;

namespace Zwarm.ScriptedModels.Tests.RealClients;

[Trait("Category", "RealClient")]
[Collection(RealCli.SecondCollection)]
public sealed class ConcurrentAgentsTests : IDisposable
{
    private readonly CancellationToken _ct = TestTimeout.After(180);
    private readonly TempDirectory _temp = new("zwarm-many-");

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Two_codex_and_two_claude_sessions_share_one_server_without_mixing_up_replies()
    {
        var codex = RealCli.Require(AgentCli.Codex);
        var claude = RealCli.Require(AgentCli.ClaudeCode);
        await using var server = await ScriptedModelServer.StartAsync(DemoScript.Create(), _ct);

        var runs = Enumerable.Range(1, 4).Select(async i =>
        {
            var home = _temp.CreateSubdirectory($"agent{i}");
            var work = _temp.CreateSubdirectory($"work{i}");
            var prompt = $"Run `echo agent-{i}-says-hi`";
            var result = i % 2 == 0
                ? await AgentProcess.RunAsync(codex, RealCli.CodexExec(prompt), work,
                    RealCli.CodexEnvironment(server, home), RealCli.ProcessTimeout, _ct)
                : await AgentProcess.RunAsync(claude, RealCli.ClaudePrint(prompt), work,
                    RealCli.ClaudeEnvironment(server, home), RealCli.ProcessTimeout, _ct);
            return (i, result);
        }).ToList();

        foreach (var (i, result) in await Task.WhenAll(runs))
        {
            Assert.True(result.ExitCode == 0, result.Describe());
            var final = i % 2 == 0
                ? (string?)result.OfType("item.completed").Last()["item"]!["text"]
                : (string?)result.OfType("result").Single()["result"];
            Assert.Contains($"I ran `echo agent-{i}-says-hi`. It printed:\n\n```\nagent-{i}-says-hi\n```", final);
        }
        Assert.Equal(8, server.ModelCalls.Count);
    }
}
