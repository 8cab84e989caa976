using Zwarm.Core.Agents;
using Zwarm.Core.Agents.Install;
using Zwarm.Core.Tests.Support;

namespace Zwarm.Core.Tests.Agents.Install;

[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class AgentLocatorTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly IAgentAdapter _codex = AgentRegistry.Default.Find("codex")!;

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void EachStepOfTheOrder_WinsOverTheLaterOnes()
    {
        var onPath = Executable("path-bin", "codex");
        var checkout = Executable(".tools/agents/node_modules/.bin", "codex", under: "checkout");
        var data = Executable("data/zwarm/agents/node_modules/.bin", "codex");
        var agentsDir = Executable("custom/node_modules/.bin", "codex");
        var variable = Executable("bin", "my-codex");
        var env = new Dictionary<string, string?>
        {
            ["PATH"] = _dir.Combine("path-bin"), ["HOME"] = _dir.Path, ["XDG_DATA_HOME"] = _dir.Combine("data"),
            ["ZWARM_AGENTS_DIR"] = _dir.Combine("custom"), ["ZWARM_CODEX_BIN"] = variable,
        };
        var locator = new AgentLocator(env, _dir.Combine("checkout"));

        Assert.Equal((variable, AgentSource.Variable), Find(locator));
        env.Remove("ZWARM_CODEX_BIN");
        Assert.Equal((agentsDir, AgentSource.AgentsDirectory), Find(locator));
        env.Remove("ZWARM_AGENTS_DIR");
        Assert.Equal((data, AgentSource.DataFolder), Find(locator));
        File.Delete(data);
        Assert.Equal((checkout, AgentSource.Checkout), Find(locator));
        Assert.Equal((onPath, AgentSource.Path), Find(new AgentLocator(env, checkout: null)));
        var configured = new AdapterSettings(Executable: onPath);
        Assert.Equal(AgentSource.Config, new AgentLocator(env, _dir.Combine("checkout")).Find(_codex, configured, _dir.Path)!.Source);
    }

    [Fact]
    public void DataFolder_IsUnderXdgDataHomeElseLocalShare()
    {
        Assert.Equal("/data/zwarm/agents", AgentFolders.DataDirectory(new Dictionary<string, string?> { ["XDG_DATA_HOME"] = "/data", ["HOME"] = "/home/u" }));
        Assert.Equal("/home/u/.local/share/zwarm/agents", AgentFolders.DataDirectory(new Dictionary<string, string?> { ["HOME"] = "/home/u" }));
    }

    [Fact]
    public void AnExplicitChoiceThatIsMissing_IsReportedNotReplaced()
    {
        Executable("path-bin", "codex");
        var env = new Dictionary<string, string?> { ["PATH"] = _dir.Combine("path-bin"), ["HOME"] = _dir.Path };
        var locator = new AgentLocator(env, null);

        var e = Assert.Throws<ZwarmException>(() => locator.Require(_codex, new AdapterSettings(Executable: "/nonexistent/codex"), _dir.Path));
        Assert.Equal(ErrorKind.AgentMissing, e.Kind);
        Assert.Contains("adapters.codex.executable is '/nonexistent/codex'", e.Message);

        env["ZWARM_CODEX_BIN"] = "/nonexistent/codex";
        Assert.Null(locator.Find(_codex, AdapterSettings.Default, _dir.Path));
    }

    [Fact]
    public void NothingFound_NamesThePinnedInstallCommand_NotAGlobalNpmInstall()
    {
        var env = new Dictionary<string, string?> { ["PATH"] = "/nonexistent", ["HOME"] = _dir.Path };

        var e = Assert.Throws<ZwarmException>(() => new AgentLocator(env, null).Require(_codex, AdapterSettings.Default, _dir.Path));

        Assert.Equal(ErrorKind.AgentMissing, e.Kind);
        Assert.Contains("zwarm agents install codex (installs @openai/codex@0.169.0 into " + _dir.Path, e.Message);
        Assert.DoesNotContain("npm install -g", e.Message);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Fact]
    public void EveryAdapter_HasAPinnedPackageAndItsOwnVariable()
    {
        foreach (var adapter in AgentRegistry.Default.Adapters)
        {
            Assert.Matches(@"^\d+\.\d+\.\d+$", adapter.Package.Version);
            Assert.Matches("^ZWARM_[A-Z_]+_BIN$", AgentFolders.VariableFor(adapter));
        }
        Assert.Equal("ZWARM_CLAUDE_BIN", AgentFolders.VariableFor(AgentRegistry.Default.Find("claude")!));
    }

    private (string, AgentSource) Find(AgentLocator locator)
    {
        var found = locator.Find(_codex, AdapterSettings.Default, _dir.Path)!;
        return (found.Path, found.Source);
    }

    private string Executable(string folder, string name, string? under = null)
    {
        var dir = Directory.CreateDirectory(under is null ? _dir.Combine(folder) : _dir.Combine(under, folder)).FullName;
        var path = Path.Combine(dir, name);
        File.WriteAllText(path, "#!/bin/sh\necho fake\n");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return path;
    }
}
