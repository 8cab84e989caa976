// `zwarm agents use-local` end to end: the real CLI, pointed at the scripted model server by what use-local wrote
// (a private CODEX_HOME for Codex, ANTHROPIC_BASE_URL for Claude Code), runs a session that completes; a model the
// CLI has no metadata for shows Codex's notice as a warning; a refused key makes `exec` exit 1 quickly with the
// agent's own line. The model names prove the requests followed use-local's settings, not the test world's.
using System.Diagnostics;
using Zwarm.RealClients.Tests.Support;
using Zwarm.ScriptedModels.Scripting;

namespace Zwarm.RealClients.Tests.Agents;

[Trait("Category", "RealClient")]
[Collection(Lanes.Codex)]
public sealed class CodexUseLocalTests
{
    private readonly CancellationToken _timeout = TestTimeout.After(240);

    [Fact]
    public async Task Codex_UseLocal_ThenSpawn_CompletesAgainstTheLocalServer_WithTheMetadataNoticeAsAWarning()
    {
        await using var world = await ZwarmWorld.StartAsync(ModelScript.Always(Reply.Text("hello from the local model")), [Agent.Codex], _timeout);
        var use = await world.RunAsync("agents", "use-local", "codex", "--base-url", world.Server.BaseUrl, "--model", "local-coder");
        Assert.True(use.ExitCode == 0, use.Describe());
        var check = await world.RunAsync("agents", "--check");
        Assert.True(check.ExitCode == 0, check.Describe());

        var id = await world.SpawnAsync(Agent.Codex, "say hello");
        await world.WaitCompletedAsync(id);

        var call = Assert.Single(world.Server.ModelCalls);
        Assert.Equal("local-coder", call.Model);
        Assert.Equal("local-coder", (await world.LsRowAsync(id)).GetProperty("model").GetString());
        var show = await world.RunAsync("show", id);
        Assert.Contains("hello from the local model", show.Out);
        var traj = await world.RunAsync("traj", id);
        Assert.Contains("warning: Model metadata for", traj.Out);
        Assert.DoesNotContain("error: Model metadata", traj.Out);
    }

    [Fact]
    public async Task Codex_ExecWithARefusedKey_ExitsOneQuickly_WithTheAgentsLine()
    {
        await using var world = await ZwarmWorld.StartAsync(ModelScript.Always(Reply.Unauthorized("Incorrect API key provided: zw-local")), [Agent.Codex], _timeout);
        Assert.Equal(0, (await world.RunAsync("agents", "use-local", "codex", "--base-url", world.Server.OpenAIBaseUrl, "--model", "gpt-5.5")).ExitCode);
        var clock = Stopwatch.StartNew();

        var exec = await world.RunAsync("exec", "say hello", "--timeout", "100s", "--json");

        Assert.True(exec.ExitCode == 1, exec.Describe());
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), $"exec took {clock.Elapsed}");
        var row = (await world.JsonAsync("ls")).EnumerateArray().Single();
        Assert.Equal("failed", row.GetProperty("status").GetString());
        Assert.Contains("401 Unauthorized: Incorrect API key provided: zw-local", row.GetProperty("error").GetString());
    }
}
