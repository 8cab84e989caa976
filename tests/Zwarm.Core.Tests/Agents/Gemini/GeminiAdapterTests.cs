using Zwarm.Core.Agents;
using Zwarm.Core.Agents.Gemini;
using Zwarm.Core.Agents.Local;

namespace Zwarm.Core.Tests.Agents.Gemini;

public sealed class GeminiAdapterTests
{
    private const string Dir = "/home/dev/proj";
    private const string SessionId = "0c6f1e43-5a51-4d8f-9d87-3f1e1f2b9a10";

    private static TurnRequest Request(SandboxMode sandbox, string? model = "gemini-2.5-flash", AdapterSettings? settings = null) =>
        new(SessionId, "fix the bug", model, Dir, sandbox, settings ?? AdapterSettings.Default);

    public static TheoryData<SandboxMode, string[]> ApprovalFlags => new()
    {
        { SandboxMode.ReadOnly, ["--approval-mode", "default"] },
        { SandboxMode.WorkspaceWrite, ["--approval-mode", "auto_edit"] },
        { SandboxMode.DangerFullAccess, ["--yolo"] },
    };

    [Theory]
    [MemberData(nameof(ApprovalFlags))]
    public void BuildFirstTurn_FixesTheSessionIdAndMapsTheSandbox(SandboxMode sandbox, string[] approval)
    {
        var spec = new GeminiAdapter().BuildFirstTurn(Request(sandbox));

        Assert.Equal("gemini", spec.Executable);
        Assert.Equal(
            ["--session-id", SessionId, "-o", "stream-json", "--skip-trust", .. approval, "-m", "gemini-2.5-flash", "--prompt=fix the bug"],
            spec.Arguments);
        Assert.Equal(Dir, spec.WorkingDirectory);
    }

    [Theory]
    [MemberData(nameof(ApprovalFlags))]
    public void BuildFollowUp_ResumesWithTheSameModelModeAndDirectory(SandboxMode sandbox, string[] approval)
    {
        var spec = new GeminiAdapter().BuildFollowUp(Request(sandbox) with { Prompt = "-and the tests" }, "sess-1");

        Assert.Equal(
            ["--resume", "sess-1", "-o", "stream-json", "--skip-trust", .. approval, "-m", "gemini-2.5-flash", "--prompt=-and the tests"],
            spec.Arguments);
        Assert.Equal(Dir, spec.WorkingDirectory);
    }

    [Fact]
    public void Settings_SupplyExecutableExtraArgsEnvironmentAndDefaultModel_AndANonUuidIdIsLeftToGemini()
    {
        var settings = new AdapterSettings(
            Executable: "/opt/gemini",
            ExtraArgs: ["--include-directories", "/data"],
            Environment: new Dictionary<string, string?> { ["GEMINI_CLI_HOME"] = "/tmp/gh" },
            DefaultModel: "gemini-2.5-pro");

        var spec = new GeminiAdapter().BuildFirstTurn(Request(SandboxMode.WorkspaceWrite, model: null, settings) with { SessionId = "abc" });

        Assert.Equal("/opt/gemini", spec.Executable);
        Assert.Equal(
            ["-o", "stream-json", "--skip-trust", "--approval-mode", "auto_edit", "-m", "gemini-2.5-pro", "--include-directories", "/data", "--prompt=fix the bug"],
            spec.Arguments);
        Assert.Equal("/tmp/gh", spec.EnvironmentOverrides["GEMINI_CLI_HOME"]);
        Assert.Null(new GeminiAdapter().InitialResumeId("abc"));
        Assert.Equal(SessionId, new GeminiAdapter().InitialResumeId(SessionId));
    }

    [Fact]
    public void Identity_PackageAndCommandLine()
    {
        var adapter = new GeminiAdapter();

        Assert.Equal(("gemini", "Gemini CLI", "@google/gemini-cli@0.61.0"), (adapter.Name, adapter.DisplayName, adapter.Package.Spec));
        Assert.Equal(["gemini_cli"], adapter.Aliases);
        Assert.Equal("zwarm agents install gemini", adapter.InstallHint);
        Assert.True(adapter.IsAgentCommandLine(["node", "/x/node_modules/@google/gemini-cli/bundle/gemini.js", "-p", "hi"]));
        Assert.True(adapter.IsAgentCommandLine(["/usr/local/bin/gemini", "--resume", "s"]));
        Assert.False(adapter.IsAgentCommandLine(["sleep", "100", "gemini"]));
    }

    [Fact]
    public void ModelEndpoint_IsGoogleGeminiBaseUrl_ElseThePublicApi()
    {
        var adapter = new GeminiAdapter();

        Assert.Equal("http://127.0.0.1:9", adapter.ModelEndpoint(AdapterSettings.Default,
            new Dictionary<string, string?> { ["GOOGLE_GEMINI_BASE_URL"] = "http://127.0.0.1:9" }));
        Assert.Null(adapter.ModelEndpoint(AdapterSettings.Default, new Dictionary<string, string?>()));
        Assert.Null(adapter.ConfiguredModel(AdapterSettings.Default, new Dictionary<string, string?>()));
    }

    [Fact]
    public void UseLocal_PointsAtTheServerRoot_WithAPrivateHomeWhoseSettingsSelectTheApiKey()
    {
        var setup = new GeminiAdapter().UseLocal(new LocalModelRequest("http://localhost:4000/v1beta/", "gemini-2.5-flash", null, "/state/agents/gemini"));

        Assert.Equal("http://localhost:4000", setup.Environment["GOOGLE_GEMINI_BASE_URL"]);
        Assert.Equal("/state/agents/gemini", setup.Environment["GEMINI_CLI_HOME"]);
        Assert.Equal("local", setup.Environment["GEMINI_API_KEY"]);
        Assert.Equal("gemini-2.5-flash", setup.Environment["GEMINI_MODEL"]);
        var file = Assert.Single(setup.Files);
        Assert.Equal("/state/agents/gemini/.gemini/settings.json", file.Path);
        var settings = System.Text.Json.JsonDocument.Parse(file.Content).RootElement;
        Assert.Equal("gemini-api-key", settings.GetProperty("security").GetProperty("auth").GetProperty("selectedType").GetString());
        Assert.False(settings.GetProperty("privacy").GetProperty("usageStatisticsEnabled").GetBoolean());
    }

    [Fact]
    public void UseLocal_WithTheUsersKeyVariable_WritesNoPlaceholder_AndRejectsOnesGeminiDoesNotRead()
    {
        var adapter = new GeminiAdapter();

        var setup = adapter.UseLocal(new LocalModelRequest("http://h:1", null, "GOOGLE_API_KEY", "/s"));
        var wrong = Assert.Throws<ZwarmException>(() => adapter.UseLocal(new LocalModelRequest("http://h:1", null, "MY_KEY", "/s")));

        Assert.False(setup.Environment.ContainsKey("GEMINI_API_KEY"));
        Assert.False(setup.Environment.ContainsKey("GEMINI_MODEL"));
        Assert.Equal(ErrorKind.Usage, wrong.Kind);
    }

    [Theory]
    [InlineData(41, "Invalid auth method selected.", "security.auth.selectedType")]
    [InlineData(55, "\u001b[31mGemini CLI is not running in a trusted directory.\u001b[0m", "untrusted folder")]
    public void DescribeExit_ExplainsTheDocumentedExitCodes(int code, string stderr, string expected)
    {
        var message = new GeminiAdapter().DescribeExit(code, stderr);

        Assert.Contains(expected, message);
        Assert.DoesNotContain("\u001b", message);
    }

    [Fact]
    public void DescribeExit_KeepsTheStderrLineForOtherCodes()
    {
        Assert.Equal("boom", new GeminiAdapter().DescribeExit(1, "boom"));
        Assert.Null(new GeminiAdapter().DescribeExit(145, null));
    }

    [Theory]
    [InlineData("Invalid auth method selected.", true)]
    [InlineData("""{"type":"result","status":"error","error":{"type":"unknown","message":"[API Error: {\"error\":{\"code\":401,\"message\":\"API key not valid.\",\"status\":\"UNAUTHENTICATED\"}}]"}}""", true)]
    [InlineData("""{"type":"result","status":"error","error":{"type":"unknown","message":"[API Error: {\"error\":{\"code\":500,\"message\":\"boom\"}}]"}}""", false)]
    [InlineData("""{"type":"message","role":"user","content":"401 is a number"}""", false)]
    [InlineData("Ripgrep is not available. Falling back to GrepTool.", false)]
    public void AuthFailure_RecognisesRejectedKeysOnly(string line, bool isAuthFailure)
    {
        Assert.Equal(isAuthFailure, new GeminiAdapter().AuthFailure(line) is not null);
    }
}
