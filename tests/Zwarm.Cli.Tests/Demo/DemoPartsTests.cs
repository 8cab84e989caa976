// The parts of `zwarm demo` that need no agent CLI: its folder, where it looks for the CLI, how it narrates commands,
// and its one-line failure when the CLI it was pointed at does not exist. (The whole demo runs in
// tests/Zwarm.RealClients.Tests/Demo with the real CLIs.)
using Zwarm.Cli.Demo;
using Zwarm.Cli.Tests.Support;
using Zwarm.Core;
using Zwarm.Core.Agents;

namespace Zwarm.Cli.Tests.Demo;

public sealed class DemoPartsTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("zwarm-demo-parts-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void Layout_RefusesANonEmptyFolderThatIsNotADemo()
    {
        var dir = Directory.CreateDirectory(Path.Combine(_root, "project")).FullName;
        File.WriteAllText(Path.Combine(dir, "important.txt"), "keep me");

        var error = Assert.Throws<ZwarmException>(() => DemoLayout.Prepare(dir, _root));

        Assert.Equal(ErrorKind.Usage, error.Kind);
        Assert.Equal("keep me", File.ReadAllText(Path.Combine(dir, "important.txt")));
    }

    [Fact]
    public void Layout_ClearsTheEarlierDemoRun()
    {
        var first = DemoLayout.Prepare("demo", _root);
        File.WriteAllText(Path.Combine(first.Workspace, "old.txt"), "from the last run");

        var second = DemoLayout.Prepare(Path.Combine(_root, "demo"), "/");

        Assert.Equal(first, second);
        Assert.Empty(Directory.EnumerateFileSystemEntries(second.Workspace));
        Assert.True(Directory.Exists(second.State) && Directory.Exists(second.Agents));
    }

    [Fact]
    public void Locator_FollowsTheConfigThenTheVariableThenTheAgentsFolder()
    {
        var prefix = Path.Combine(_root, "agents");
        var installed = FakeExecutable(Path.Combine(prefix, "node_modules", ".bin", "codex"));
        var explicitBin = FakeExecutable(Path.Combine(_root, "bin", "my-codex"));
        var env = new Dictionary<string, string?> { ["ZWARM_AGENTS_DIR"] = prefix, ["PATH"] = "/nonexistent", ["HOME"] = _root };

        var fromAgentsDir = AgentCliLocator.Find(PinnedCli.Codex, AdapterSettings.Default, env, _root);
        Assert.Equal(new LocatedCli(installed, "ZWARM_AGENTS_DIR"), fromAgentsDir);

        env["ZWARM_CODEX_BIN"] = explicitBin;
        Assert.Equal(explicitBin, AgentCliLocator.Find(PinnedCli.Codex, AdapterSettings.Default, env, _root)!.Path);

        var configured = new AdapterSettings(Executable: Path.Combine(_root, "missing-codex"));
        Assert.Null(AgentCliLocator.Find(PinnedCli.Codex, configured, env, _root));
    }

    [Fact]
    public void DataDirectory_IsUnderXdgDataHomeOrLocalShare()
    {
        Assert.Equal("/data/zwarm/agents", AgentCliLocator.DataDirectory(new Dictionary<string, string?> { ["XDG_DATA_HOME"] = "/data", ["HOME"] = "/home/u" }));
        Assert.Equal("/home/u/.local/share/zwarm/agents", AgentCliLocator.DataDirectory(new Dictionary<string, string?> { ["HOME"] = "/home/u" }));
    }

    [Theory]
    [InlineData("plain words", "'plain words'")]
    [InlineData("run `echo \"$(pwd)\"`", "'run `echo \"$(pwd)\"`'")]
    [InlineData("it's", "'it'\\''s'")]
    public void Quote_MakesOneShellWord(string text, string expected) => Assert.Equal(expected, DemoNarrator.Quote(text));

    [Fact]
    public async Task Demo_WithAMissingConfiguredCli_FailsWithOneLineAndAgentMissing()
    {
        using var cli = new CliRunner();

        var result = await cli.RunAsync("demo", "--dir", Path.Combine(_root, "demo"), "--set", "adapters.codex.executable=/nonexistent/codex");

        Assert.Equal(6, result.ExitCode);
        Assert.Equal("zwarm: adapters.codex.executable is '/nonexistent/codex', which was not found", result.Err.Trim());
        Assert.False(Directory.Exists(Path.Combine(_root, "demo")));
    }

    private static string FakeExecutable(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, "#!/bin/sh\necho fake\n");
        return path;
    }
}
