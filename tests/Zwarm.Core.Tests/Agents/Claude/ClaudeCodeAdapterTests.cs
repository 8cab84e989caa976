using Zwarm.Core.Agents;
using Zwarm.Core.Agents.Claude;

namespace Zwarm.Core.Tests.Agents.Claude;

public sealed class ClaudeCodeAdapterTests
{
    private const string Dir = "/home/dev/proj";
    private const string SessionId = "0c6f1e43-5a51-4d8f-9d87-3f1e1f2b9a10";

    private static TurnRequest Request(SandboxMode sandbox, string? model = "claude-sonnet-4-5", AdapterSettings? settings = null) =>
        new(SessionId, "fix the bug", model, Dir, sandbox, settings ?? AdapterSettings.Default);

    public static TheoryData<SandboxMode, string[]> PermissionFlags => new()
    {
        { SandboxMode.ReadOnly, ["--permission-mode", "default", "--disallowedTools", "Write,Edit,MultiEdit,NotebookEdit"] },
        { SandboxMode.WorkspaceWrite, ["--permission-mode", "acceptEdits"] },
        { SandboxMode.DangerFullAccess, ["--dangerously-skip-permissions"] },
    };

    [Theory]
    [MemberData(nameof(PermissionFlags))]
    public void BuildFirstTurn_FixesTheSessionIdAndMapsTheSandbox(SandboxMode sandbox, string[] permissions)
    {
        var spec = new ClaudeCodeAdapter().BuildFirstTurn(Request(sandbox));

        Assert.Equal("claude", spec.Executable);
        Assert.Equal(
            [
                "-p", "--output-format", "stream-json", "--verbose", "--session-id", SessionId,
                "--model", "claude-sonnet-4-5", .. permissions, "--", "fix the bug",
            ],
            spec.Arguments);
        Assert.Equal(Dir, spec.WorkingDirectory);
    }

    [Theory]
    [MemberData(nameof(PermissionFlags))]
    public void BuildFollowUp_ResumesWithTheSameModelAndPermissions(SandboxMode sandbox, string[] permissions)
    {
        var spec = new ClaudeCodeAdapter().BuildFollowUp(Request(sandbox) with { Prompt = "and the tests" }, "sess-1");

        Assert.Equal(
            [
                "-p", "--resume", "sess-1", "--output-format", "stream-json", "--verbose",
                "--model", "claude-sonnet-4-5", .. permissions, "--", "and the tests",
            ],
            spec.Arguments);
        Assert.Equal(Dir, spec.WorkingDirectory);
    }

    [Fact]
    public void BuildFirstTurn_WithANonUuidSessionId_LetsClaudeChooseTheId()
    {
        var spec = new ClaudeCodeAdapter().BuildFirstTurn(Request(SandboxMode.ReadOnly, model: null) with { SessionId = "abc" });

        Assert.DoesNotContain("--session-id", spec.Arguments);
        Assert.DoesNotContain("--model", spec.Arguments);
    }

    [Fact]
    public void Settings_SupplyExecutableExtraArgsEnvironmentAndDefaultModel()
    {
        var settings = new AdapterSettings(
            Executable: "/opt/claude",
            ExtraArgs: ["--max-budget-usd", "2"],
            Environment: new Dictionary<string, string?> { ["CLAUDE_CONFIG_DIR"] = "/tmp/cc" },
            DefaultModel: "opus");

        var spec = new ClaudeCodeAdapter().BuildFirstTurn(Request(SandboxMode.WorkspaceWrite, model: null, settings));

        Assert.Equal("/opt/claude", spec.Executable);
        Assert.Equal(["--model", "opus", "--permission-mode", "acceptEdits", "--max-budget-usd", "2", "--", "fix the bug"],
            spec.Arguments.Skip(6));
        Assert.Equal("/tmp/cc", spec.EnvironmentOverrides["CLAUDE_CONFIG_DIR"]);
    }

    [Fact]
    public void Identity_IsClaudeCodeAliasClaude()
    {
        var adapter = new ClaudeCodeAdapter();

        Assert.Equal("claude_code", adapter.Name);
        Assert.Equal(["claude"], adapter.Aliases);
        Assert.Equal("claude", adapter.ExecutableName);
        Assert.IsType<ClaudeStreamParser>(adapter.CreateParser());
    }
}
