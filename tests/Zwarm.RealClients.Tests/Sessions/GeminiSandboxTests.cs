// zwarm's sandbox modes as Gemini CLI approval modes, proved by what the real CLI offers the model (headless Gemini
// never asks: a tool that would need a confirmation is left out of the request). read-only: read tools only;
// workspace-write: file writes and edits but still no shell (Gemini cannot confine a shell without Docker/Seatbelt);
// danger-full-access (--yolo): the shell too.
using Zwarm.RealClients.Tests.Support;
using Zwarm.ScriptedModels.Requests;
using Zwarm.ScriptedModels.Scripting;

namespace Zwarm.RealClients.Tests.Sessions;

[Trait("Category", "RealClient")]
[Collection(GeminiLane.Name)]
public sealed class GeminiSandboxTests
{
    private readonly CancellationToken _timeout = TestTimeout.After(240);

    [Fact]
    public async Task Each_sandbox_mode_offers_the_model_exactly_the_tools_of_its_approval_mode()
    {
        await using var world = await ZwarmWorld.StartAsync(ModelScript.Always(Reply.Text("ok")), [Agent.Gemini], _timeout);
        string[] modes = ["read-only", "workspace-write", "danger-full-access"];

        var ids = await Task.WhenAll(modes.Select(async mode =>
        {
            var spawn = await world.RunAsync("spawn", $"sandbox {mode}", "-a", Agent.Gemini.Adapter, "-s", mode, "--json");
            Assert.True(spawn.ExitCode == 0, spawn.Describe());
            return spawn.Json().GetProperty("id").GetString()!;
        }));
        await world.WaitCompletedAsync(ids);

        ModelRequest CallOf(string mode) => Assert.Single(world.Server.ModelCalls, c => c.LastUserText == $"sandbox {mode}");
        var readOnly = CallOf("read-only");
        Assert.True(readOnly.AdvertisesTool("read_file"), string.Join(", ", readOnly.ToolNames));
        Assert.False(readOnly.AdvertisesTool("run_shell_command"));
        Assert.False(readOnly.AdvertisesTool("write_file"));
        Assert.False(readOnly.AdvertisesTool("replace"));

        var workspaceWrite = CallOf("workspace-write");
        Assert.True(workspaceWrite.AdvertisesTool("write_file"), string.Join(", ", workspaceWrite.ToolNames));
        Assert.True(workspaceWrite.AdvertisesTool("replace"));
        Assert.False(workspaceWrite.AdvertisesTool("run_shell_command"));

        var fullAccess = CallOf("danger-full-access");
        Assert.True(fullAccess.AdvertisesTool("run_shell_command"), string.Join(", ", fullAccess.ToolNames));
        Assert.True(fullAccess.AdvertisesTool("write_file"));

        for (var i = 0; i < modes.Length; i++)
        {
            var meta = world.ReadMeta(ids[i]);
            Assert.Equal(modes[i], meta.GetProperty("sandbox").GetString());
            Assert.Equal("completed", meta.GetProperty("status").GetString());
        }
    }
}
