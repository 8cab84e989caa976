using Zwarm.Core.Agents;
using Zwarm.Core.Agents.Install;
using Zwarm.Core.Agents.Local;
using Zwarm.Core.Agents.Qwen;
using Zwarm.Core.Events;
using Zwarm.Core.Tests.Support;

namespace Zwarm.Core.Tests.Agents.Qwen;

public sealed class QwenCodeAdapterTests
{
    private const string Dir = "/home/dev/proj";
    private const string SessionId = "0c6f1e43-5a51-4d8f-9d87-3f1e1f2b9a10";

    private static TurnRequest Request(SandboxMode sandbox, string? model = "qwen3-coder-plus", AdapterSettings? settings = null) =>
        new(SessionId, "fix the bug", model, Dir, sandbox, settings ?? AdapterSettings.Default);

    public static TheoryData<SandboxMode, string[]> ApprovalFlags => new()
    {
        { SandboxMode.ReadOnly, ["--approval-mode", "default"] },
        { SandboxMode.WorkspaceWrite, ["--approval-mode", "auto-edit", "--allowed-tools=run_shell_command"] },
        { SandboxMode.DangerFullAccess, ["--approval-mode", "yolo"] },
    };

    [Theory]
    [MemberData(nameof(ApprovalFlags))]
    public void BuildFirstTurn_FixesTheSessionIdAndMapsTheSandbox(SandboxMode sandbox, string[] approval)
    {
        var spec = new QwenCodeAdapter().BuildFirstTurn(Request(sandbox));

        Assert.Equal("qwen", spec.Executable);
        Assert.Equal(
            ["--output-format", "stream-json", "--session-id", SessionId, "--model", "qwen3-coder-plus", .. approval, "--prompt=fix the bug"],
            spec.Arguments);
        Assert.Equal(Dir, spec.WorkingDirectory);
    }

    [Theory]
    [MemberData(nameof(ApprovalFlags))]
    public void BuildFollowUp_ResumesWithTheSameModelAndApprovalMode(SandboxMode sandbox, string[] approval)
    {
        var spec = new QwenCodeAdapter().BuildFollowUp(Request(sandbox) with { Prompt = "and the tests" }, "sess-1");

        Assert.Equal(
            ["--output-format", "stream-json", "--resume", "sess-1", "--model", "qwen3-coder-plus", .. approval, "--prompt=and the tests"],
            spec.Arguments);
        Assert.Equal(Dir, spec.WorkingDirectory);
    }

    [Fact]
    public void APromptStartingWithADash_StaysThePromptsValue_AndExtraArgsComeBeforeIt()
    {
        var settings = new AdapterSettings(Executable: "/opt/qwen", ExtraArgs: ["--max-session-turns", "30"]);

        var spec = new QwenCodeAdapter().BuildFirstTurn(Request(SandboxMode.ReadOnly, model: null, settings) with { Prompt = "--help me" });

        Assert.Equal("/opt/qwen", spec.Executable);
        Assert.DoesNotContain("--model", spec.Arguments);
        Assert.Equal(["--max-session-turns", "30", "--prompt=--help me"], spec.Arguments.TakeLast(3));
    }

    [Fact]
    public void InitialResumeId_IsTheSessionIdWhenItIsAUuid()
    {
        var adapter = new QwenCodeAdapter();

        Assert.Equal(SessionId, adapter.InitialResumeId(SessionId));
        Assert.Null(adapter.InitialResumeId("abc"));
        Assert.DoesNotContain("--session-id", adapter.BuildFirstTurn(Request(SandboxMode.ReadOnly) with { SessionId = "abc" }).Arguments);
    }

    [Theory]
    [InlineData("qwen")]
    [InlineData("qwen_code")]
    [InlineData("Qwen-Code")]
    public void Registry_FindsItByNameAndAlias(string name)
    {
        Assert.IsType<QwenCodeAdapter>(AgentRegistry.Default.Find(name));
    }

    [Fact]
    public void IsAgentCommandLine_KnowsTheLauncherAndTheRelaunchedCli()
    {
        var adapter = new QwenCodeAdapter();

        Assert.True(adapter.IsAgentCommandLine(["node", "/x/node_modules/.bin/qwen", "-p", "hi"]));
        Assert.True(adapter.IsAgentCommandLine(["/usr/bin/node", "--expose-gc", "/x/node_modules/@qwen-code/qwen-code/cli.js"]));
        Assert.False(adapter.IsAgentCommandLine(["sleep", "100", "qwen"]));
        Assert.False(adapter.IsAgentCommandLine(["node", "/x/server.js"]));
    }

    [Fact]
    public void PackageAndNames_AreWhatZwarmAgentsShows()
    {
        var adapter = new QwenCodeAdapter();

        Assert.Equal("@qwen-code/qwen-code@0.24.4", adapter.Package.Spec);
        Assert.Equal("Qwen Code", adapter.DisplayName);
        Assert.Equal("zwarm agents install qwen", adapter.InstallHint);
    }

    [Fact]
    public void AuthFailure_IsNeverClaimed_QwenEndsA401TurnItselfWithExitCode1()
    {
        var adapter = new QwenCodeAdapter();

        Assert.All(File.ReadLines(Samples.PathOf("qwen_401.jsonl")), line => Assert.Null(adapter.AuthFailure(line)));
    }

    [Fact]
    public void MissingCli_IsOneLineNamingThePinnedInstallCommand()
    {
        using var dir = new TempDirectory();
        var env = new Dictionary<string, string?> { ["PATH"] = "/nonexistent", ["HOME"] = dir.Path };

        var e = Assert.Throws<ZwarmException>(() =>
            new AgentLocator(env, null).Require(AgentRegistry.Default.Find("qwen")!, AdapterSettings.Default, dir.Path));

        Assert.Equal(ErrorKind.AgentMissing, e.Kind);
        Assert.StartsWith("the Qwen Code ('qwen') was not found (looked in ZWARM_QWEN_BIN, ", e.Message);
        Assert.Contains("install it with: zwarm agents install qwen (installs @qwen-code/qwen-code@0.24.4 into " + dir.Path, e.Message);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Theory]
    [InlineData("qwen3-coder-plus")]
    [InlineData("qwen3-coder-plus-2025-09-23")]
    public void Cost_ComesFromThePriceTable_WithCachedInputAtTheCacheRate(string model)
    {
        // 1M input of which 400k cached, 100k output: 600k * $1 + 400k * $0.20 + 100k * $5 per 1M.
        var cost = PriceTable.Default.Cost(model, new TokenUsage(InputTokens: 1_000_000, CachedInputTokens: 400_000, OutputTokens: 100_000));

        Assert.Equal(0.60m + 0.08m + 0.50m, cost);
    }

    [Fact]
    public void UseLocal_WritesAPrivateHomeWithTheOfflineSettings_AndThePointsAtTheServer()
    {
        using var dir = new TempDirectory();

        var setup = new QwenCodeAdapter().UseLocal(new LocalModelRequest("http://localhost:11434", "qwen3-coder", null, dir.Path));

        Assert.Equal(dir.Path, setup.Environment["QWEN_HOME"]);
        Assert.Equal("http://localhost:11434/v1", setup.Environment["OPENAI_BASE_URL"]);
        Assert.Equal("qwen3-coder", setup.Environment["OPENAI_MODEL"]);
        Assert.Equal("local", setup.Environment["OPENAI_API_KEY"]);
        var file = Assert.Single(setup.Files);
        Assert.Equal(Path.Combine(dir.Path, "settings.json"), file.Path);
        using var settings = System.Text.Json.JsonDocument.Parse(file.Content);
        var root = settings.RootElement;
        Assert.Equal("openai", root.GetProperty("security").GetProperty("auth").GetProperty("selectedType").GetString());
        Assert.False(root.GetProperty("privacy").GetProperty("usageStatisticsEnabled").GetBoolean());
        Assert.False(root.GetProperty("memory").GetProperty("enableManagedAutoMemory").GetBoolean());
    }

    [Fact]
    public void UseLocal_WithAKeyVariableQwenDoesNotRead_IsAUsageError()
    {
        var error = Assert.Throws<ZwarmException>(() =>
            new QwenCodeAdapter().UseLocal(new LocalModelRequest("http://localhost:1234", null, "MY_KEY", "/tmp/x")));

        Assert.Equal(ErrorKind.Usage, error.Kind);
        Assert.Contains("OPENAI_API_KEY", error.Message);
    }

    [Fact]
    public void ModelEndpoint_ComesFromTheEnvironmentElseTheSettingsOfQwenHome()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.Combine("settings.json"), """{ "security": { "auth": { "baseUrl": "http://10.0.0.5:8000/v1" } } }""");
        var adapter = new QwenCodeAdapter();

        Assert.Equal("http://a/v1", adapter.ModelEndpoint(AdapterSettings.Default, new Dictionary<string, string?> { ["OPENAI_BASE_URL"] = "http://a/v1" }));
        Assert.Equal("http://10.0.0.5:8000/v1", adapter.ModelEndpoint(AdapterSettings.Default, new Dictionary<string, string?> { ["QWEN_HOME"] = dir.Path }));
        Assert.Null(adapter.ModelEndpoint(AdapterSettings.Default, new Dictionary<string, string?> { ["HOME"] = dir.Path }));
    }
}
