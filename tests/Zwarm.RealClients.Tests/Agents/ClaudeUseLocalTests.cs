// `zwarm agents use-local` end to end: the real CLI, pointed at the scripted model server by what use-local wrote
// (a private CODEX_HOME for Codex, ANTHROPIC_BASE_URL for Claude Code), runs a session that completes; a model the
// CLI has no metadata for shows Codex's notice as a warning; a refused key makes `exec` exit 1 quickly with the
// agent's own line. The model names prove the requests followed use-local's settings, not the test world's.
using Zwarm.RealClients.Tests.Support;
using Zwarm.ScriptedModels.Scripting;

namespace Zwarm.RealClients.Tests.Agents;

[Trait("Category", "RealClient")]
[Collection(Lanes.Claude)]
public sealed class ClaudeUseLocalTests
{
    private readonly CancellationToken _timeout = TestTimeout.After(240);

    [Fact]
    public async Task Claude_UseLocal_ThenSpawn_CompletesAgainstTheLocalServer()
    {
        await using var world = await ZwarmWorld.StartAsync(ModelScript.Always(Reply.Text("hello from the local model")), [Agent.Claude], _timeout);
        var use = await world.RunAsync("agents", "use-local", "claude", "--base-url", world.Server.OpenAIBaseUrl, "--model", "local-claude",
            "--api-key-env", "ANTHROPIC_API_KEY");
        Assert.True(use.ExitCode == 0, use.Describe());

        var id = await world.SpawnAsync(Agent.Claude, "say hello");
        await world.WaitCompletedAsync(id);

        Assert.Contains(world.Server.ModelCalls, c => c.Model == "local-claude");
        Assert.Contains("hello from the local model", (await world.RunAsync("show", id)).Out);
    }
}
