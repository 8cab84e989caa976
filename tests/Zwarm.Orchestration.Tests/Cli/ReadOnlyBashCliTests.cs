// The orchestrator's bash end to end, as a user runs it: `zwarm orchestrate` with a scripted model that tries to write
// the project through bash (a redirect, python's os.system) — nothing is written, the model reads the kernel's
// refusal in the tool result, and the scratch dir works.
using Zwarm.Orchestration.Tests.Support;
using Zwarm.ScriptedModels;

namespace Zwarm.Orchestration.Tests.Cli;

public sealed class ReadOnlyBashCliTests() : CliTestBase("zwarm-ro-cli-")
{
    [LandlockFact]
    public async Task Orchestrate_bash_cannot_write_the_project_and_the_model_reads_why()
    {
        const string Command = """
            echo x > escaped.txt; python3 -c "import os; os.system('touch py.txt')"; echo scratch-ok > "$ZWARM_SCRATCH/s" && cat "$ZWARM_SCRATCH/s"
            """;
        var script = new OrchestratorScript()
            .Call("bash", $$"""{"command":{{OrchestratorScript.Json(Command)}}}""")
            .Call("exit", """{"summary":"checked"}""");
        await using var server = await ScriptedModelServer.StartAsync(script.ToModelScript(), Ct);
        Configure(server);

        var (code, _, stderr) = await RunAsync(null, "orchestrate", "--task", "check the project");

        Assert.True(code == 0, stderr);
        Assert.False(File.Exists(Path.Combine(WorkDir, "escaped.txt")));
        Assert.False(File.Exists(Path.Combine(WorkDir, "py.txt")));
        var result = Assert.Single(script.Requests[1].ToolResults).Output;
        Assert.Contains("escaped.txt: Permission denied", result);
        Assert.Contains("touch: cannot touch 'py.txt': Permission denied", result);
        Assert.Contains("scratch-ok", result);
        Assert.DoesNotContain("bash is not offered", stderr);
    }
}
