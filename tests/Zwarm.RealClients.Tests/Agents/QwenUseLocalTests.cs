// `zwarm agents use-local qwen` end to end: the real Qwen Code, pointed at the scripted server by what use-local wrote
// (a private QWEN_HOME with offline settings, OPENAI_BASE_URL / OPENAI_MODEL in adapters.qwen.env), runs a session
// that completes. The model name proves the request followed use-local's settings, and the conversation is stored in
// use-local's private home, not in the home the test world gave Qwen: the home is isolated only when asked.
using Zwarm.RealClients.Tests.Support;
using Zwarm.ScriptedModels.Scripting;

namespace Zwarm.RealClients.Tests.Agents;

[Trait("Category", "RealClient")]
[Collection(Lanes.Qwen)]
public sealed class QwenUseLocalTests
{
    private readonly CancellationToken _timeout = TestTimeout.After(240);

    [Fact]
    public async Task Qwen_UseLocal_ThenSpawn_CompletesAgainstTheLocalServer_WithItsConversationInThePrivateHome()
    {
        await using var world = await ZwarmWorld.StartAsync(ModelScript.Always(Reply.Text("hello from the local model")), [Agent.Qwen], _timeout);
        var use = await world.RunAsync("agents", "use-local", "qwen", "--base-url", world.Server.BaseUrl, "--model", "local-qwen");
        Assert.True(use.ExitCode == 0, use.Describe());

        var id = await world.SpawnAsync(Agent.Qwen, "say hello");
        await world.WaitCompletedAsync(id);

        var call = Assert.Single(world.Server.ModelCalls);
        Assert.Equal("local-qwen", call.Model);
        Assert.Equal("local-qwen", (await world.LsRowAsync(id)).GetProperty("model").GetString());
        Assert.Contains("hello from the local model", (await world.RunAsync("show", id)).Out);
        var privateHome = Path.Combine(world.StateDir, "agents", "qwen");
        Assert.True(HoldsConversation(privateHome, id), $"no file under {privateHome} names the session");
        Assert.False(HoldsConversation(world.Environment["QWEN_HOME"], id), "the conversation went to the world's QWEN_HOME");
    }

    private static bool HoldsConversation(string home, string sessionId) =>
        Directory.Exists(home) && Directory.EnumerateFiles(home, "*", SearchOption.AllDirectories)
            .Any(f => new FileInfo(f).Length < 1_000_000 && File.ReadAllText(f).Contains(sessionId, StringComparison.Ordinal));
}
