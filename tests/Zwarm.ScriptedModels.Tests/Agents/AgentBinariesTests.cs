using Zwarm.ScriptedModels.Agents;
using Zwarm.ScriptedModels.Tests.Support;

namespace Zwarm.ScriptedModels.Tests.Agents;

public sealed class AgentBinariesTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private string FakeRepoWithBinary(string name)
    {
        File.WriteAllText(_temp.Combine("Zwarm.slnx"), "<Solution />");
        var bin = Directory.CreateDirectory(_temp.Combine(".tools", "agents", "node_modules", ".bin")).FullName;
        File.WriteAllText(Path.Combine(bin, name), "");
        return Directory.CreateDirectory(_temp.Combine("tests", "bin", "Debug")).FullName;
    }

    [Fact]
    public void Finds_the_binary_in_the_repository_tools_folder_above_the_start_folder()
    {
        var start = FakeRepoWithBinary("claude");

        var path = AgentBinaries.TryLocate(AgentCli.ClaudeCode, start, _ => null);

        Assert.Equal(_temp.Combine(".tools", "agents", "node_modules", ".bin", "claude"), path);
        Assert.Null(AgentBinaries.TryLocate(AgentCli.Codex, start, _ => null));
    }

    [Fact]
    public void Explicit_variable_wins_and_is_final_even_when_it_points_nowhere()
    {
        var start = FakeRepoWithBinary("codex");
        var explicitPath = _temp.Combine("my-codex");
        File.WriteAllText(explicitPath, "");

        Assert.Equal(explicitPath, AgentBinaries.TryLocate(AgentCli.Codex, start, v => v == "ZWARM_CODEX_BIN" ? explicitPath : null));
        Assert.Null(AgentBinaries.TryLocate(AgentCli.Codex, start, v => v == "ZWARM_CODEX_BIN" ? "/nonexistent/codex" : null));
    }

    [Fact]
    public void Agents_directory_variable_is_searched_before_the_repository()
    {
        var start = FakeRepoWithBinary("codex");
        var other = Directory.CreateDirectory(_temp.Combine("elsewhere", "node_modules", ".bin")).FullName;
        File.WriteAllText(Path.Combine(other, "codex"), "");

        var path = AgentBinaries.TryLocate(AgentCli.Codex, start, v => v == "ZWARM_AGENTS_DIR" ? _temp.Combine("elsewhere") : null);

        Assert.Equal(Path.Combine(other, "codex"), path);
    }

    [Fact]
    public void Require_names_the_install_script_when_missing()
    {
        var error = Assert.Throws<FileNotFoundException>(() => AgentBinaries.Require(AgentCli.Codex, "/"));

        Assert.Contains("scripts/install-agent-clis.sh", error.Message);
        Assert.Contains("ZWARM_CODEX_BIN", error.Message);
    }
}
