// `zwarm agents`, `agents install` and `agents use-local` + `--check`, in-process, with a fake npm (it "installs" a
// codex that is the fake agent) and the scripted model server on 127.0.0.1: nothing reaches the network.
using System.Text.Json;
using Zwarm.Cli.Tests.Support;
using Zwarm.ScriptedModels;
using Zwarm.ScriptedModels.Scripting;

namespace Zwarm.Cli.Tests.Commands;

[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class AgentsCommandTests : IDisposable
{
    private readonly CliRunner _cli = new();
    private readonly string _root = Directory.CreateTempSubdirectory("zwarm-agents-").FullName;

    public AgentsCommandTests()
    {
        // No executables from config: the lookup order decides. The data folder and npm are this test's own.
        File.WriteAllText(Path.Combine(_cli.StateDir, "config.toml"), "[executor]\nkill_grace_seconds = 1\n");
        foreach (var name in new[] { "ZWARM_CODEX_BIN", "ZWARM_CLAUDE_BIN", "ZWARM_AGENTS_DIR", "ANTHROPIC_BASE_URL", "CODEX_HOME", "ZWARM_INVOKED_AS" })
        {
            _cli.Environment.Remove(name);
        }
        _cli.Environment["XDG_DATA_HOME"] = Path.Combine(_root, "data");
        var bin = Directory.CreateDirectory(Path.Combine(_root, "bin")).FullName;
        Script(Path.Combine(bin, "npm"), $$"""
            #!/bin/sh
            # A fake npm: `install ... @openai/codex@V` links a codex that reports V and otherwise is the fake agent.
            [ "$1" = install ] || exit 0
            for spec; do :; done
            version="${spec##*@}"
            mkdir -p node_modules/.bin
            printf '#!/bin/sh\nif [ "$1" = --version ]; then echo "codex-cli %s"; exit 0; fi\nexec "{{CliRunner.FakeAgent}}" "$@"\n' "$version" > node_modules/.bin/codex
            chmod +x node_modules/.bin/codex
            echo "added 1 package in 1s"
            """);
        _cli.Environment["PATH"] = bin + ":" + _cli.Environment["PATH"];
    }

    public void Dispose()
    {
        _cli.Dispose();
        Directory.Delete(_root, recursive: true);
    }

    [Fact]
    public async Task Install_PutsThePinnedVersionInTheDataFolder_AndSpawnRunsIt()
    {
        var install = await _cli.RunAsync("agents", "install", "codex");

        Assert.True(install.ExitCode == 0, install.Err);
        var executable = Path.Combine(_root, "data", "zwarm", "agents", "node_modules", ".bin", "codex");
        Assert.Contains($"installed Codex CLI codex-cli 0.169.0 in", install.Out);
        Assert.Contains(executable, install.Out);
        Assert.Contains("npm: added 1 package in 1s", install.Err);
        Assert.Contains("installing @openai/codex@0.169.0", install.Err);

        var again = await _cli.RunAsync("agents", "install", "codex");
        Assert.Contains("already installed", again.Out);

        var list = await _cli.RunAsync("agents", "--json");
        var codex = JsonDocument.Parse(list.Out).RootElement.EnumerateArray().Single(a => a.GetProperty("adapter").GetString() == "codex");
        Assert.Equal(executable, codex.GetProperty("path").GetString());
        Assert.Equal("zwarm's data folder", codex.GetProperty("source").GetString());
        Assert.True(codex.GetProperty("pinned").GetBoolean());

        var exec = await _cli.RunAsync("exec", "@echo-env=XDG_DATA_HOME", "--timeout", "60s");
        Assert.True(exec.ExitCode == 0, exec.Out + exec.Err);
        Assert.Contains(Path.Combine(_root, "data"), exec.Out);
    }

    [Fact]
    public async Task Check_SaysWhetherTheConfiguredLocalEndpointAnswers_AndLeavesThePublicApiAlone()
    {
        await using var server = await ScriptedModelServer.StartAsync(ModelScript.Always(Reply.Text("hi")), CancellationToken.None);
        var use = await _cli.RunAsync("agents", "use-local", "codex", "--base-url", server.OpenAIBaseUrl, "--model", "local-model");
        Assert.True(use.ExitCode == 0, use.Err);
        Assert.Contains("OpenAI Responses API", use.Out);

        var check = await _cli.RunAsync("agents", "--check", "--json");

        Assert.True(check.ExitCode == 0, check.Out + check.Err);
        var rows = JsonDocument.Parse(check.Out).RootElement.EnumerateArray().ToDictionary(a => a.GetProperty("adapter").GetString()!);
        Assert.True(rows["codex"].GetProperty("endpoint").GetProperty("reachable").GetBoolean());
        Assert.Equal(server.OpenAIBaseUrl, rows["codex"].GetProperty("endpoint").GetProperty("base_url").GetString());
        Assert.Equal("uses the public API (not checked)", rows["claude_code"].GetProperty("endpoint").GetProperty("detail").GetString());
        Assert.Equal(JsonValueKind.Null, rows["claude_code"].GetProperty("endpoint").GetProperty("reachable").ValueKind);
        Assert.DoesNotContain(server.Requests, r => r.Path.Contains("responses", StringComparison.Ordinal));

        var closed = await _cli.RunAsync("agents", "use-local", "codex", "--base-url", "http://127.0.0.1:1/v1");
        Assert.Equal(0, closed.ExitCode);
        var down = await _cli.RunAsync("agents", "--check");
        Assert.Equal(10, down.ExitCode);
        Assert.Contains("no answer", down.Out);
    }

    [Fact]
    public async Task UseLocal_Print_WritesNothing_AndOff_RestoresTheConfig()
    {
        var before = File.ReadAllText(Path.Combine(_cli.StateDir, "config.toml"));

        var print = await _cli.RunAsync("agents", "use-local", "claude", "--base-url", "http://localhost:11434", "--print");
        Assert.Equal(0, print.ExitCode);
        Assert.Contains("would write", print.Out);
        Assert.Contains("ANTHROPIC_BASE_URL = \"http://localhost:11434\"", print.Out);
        Assert.Equal(before, File.ReadAllText(Path.Combine(_cli.StateDir, "config.toml")));

        Assert.Equal(0, (await _cli.RunAsync("agents", "use-local", "claude", "--base-url", "http://localhost:11434")).ExitCode);
        // Every command still validates the edited config (unknown keys are still refused).
        Assert.Equal(0, (await _cli.RunAsync("configs", "show")).ExitCode);
        Assert.Equal(0, (await _cli.RunAsync("agents", "use-local", "claude", "--off")).ExitCode);
        Assert.Equal(before, File.ReadAllText(Path.Combine(_cli.StateDir, "config.toml")));

        var missing = await _cli.RunAsync("agents", "use-local", "codex");
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("--base-url", missing.Err);
    }

    private static void Script(string path, string text)
    {
        File.WriteAllText(path, text.Replace("\r", ""));
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }
}
